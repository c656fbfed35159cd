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
        let builder = TreeBuilder(maximumDepth: maximumDepth)
        guard let handler = context.pointee.sax else { throw .noDocument }
        handler.pointee = htmlSAXHandler()
        handler.pointee.startElement = { context, name, attributes in
            TreeBuilder.from(context).start(name, attributes)
        }
        handler.pointee.endElement = { context, _ in TreeBuilder.from(context).end() }
        handler.pointee.characters = { context, text, length in TreeBuilder.from(context).text(text, length) }
        handler.pointee.cdataBlock = { context, text, length in TreeBuilder.from(context).text(text, length) }
        context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()

        let options =
            Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
            | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue)
            | Int32(HTML_PARSE_COMPACT.rawValue) | Int32(HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
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
}

/// Builds the Swift tree from libxml2's parse events. Adjacent runs of text are merged so
/// a text run is one node; comments, processing instructions and the document type carry no
/// visible text and are not reported; elements nested deeper than the limit are dropped with
/// everything inside them.
private final class TreeBuilder {
    private(set) var nodes: [HTMLNode] = [HTMLNode(kind: .document)]
    private(set) var cutAtDepth = false
    private let maximumDepth: Int
    /// Indexes of the open elements (the document node at the bottom).
    private var open: [Int] = [0]
    /// Elements opened below the depth limit and not yet closed.
    private var droppedDepth = 0

    /// Attributes libxml2's tree builder gives their own name as value when written bare
    /// (`<option selected>`), as HTML 4 defined them.
    private static let booleanAttributes: Set<String> = [
        "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
        "noshade", "nowrap", "readonly", "selected",
    ]

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder {
        guard let context else { preconditionFailure("libxml2 called back without the builder") }
        return Unmanaged<TreeBuilder>.fromOpaque(context).takeUnretainedValue()
    }

    func start(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if droppedDepth > 0 || open.count > maximumDepth {
            droppedDepth += 1
            cutAtDepth = true
            return
        }
        let parent = open[open.count - 1]
        let index = nodes.count
        nodes.append(
            HTMLNode(
                kind: .element, name: Self.lowercasedName(name), attributes: Self.attributes(attributes),
                parent: parent))
        nodes[parent].children.append(index)
        open.append(index)
    }

    func end() {
        if droppedDepth > 0 {
            droppedDepth -= 1
            return
        }
        if open.count > 1 { open.removeLast() }
    }

    func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard droppedDepth == 0, let characters, length > 0 else { return }
        let text = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
        let parent = open[open.count - 1]
        if let last = nodes[parent].children.last, nodes[last].kind == .text {
            nodes[last].text += text
        } else {
            let index = nodes.count
            nodes.append(HTMLNode(kind: .text, text: text, parent: parent))
            nodes[parent].children.append(index)
        }
    }

    private static func attributes(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [HTMLAttribute] {
        guard let list else { return [] }
        var result: [HTMLAttribute] = []
        var position = 0
        while let namePointer = list[position] {
            let name = lowercasedName(namePointer)
            let value =
                list[position + 1].map(string) ?? (booleanAttributes.contains(name) ? name : "")
            if !result.contains(where: { $0.name == name }) {
                result.append(HTMLAttribute(name: name, value: value))
            }
            position += 2
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let length = Int(xmlStrlen(pointer))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func lowercasedName(_ pointer: UnsafePointer<xmlChar>?) -> String {
        let name = string(pointer)
        return name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? name.lowercased() : name
    }
}
