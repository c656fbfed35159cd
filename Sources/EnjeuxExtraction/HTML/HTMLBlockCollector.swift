import EnjeuxModel
import LibXMLKit

/// Turns the main content of a page into blocks, as a browser would lay the text out:
/// block elements start new blocks, inline elements join their text, whitespace collapses.
struct HTMLBlockCollector {
    let tree: HTMLTree
    let removed: [Bool]
    /// The baseline for pages where no main text was found: link text and a closing
    /// heading are kept too (a page whose only text is a link or headings still shows it).
    var isBaseline = false

    /// Elements that start and end a block of text.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option",
    ]

    /// Link-dense blocks up to this many words are menus or link lists, not text.
    static let linkBlockWordLimit = 25

    private struct Context {
        var kind: BlockKind
        var level: Int?
        var inDataTable: Bool
    }

    /// The blocks of the given roots, in document order.
    func blocks(from roots: [Int]) -> [Block] {
        var output = BlockOutput(keepsLinkBlocks: isBaseline)
        for root in roots where !removed[root] {
            collect(root, into: &output)
        }
        var blocks = output.blocks
        while !isBaseline, let last = blocks.last, last.kind == .heading { blocks.removeLast() }
        return blocks
    }

    private func collect(_ root: Int, into output: inout BlockOutput) {
        var contexts = [Context(kind: .paragraph, level: nil, inDataTable: false)]
        var buffer = BlockBuffer()
        var linkDepth = 0
        // (node, true) is the exit event of an element whose children were visited.
        var stack: [(index: Int, exiting: Bool)] = [(root, false)]
        while let (index, exiting) = stack.popLast() {
            if tree.kind(at: index) == .text {
                buffer.append(tree.text(at: index), inLink: linkDepth > 0)
                continue
            }
            let name = tree.name(at: index)
            let isBlock = Self.blockTags.contains(name)
            if exiting {
                if name == "a" { linkDepth -= 1 }
                if isBlock, let context = contexts.popLast() {
                    output.flush(&buffer, kind: context.kind, level: context.level)
                }
                continue
            }
            if removed[index] { continue }
            if name == "br" {
                buffer.append(" ", inLink: false)
                continue
            }
            if isBlock, let current = contexts.last {
                output.flush(&buffer, kind: current.kind, level: current.level)
                contexts.append(context(for: index, inside: current))
            }
            if name == "a" { linkDepth += 1 }
            stack.append((index, true))
            for child in tree.children(at: index).reversed() where tree.kind(at: child) == .text || !removed[child] {
                stack.append((child, false))
            }
        }
        if let current = contexts.last {
            output.flush(&buffer, kind: current.kind, level: current.level)
        }
    }

    private func context(for index: Int, inside parent: Context) -> Context {
        let node = tree[index]
        var context = parent
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            context.kind = .heading
            context.level = node.name.last?.wholeNumberValue
        case "li":
            if parent.kind != .heading { context.kind = .listItem }
        case "td", "th":
            if parent.inDataTable && parent.kind != .heading { context.kind = .tableCell }
        case "blockquote":
            if parent.kind != .heading { context.kind = .quote }
        case "figcaption", "caption":
            if parent.kind != .heading { context.kind = .caption }
        case "table":
            context.inDataTable = isDataTable(index)
        default:
            if isFootnote(node) { context.kind = .footnote }
        }
        return context
    }

    /// Layout tables (role="presentation", or holding other tables) do not make table cells.
    private func isDataTable(_ index: Int) -> Bool {
        let role = tree[index].attribute("role")?.lowercased()
        if role == "presentation" || role == "none" { return false }
        for descendant in (index + 1)..<tree.subtreeEnd(of: index)
        where tree.name(at: descendant) == "table" {
            return false
        }
        return true
    }

    private func isFootnote(_ node: HTMLNode) -> Bool {
        if node.attribute("role")?.lowercased() == "doc-footnote" { return true }
        if let id = node.attribute("id")?.lowercased(), id.hasPrefix("sdfootnote"),
            id.dropFirst("sdfootnote".count).allSatisfy(\.isNumber), id.count > "sdfootnote".count
        {
            return true
        }
        return false
    }
}

