import CLibXML2

/// Why libxml2 could not give a document.
public enum HTMLParseError: Error, Sendable, Hashable {
    /// The input is larger than libxml2 accepts in one buffer.
    case inputTooLarge(bytes: Int)
    /// libxml2 returned no document at all.
    case noDocument
}

/// The result of parsing: the tree and what went wrong on the way.
public struct HTMLParseResult: Sendable, Hashable {
    public var tree: HTMLTree
    /// The depth below which elements were dropped because they were nested too deep; nil
    /// when nothing was dropped.
    public var cutAtDepth: Int?
}

/// libxml2's HTML parser, in recover mode, with every network and entity access refused.
public enum HTMLParser {
    /// Elements nested deeper than this are cut off, with a warning.
    public static let defaultMaximumDepth = 100_000

    /// Parses UTF-8 HTML. The text must already be decoded: libxml2 is told it is UTF-8
    /// and never guesses or switches the encoding from a `<meta>` declaration.
    public static func parse(
        utf8 text: String, maximumDepth: Int = defaultMaximumDepth
    ) throws(HTMLParseError) -> HTMLParseResult {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(HTMLParseError) in try parse(utf8Bytes: bytes, maximumDepth: maximumDepth) }
        }.get()
    }

    /// Parses HTML from bytes that the caller has checked are valid UTF-8 with no NUL byte
    /// (libxml2 reads C strings), without copying them into a string first.
    public static func parse(
        utf8Bytes bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int = defaultMaximumDepth
    ) throws(HTMLParseError) -> HTMLParseResult {
        if let sanitized = DoctypeSanitizer.sanitized(bytes) {
            return try sanitized.withUnsafeBufferPointer { sanitizedBytes in
                Result { () throws(HTMLParseError) in try parseSanitized(sanitizedBytes, maximumDepth: maximumDepth) }
            }.get()
        }
        return try parseSanitized(bytes, maximumDepth: maximumDepth)
    }

    private static func parseSanitized(
        _ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int
    ) throws(HTMLParseError) -> HTMLParseResult {
        EntityLoaderGuard.install()
        guard bytes.count < Int(Int32.max) else { throw .inputTooLarge(bytes: bytes.count) }

        guard let context = htmlNewParserCtxt() else { throw .noDocument }
        defer { htmlFreeParserCtxt(context) }

        // libxml2 reports what it reads (elements opened and closed, text) to the builder,
        // which keeps the tree as Swift values: no libxml2 tree is built, copied and freed.
        let builder = HTMLTreeBuilder(maximumDepth: maximumDepth)
        guard builder.install(on: context) else { throw .noDocument }

        let options = Self.options
        withExtendedLifetime(builder) {
            let document: htmlDocPtr? = bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
            // With these handlers libxml2 builds no document; free one if a version does.
            if let document { xmlFreeDoc(document) }
        }
        // A page with nothing but comments or a document type gives a tree with the document
        // node alone, as libxml2's own tree builder did: the extractor then warns that no
        // main content was found.

        return HTMLParseResult(
            tree: HTMLTree(nodes: builder.nodes), cutAtDepth: builder.cutAtDepth ? maximumDepth : nil)
    }

    /// Recover mode, no network, no messages, the encoding given by the caller (UTF-8).
    static let options =
        Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
        | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue)
        | Int32(HTML_PARSE_COMPACT.rawValue) | Int32(HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)
}
