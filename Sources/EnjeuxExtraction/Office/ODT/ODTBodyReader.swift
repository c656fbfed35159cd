import EnjeuxModel
import LibXMLKit

/// Reads the text of an OpenDocument document (`office:text`) into a `FlowBuilder`:
///
/// - `text:h` is a heading of its `text:outline-level`; `text:p` a paragraph, or a title,
///   quote or caption by its style (`ODTStyles`); a paragraph of a list is a list item, and a
///   table cell is one block, its paragraphs joined;
/// - `text:s` is a space, `text:tab` and `text:line-break` too; soft hyphens go;
/// - a note (`text:note`) sits inside its paragraph in the XML: its body is taken out and
///   placed after the paragraph as footnote blocks, its citation (the number) dropped;
///   the paragraphs of a text box (`draw:text-box`) are placed after the paragraph it is
///   anchored in;
/// - tracked changes are read as accepted: the inserted text is in the body, the deleted
///   text either in `text:tracked-changes`, which is not read, or (as LibreOffice 7 writes it)
///   in the body between the `text:change-start` and `text:change-end` of a deletion, skipped; comments
///   (`office:annotation`), hidden text and indexes (tables of contents) are not read;
/// - page breaks: `text:soft-page-break` where LibreOffice last laid out a page
///   (rendered), and the paragraph and table styles that break before or after (explicit).
struct ODTBodyReader {
    let tree: XMLTree
    let ns: ODFNamespaces
    let styles: ODTStyles
    var flow = FlowBuilder()
    private var tableDepth = 0
    private var listDepth = 0
    /// Ids of the tracked changes that are deletions, and those whose span the reader is in.
    private let deletions: Set<String>
    private var openDeletions: Set<String> = []

    /// Elements of the text namespace whose content is not shown.
    static let skippedText: Set<String> = [
        "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
        "table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index", "user-index",
        "bibliography", "note-citation", "hidden-text", "hidden-paragraph", "bookmark", "bookmark-start",
        "bookmark-end", "reference-mark", "reference-mark-start", "reference-mark-end", "change", "change-start",
        "change-end", "toc-mark", "alphabetical-index-mark", "ruby-text",
    ]

    init(tree: XMLTree, styles: ODTStyles) {
        self.init(tree: tree, styles: styles, deletions: Self.deletionIDs(tree, ODFNamespaces(tree)))
    }

    /// A reader for a part of the same document (a note, a text box), which shares its deletions.
    private init(tree: XMLTree, styles: ODTStyles, deletions: Set<String>) {
        self.tree = tree
        self.ns = ODFNamespaces(tree)
        self.styles = styles
        self.deletions = deletions
    }

    /// The ids of the changed regions that record a deletion.
    private static func deletionIDs(_ tree: XMLTree, _ ns: ODFNamespaces) -> Set<String> {
        var ids = Set<String>()
        for position in 0..<tree.count where tree.isElement(position, ns.text, "changed-region") {
            guard tree.child(position, ns.text, "deletion") != nil else { continue }
            if let id = tree.attribute(position, ns.text, "id") { ids.insert(id) }
            for attribute in tree[position].attributes where attribute.name == "id" { ids.insert(attribute.value) }
        }
        return ids
    }

    /// Enters or leaves the span of a tracked deletion at a `text:change-start` or `text:change-end`.
    private mutating func trackChange(_ element: Int) {
        guard let id = tree.attribute(element, ns.text, "change-id"), deletions.contains(id) else { return }
        if tree[element].name == "change-start" {
            openDeletions.insert(id)
        } else {
            openDeletions.remove(id)
        }
    }

    /// Reads the block-level content of an element (`office:text`, a section, a cell, a note body).
    mutating func readBlocks(in element: Int) {
        for child in tree[element].children where tree[child].kind == .element {
            let node = tree[child]
            if node.namespace == ns.text {
                switch node.name {
                case "h", "p": paragraph(child)
                case "list": list(child)
                case "numbered-paragraph":
                    listDepth += 1
                    readBlocks(in: child)
                    listDepth -= 1
                case "soft-page-break": flow.pageBreak(.rendered)
                case "change-start", "change-end": trackChange(child)
                case "section", "index-body": readBlocks(in: child)
                default: if !Self.skippedText.contains(node.name) { readBlocks(in: child) }
                }
            } else if node.namespace == ns.table, node.name == "table" {
                table(child)
            } else if node.namespace == ns.draw {
                drawing(child)
            }
        }
    }

