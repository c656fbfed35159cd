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
    /// Problems that did not stop parsing ("nesting too deep").
    public var warnings: [String]
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
        EntityLoaderGuard.install()
        var source = DoctypeSanitizer.sanitize(text)
        let byteCount = source.utf8.count
        guard byteCount < Int(Int32.max) else { throw .inputTooLarge(bytes: byteCount) }

        guard let context = htmlNewParserCtxt() else { throw .noDocument }
        defer { htmlFreeParserCtxt(context) }

        let options =
            Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
            | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue)
            | Int32(HTML_PARSE_COMPACT.rawValue) | Int32(HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else { throw .noDocument }
        defer { xmlFreeDoc(document) }

        var warnings: [String] = []
        let tree = TreeConverter.convert(document, maximumDepth: maximumDepth, warnings: &warnings)
        return HTMLParseResult(tree: tree, warnings: warnings)
    }
}

/// Copies a libxml2 tree into Swift values, iteratively (no recursion, any depth).
private enum TreeConverter {
    static func convert(_ document: htmlDocPtr, maximumDepth: Int, warnings: inout [String])
        -> HTMLTree
    {
        var nodes: [HTMLNode] = [HTMLNode(kind: .document)]
        // Each entry: the libxml2 node, the index of its Swift parent, its depth.
        var stack: [(node: xmlNodePtr, parent: Int, depth: Int)] = []
        pushChildren(of: document.pointee.children, parent: 0, depth: 1, onto: &stack)
        var cutAtDepth = false

        while let (node, parent, depth) = stack.popLast() {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if depth > maximumDepth {
                    cutAtDepth = true
                    continue
                }
                let index = nodes.count
                nodes.append(
                    HTMLNode(
                        kind: .element, name: lowercasedName(node.pointee.name),
                        attributes: attributes(of: node), parent: parent))
                nodes[parent].children.append(index)
                pushChildren(of: node.pointee.children, parent: index, depth: depth + 1, onto: &stack)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = string(node.pointee.content)
                if text.isEmpty { continue }
                // Adjacent text nodes are merged so a text run is one node.
                if let last = nodes[parent].children.last, nodes[last].kind == .text {
                    nodes[last].text += text
                } else {
                    let index = nodes.count
                    nodes.append(HTMLNode(kind: .text, text: text, parent: parent))
                    nodes[parent].children.append(index)
                }
            default:
                // Comments, processing instructions, DTD nodes and entity references
                // carry no visible text.
                continue
            }
        }
        if cutAtDepth {
            warnings.append("nesting too deep: elements below depth \(maximumDepth) were dropped")
        }
        return HTMLTree(nodes: nodes)
    }

    /// Pushes the siblings starting at `first` so that they pop in document order.
    private static func pushChildren(
        of first: xmlNodePtr?, parent: Int, depth: Int,
        onto stack: inout [(node: xmlNodePtr, parent: Int, depth: Int)]
    ) {
        let start = stack.count
        var child = first
        while let current = child {
            stack.append((current, parent, depth))
            child = current.pointee.next
        }
        stack[start...].reverse()
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = lowercasedName(current.pointee.name)
            var value = ""
            var piece = current.pointee.children
            while let text = piece {
                value += string(text.pointee.content)
                piece = text.pointee.next
            }
            if !result.contains(where: { $0.name == name }) {
                result.append(HTMLAttribute(name: name, value: value))
            }
            attribute = current.pointee.next
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
