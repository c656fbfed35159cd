import CLibXML2

/// Builds the Swift tree from libxml2's parse events (`HTMLParser`, `HTMLPushParser`). Adjacent
/// runs of text are merged so a text run is one node; comments, processing instructions and the
/// document type carry no visible text and are not reported; elements nested deeper than the
/// limit are dropped with everything inside them. Given a segment size, the builder cuts the
/// tree into segments of about that much text, at the end of a block, never inside a paragraph,
/// heading, list item or table cell.
final class HTMLTreeBuilder {
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

    /// Text bytes received since the tree began or since the last segment was taken.
    private(set) var textBytes = 0
    /// Segments cut and not yet taken (`takeSegments`).
    private var segments: [[HTMLNode]] = []
    /// Past this many text bytes the tree is cut into segments (`takeSegment`); nil: never.
    private let segmentTextBytes: Int?

    init(maximumDepth: Int, segmentTextBytes: Int? = nil) {
        self.maximumDepth = maximumDepth
        self.segmentTextBytes = segmentTextBytes
    }

    /// Sets this builder as the handler of libxml2's parse events on `context`; false when
    /// the context has no handler table.
    func install(on context: htmlParserCtxtPtr) -> Bool {
        guard let handler = context.pointee.sax else { return false }
        handler.pointee = htmlSAXHandler()
        handler.pointee.startElement = { context, name, attributes in
            HTMLTreeBuilder.from(context).start(name, attributes)
        }
        handler.pointee.endElement = { context, _ in HTMLTreeBuilder.from(context).end() }
        handler.pointee.characters = { context, text, length in HTMLTreeBuilder.from(context).text(text, length) }
        handler.pointee.cdataBlock = { context, text, length in HTMLTreeBuilder.from(context).text(text, length) }
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        return true
    }

    /// The segments cut since the last call, in document order.
    func takeSegments() -> [[HTMLNode]] {
        defer { segments = [] }
        return segments
    }

    /// The rest of the tree, once the parse is over.
    func takeLastSegment() -> [HTMLNode] {
        cut()
        return takeSegments().last ?? []
    }

    /// Elements after which a segment may end.
    private static let blockEnds: Set<String> = [
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol", "dl", "li",
        "table", "tr", "blockquote", "pre", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    /// Elements whose text makes one block: a segment never ends inside one.
    private static let textBlocks: Set<String> = [
        "p", "li", "dt", "dd", "td", "th", "pre", "blockquote", "figcaption", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6",
    ]

    /// Keeps the nodes built so far as a segment, a tree whose open elements are not finished
    /// yet, and goes on with a tree holding only those open elements (same names and
    /// attributes), so that what follows is built under them.
    private func cut() {
        var fresh = [HTMLNode(kind: .document)]
        var reopened = [0]
        for index in open.dropFirst() {
            var element = nodes[index]
            let parent = reopened[reopened.count - 1]
            element.parent = parent
            element.children = []
            fresh[parent].children.append(fresh.count)
            reopened.append(fresh.count)
            fresh.append(element)
        }
        segments.append(nodes)
        nodes = fresh
        open = reopened
        textBytes = 0
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> HTMLTreeBuilder {
        guard let context else { preconditionFailure("libxml2 called back without the builder") }
        return Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
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
        guard open.count > 1 else { return }
        let closed = open.removeLast()
        if let segmentTextBytes, textBytes >= segmentTextBytes, Self.blockEnds.contains(nodes[closed].name),
            !open.contains(where: { Self.textBlocks.contains(nodes[$0].name) })
        {
            cut()
        }
    }

    func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard droppedDepth == 0, let characters, length > 0 else { return }
        let text = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
        textBytes += Int(length)
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