/// Text gathered for the block being read.
private struct BlockBuffer {
    var text = ""
    var linkCharacters = 0

    mutating func append(_ piece: String, inLink: Bool) {
        text += piece
        if inLink {
            linkCharacters += piece.unicodeScalars.count { !HTMLWhitespace.isCollapsible($0) }
        }
    }
}

/// The blocks kept so far.
private struct BlockOutput {
    var blocks: [Block] = []
    /// Whether link-dense blocks are kept (the baseline).
    let keepsLinkBlocks: Bool
    /// Texts of the captions kept: one seen again is a gallery repeating itself (lines of
    /// the text itself can repeat: a menu plan's "Pre-workout meal").
    var captionTexts: Set<String> = []

    mutating func flush(_ buffer: inout BlockBuffer, kind: BlockKind, level: Int?) {
        defer { buffer = BlockBuffer() }
        guard !buffer.text.isEmpty else { return }
        let (text, visible, words) = HTMLWhitespace.collapseAndMeasure(buffer.text)
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
        if !keepsLinkBlocks, kind != .heading, kind != .listItem, visible > 0,
            Double(buffer.linkCharacters) / Double(visible) >= 0.5,
            words <= HTMLBlockCollector.linkBlockWordLimit
        {
            return
        }
        if words <= HTMLBoilerplateRules.shortBlockWordLimit {
            if HTMLBoilerplateRules.containsBoilerplatePhrase(text) { return }
            if HTMLBoilerplateRules.isFurnitureLabel(text) { return }
        }
        if words <= 4, HTMLBoilerplateRules.isContactLine(text) { return }
        if kind == .caption, !captionTexts.insert(text).inserted { return }
        if kind == .paragraph, words <= HTMLDateline.maximumWordCount, HTMLDateline.isDateline(text) { return }
        blocks.append(Block(kind: kind, text: text, level: kind == .heading ? level : nil))
    }
}

/// HTML's whitespace rules: runs of space, tab, line feed, carriage return and form feed
/// collapse to one space; other spaces (U+00A0 no-break space) are kept as written.
enum HTMLWhitespace {
    @inline(__always)
    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\n", "\t", "\r", "\u{0C}": true
        default: false
        }
    }

    /// Visible characters (Unicode scalars other than the space) and words of collapsed text.
    static func measure(_ collapsed: String) -> (visible: Int, words: Int) {
        var collapsed = collapsed
        return collapsed.withUTF8 { bytes in
            var visible = 0
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte == 0x20 {
                    inWord = false
                    continue
                }
                if !inWord {
                    words += 1
                    inWord = true
                }
                if byte & 0xC0 != 0x80 { visible += 1 }
            }
            return (visible, words)
        }
    }

    /// Collapses runs of HTML whitespace to one space and trims both ends.
    static func collapse(_ text: String) -> String {
        var text = text
        if text.withUTF8(isCollapsed) { return text }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                switch byte {
                case 0x20, 0x0A, 0x09, 0x0D, 0x0C:
                    pendingSpace = !out.isEmpty
                default:
                    if pendingSpace {
                        out.append(0x20)
                        pendingSpace = false
                    }
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The collapsed text with its measures (see `measure`), in one pass over text that
    /// needs no collapsing.
    static func collapseAndMeasure(_ text: String) -> (text: String, visible: Int, words: Int) {
        var text = text
        if let counts = text.withUTF8(HTMLByteCounts.collapsedMeasures) { return (text, counts.visible, counts.words) }
        let collapsed = collapse(text)
        let (visible, words) = measure(collapsed)
        return (collapsed, visible, words)
    }

    /// True when the text has no whitespace to collapse or trim (most paragraphs of a page
    /// written on one line), so it can be kept without a copy.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        HTMLByteCounts.collapsedMeasures(bytes) != nil
    }
}
