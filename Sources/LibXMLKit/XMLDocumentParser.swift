import CLibXML2

/// Why libxml2 could not give an XML document.
public enum XMLParseError: Error, Sendable, Hashable {
    /// The input is larger than libxml2 accepts in one buffer.
    case inputTooLarge(bytes: Int)
    /// The document declares a document type (`<!DOCTYPE …>`): refused, since no part of a
    /// Word or OpenDocument file has one and only a hostile file would (entity expansion).
    case documentTypeDeclaration
    /// The document is not well-formed XML (or nests deeper than libxml2's limit of 256).
    case malformed(line: Int, message: String)
}

/// libxml2's XML parser with namespaces, in strict mode: no network, no external entity or DTD
/// loaded (the process-wide loader refuses everything), no document type accepted, nesting
/// bounded by libxml2's default limit, errors reported rather than printed.
public enum XMLDocumentParser {
    /// Parses an XML document held in memory (UTF-8, or any encoding its declaration or
    /// byte-order mark names).
    public static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        EntityLoaderGuard.install()
        guard bytes.count < Int(Int32.max) else { throw .inputTooLarge(bytes: bytes.count) }
        let builder = XMLTreeBuilder()
        let outcome: Result<Void, XMLParseError> = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                parse(chars, builder: builder)
            }
        }
        try outcome.get()
        return XMLTree(nodes: builder.nodes, namespaces: builder.namespaces)
    }

    private static func parse(_ chars: UnsafeBufferPointer<CChar>, builder: XMLTreeBuilder) -> Result<
        Void, XMLParseError
    > {
        guard let context = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else {
            return .failure(.malformed(line: 0, message: "libxml2 could not start parsing"))
        }
        defer {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
        guard let handler = context.pointee.sax else {
            return .failure(.malformed(line: 0, message: "libxml2 could not start parsing"))
        }
        handler.pointee = xmlSAXHandler()
        handler.pointee.initialized = XML_SAX2_MAGIC
        handler.pointee.startElementNs = { context, name, _, uri, _, _, count, _, attributes in
            XMLTreeBuilder.from(context).start(name, uri, count, attributes)
        }
        handler.pointee.endElementNs = { context, _, _, _ in XMLTreeBuilder.from(context).end() }
        handler.pointee.characters = { context, text, length in XMLTreeBuilder.from(context).text(text, length) }
        handler.pointee.cdataBlock = { context, text, length in XMLTreeBuilder.from(context).text(text, length) }
        handler.pointee.internalSubset = { context, _, _, _ in XMLTreeBuilder.from(context).refuseDocumentType() }
        builder.context = context
        context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
        let options =
            Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue)
            | Int32(XML_PARSE_NOWARNING.rawValue)
        xmlCtxtUseOptions(context, options)
        let status = withExtendedLifetime(builder) { xmlParseDocument(context) }
        if builder.sawDocumentType { return .failure(.documentTypeDeclaration) }
        if status != 0 || context.pointee.wellFormed == 0 {
            var line = 0
            var message = "not well-formed XML"
            if let error = xmlCtxtGetLastError(context) {
                line = Int(error.pointee.line)
                if let text = error.pointee.message {
                    message = trimmed(String(cString: text))
                }
            }
            return .failure(.malformed(line: line, message: message))
        }
        return .success(())
    }
}

/// Text without the white space around it (libxml2's messages end with a newline).
private func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
}

/// Builds the Swift tree from libxml2's SAX2 events; adjacent runs of text become one node.
private final class XMLTreeBuilder {
    private(set) var nodes: [XMLNode] = [XMLNode(kind: .document)]
    private(set) var namespaces: [String] = []
    private var namespaceIndexes: [String: Int] = [:]
    /// libxml2 keeps one copy of each namespace URI for the whole parse: the indexes of the
    /// copies already seen, found by address before any string is made.
    private var namespaceAddresses: [(UnsafePointer<xmlChar>, Int)] = []
    private var open: [Int] = [0]
    private(set) var sawDocumentType = false
    /// The parser, to stop it from a callback.
    var context: xmlParserCtxtPtr?

    static func from(_ context: UnsafeMutableRawPointer?) -> XMLTreeBuilder {
        guard let context else { preconditionFailure("libxml2 called back without the builder") }
        return Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
    }

    func refuseDocumentType() {
        sawDocumentType = true
        if let context { xmlStopParser(context) }
    }

    func start(
        _ name: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        var list: [XMLAttribute] = []
        if let attributes, count > 0 {
            list.reserveCapacity(Int(count))
            for position in 0..<Int(count) {
                let base = position * 5
                guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                let value = String(
                    decoding: UnsafeBufferPointer(start: start, count: max(0, end - start)), as: UTF8.self)
                list.append(
                    XMLAttribute(
                        namespace: namespace(attributes[base + 2]), name: Self.string(attributes[base]), value: value))
            }
        }
        let parent = open[open.count - 1]
        let index = nodes.count
        nodes.append(
            XMLNode(
                kind: .element, namespace: namespace(uri), name: Self.string(name), attributes: list, parent: parent))
        nodes[parent].children.append(index)
        open.append(index)
    }

    func end() {
        if open.count > 1 { open.removeLast() }
    }

    func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let characters, length > 0 else { return }
        let text = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
        let parent = open[open.count - 1]
        if let last = nodes[parent].children.last, nodes[last].kind == .text {
            nodes[last].text += text
        } else {
            let index = nodes.count
            nodes.append(XMLNode(kind: .text, text: text, parent: parent))
            nodes[parent].children.append(index)
        }
    }

    private func namespace(_ uri: UnsafePointer<xmlChar>?) -> Int {
        guard let uri else { return XMLTree.noNamespace }
        for (address, index) in namespaceAddresses where address == uri { return index }
        let text = Self.string(uri)
        let index: Int
        if let known = namespaceIndexes[text] {
            index = known
        } else {
            namespaces.append(text)
            index = namespaces.count - 1
            namespaceIndexes[text] = index
        }
        if namespaceAddresses.count < 64 { namespaceAddresses.append((uri, index)) }
        return index
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