    private mutating func paragraph(_ element: Int) {
        let styleName = tree.attribute(element, ns.text, "style-name")
        let breaks = styles.pageBreaks(of: styleName)
        if breaks.before { flow.pageBreak(.explicit) }
        if tableDepth > 0 {
            flow.append(" ")
        } else if tree[element].name == "h" {
            let level = tree.attribute(element, ns.text, "outline-level").flatMap { Int($0) } ?? 1
            flow.begin(.heading, level: max(1, min(level, 10)))
        } else if listDepth > 0 {
            flow.begin(.listItem)
        } else {
            let role = styles.kind(of: styleName)
            flow.begin(role.kind, level: role.level)
        }
        readInline(element)
        if tableDepth == 0 { flow.end() }
        if breaks.after { flow.pageBreak(.explicit) }
    }

    private mutating func list(_ element: Int) {
        listDepth += 1
        defer { listDepth -= 1 }
        for item in tree[element].children where tree[item].kind == .element {
            if tree.isElement(item, ns.text, "list-item") || tree.isElement(item, ns.text, "list-header") {
                readBlocks(in: item)
            } else if tree.isElement(item, ns.text, "soft-page-break") {
                flow.pageBreak(.rendered)
            }
        }
    }

    private mutating func table(_ element: Int) {
        let breaks = styles.pageBreaks(of: tree.attribute(element, ns.table, "style-name"))
        if breaks.before { flow.pageBreak(.explicit) }
        tableDepth += 1
        rows(in: element)
        tableDepth -= 1
        if breaks.after { flow.pageBreak(.explicit) }
    }

    /// The rows of a table or of a group of rows, in order.
    private mutating func rows(in element: Int) {
        for child in tree[element].children where tree[child].kind == .element {
            let node = tree[child]
            if node.namespace == ns.table {
                switch node.name {
                case "table-row": cells(of: child)
                case "table-header-rows", "table-rows", "table-row-group": rows(in: child)
                default: break
                }
            } else if node.namespace == ns.text, node.name == "soft-page-break" {
                if tableDepth == 1 { flow.pageBreak(.rendered) }
            }
        }
    }

    private mutating func cells(of row: Int) {
        for cell in tree.children(row, ns.table, "table-cell") {
            if tableDepth == 1 { flow.begin(.tableCell) }
            readBlocks(in: cell)
            if tableDepth == 1 { flow.end() }
        }
    }

    /// Reads the inline content of a paragraph or of a span inside one.
    private mutating func readInline(_ element: Int) {
        for child in tree[element].children {
            let node = tree[child]
            if node.kind == .text {
                if openDeletions.isEmpty { flow.append(node.text) }
                continue
            }
            if node.namespace == ns.text, node.name == "change-start" || node.name == "change-end" {
                trackChange(child)
                continue
            }
            guard openDeletions.isEmpty else { continue }
            if node.namespace == ns.text {
                switch node.name {
                case "s":
                    let count = tree.attribute(child, ns.text, "c").flatMap { Int($0) } ?? 1
                    flow.append(String(repeating: " ", count: max(1, min(count, 100))))
                case "tab", "line-break": flow.append(" ")
                case "soft-page-break": flow.pageBreak(.rendered)
                case "note": note(child)
                default: if !Self.skippedText.contains(node.name) { readInline(child) }
                }
            } else if node.namespace == ns.draw {
                drawing(child)
            } else if node.namespace != ns.office {
                // Fields and other vocabularies show their text; comments (office:annotation) do not.
                readInline(child)
            }
        }
    }

    private mutating func note(_ element: Int) {
        guard let body = tree.child(element, ns.text, "note-body") else { return }
        var reader = ODTBodyReader(tree: tree, styles: styles, deletions: deletions)
        reader.readBlocks(in: body)
        for block in reader.flow.blocks() { flow.deferBlock(Block(kind: .footnote, text: block.text)) }
    }

    /// The paragraphs of the text boxes and shapes in a drawing element, placed after the
    /// open block; images, their titles and descriptions are not text.
    private mutating func drawing(_ element: Int) {
        let end = tree.subtreeEnd(of: element)
        var position = element
        while position < end {
            let node = tree[position]
            if node.kind == .element, node.namespace == ns.draw,
                node.name == "text-box" || node.name == "custom-shape" || node.name == "rect"
            {
                var reader = ODTBodyReader(tree: tree, styles: styles, deletions: deletions)
                reader.readBlocks(in: position)
                for block in reader.flow.blocks() { flow.deferBlock(block) }
                position = tree.subtreeEnd(of: position)
                continue
            }
            position += 1
        }
    }
}
