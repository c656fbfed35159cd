import CLibXML2

/// libxml2's HTML parser fed by pieces (its push interface), for a page too large to hold with
/// its whole tree: the tree comes back in segments of about `segmentTextBytes` of text, each a
/// tree of its own that starts with the elements still open where the previous one ended
/// (`HTMLTreeBuilder`). Same options as `HTMLParser`: recover mode, no network, UTF-8.
public final class HTMLPushParser {
    private let context: htmlParserCtxtPtr
    private let builder: HTMLTreeBuilder
    private let maximumDepth: Int
    private var sanitizedHead = false
    private var finished = false

    public init(
        segmentTextBytes: Int, maximumDepth: Int = HTMLParser.defaultMaximumDepth
    ) throws(HTMLParseError) {
        EntityLoaderGuard.install()
        guard let context = htmlCreatePushParserCtxt(nil, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            throw .noDocument
        }
        self.context = context
        self.maximumDepth = maximumDepth
        builder = HTMLTreeBuilder(maximumDepth: maximumDepth, segmentTextBytes: segmentTextBytes)
        guard builder.install(on: context) else {
            htmlFreeParserCtxt(context)
            throw .noDocument
        }
        _ = htmlCtxtUseOptions(context, HTMLParser.options)
    }

    deinit {
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        htmlFreeParserCtxt(context)
    }

    /// Parses the next piece of the page: valid UTF-8 without NUL, cut anywhere (even inside a
    /// character or a tag). Returns the segments completed by it.
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> [HTMLParseResult] {
        guard !finished, !bytes.isEmpty else { return [] }
        if !sanitizedHead {
            sanitizedHead = true
            // A document type declaration sits in the first bytes.
            if let sanitized = DoctypeSanitizer.sanitized(bytes) {
                sanitized.withUnsafeBufferPointer { parse($0, terminate: false) }
                return results(builder.takeSegments())
            }
        }
        parse(bytes, terminate: false)
        return results(builder.takeSegments())
    }

    /// Ends the page: the segments still to come, the last one included.
    public func finish() -> [HTMLParseResult] {
        guard !finished else { return [] }
        finished = true
        parse(UnsafeBufferPointer(start: nil, count: 0), terminate: true)
        var segments = builder.takeSegments()
        segments.append(builder.takeLastSegment())
        return results(segments)
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, terminate: Bool) {
        withExtendedLifetime(builder) {
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlParseChunk(context, chars.baseAddress, Int32(chars.count), terminate ? 1 : 0)
            }
        }
    }

    private func results(_ segments: [[HTMLNode]]) -> [HTMLParseResult] {
        segments.map {
            HTMLParseResult(tree: HTMLTree(nodes: $0), cutAtDepth: builder.cutAtDepth ? maximumDepth : nil)
        }
    }
}
