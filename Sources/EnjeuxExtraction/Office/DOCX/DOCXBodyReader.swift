import EnjeuxModel
import LibXMLKit

/// Reads the body of `word/document.xml` (or a note, or a text box) into a `FlowBuilder`, as
/// the document reads once its tracked changes are accepted:
///
/// - paragraphs take their role from their style (`DOCXStyles`) and direct properties
///   (outline level, numbering); a table cell is one block, its paragraphs joined;
///   table-of-contents paragraphs and fields are left out;
/// - insertions (`w:ins`, `w:moveTo`) are read, deletions (`w:del`, `w:moveFrom`,
///   `w:delText`) are not; comments, hidden text (`w:vanish`) and field instructions are
///   not; a field shows its result;
/// - a note reference places the note's blocks after the block that calls it; a text box
///   (`w:txbxContent`, once, from the first `mc:Choice` of an `mc:AlternateContent`) places
///   its paragraphs after the block it is anchored in;
/// - page breaks: `w:br w:type="page"`, `w:pageBreakBefore`, a section that starts on a new
///   page (explicit) and `w:lastRenderedPageBreak` (rendered).
struct DOCXBodyReader {
    let tree: XMLTree
    let ns: OOXMLNamespaces
    let styles: DOCXStyles
    let footnotes: DOCXNotes
    let endnotes: DOCXNotes
    var flow = FlowBuilder()
    /// Depth of the tables the reader is in; a cell of the outermost table is one block.
    private var tableDepth = 0
    /// Open complex fields, innermost last: true once the field shows its result, and whether
    /// that result is left out (a table of contents).
    private var fields: [(showsResult: Bool, hidden: Bool, instruction: String)] = []

    init(tree: XMLTree, styles: DOCXStyles, footnotes: DOCXNotes, endnotes: DOCXNotes) {
        self.tree = tree
        self.ns = OOXMLNamespaces(tree)
        self.styles = styles
        self.footnotes = footnotes
        self.endnotes = endnotes
    }

    /// True when text in runs is shown: outside fields, or in the result of every open field.
    private var textIsVisible: Bool {
        fields.allSatisfy { $0.showsResult && !$0.hidden }
    }

    /// Reads the block-level content of an element (`w:body`, a note, a cell, a text box).
    mutating func readBlocks(in element: Int) {
        for child in tree[element].children where tree[child].kind == .element {
            let node = tree[child]
            if node.namespace == ns.w {
                switch node.name {
                case "p": paragraph(child)
                case "tbl": table(child)
                case "sdt": structuredBlock(child)
                case "customXml", "ins", "moveTo", "smartTag": readBlocks(in: child)
                default: break
                }
            } else if node.namespace == ns.mc, node.name == "AlternateContent", let branch = alternative(child) {
                readBlocks(in: branch)
            }
        }
    }

    private mutating func structuredBlock(_ sdt: Int) {
        if let properties = tree.child(sdt, ns.w, "sdtPr"),
            let gallery = tree.descendant(properties, ns.w, "docPartGallery"),
            (tree.attribute(gallery, ns.w, "val") ?? "").lowercased().contains("table of contents")
        {
            return
        }
        if let content = tree.child(sdt, ns.w, "sdtContent") { readBlocks(in: content) }
    }

    private mutating func paragraph(_ p: Int) {
        let properties = tree.child(p, ns.w, "pPr")
        let styleID = properties.flatMap { tree.child($0, ns.w, "pStyle") }.flatMap { tree.attribute($0, ns.w, "val") }
        var role = styles.role(of: styleID)
        if let properties {
            if let outline = DOCXParagraphProperties.outlineLevel(tree, ns, properties) {
                if outline < 9 {
                    role.kind = .heading
                    role.level = outline + 1
                } else if role.kind == .heading {
                    role.kind = .paragraph
                    role.level = nil
                }
            }
            if role.kind != .heading, let numbered = DOCXParagraphProperties.numbered(tree, ns, properties) {
                if numbered {
                    role.kind = .listItem
                } else if role.kind == .listItem {
                    role.kind = .paragraph
                }
            }
            if let flag = DOCXParagraphProperties.flag(tree, ns, properties, "pageBreakBefore") {
                role.pageBreakBefore = flag
            }
        }
        if role.isTableOfContents { return }
        if role.pageBreakBefore { flow.pageBreak(.explicit) }
        if tableDepth > 0 {
            flow.append(" ")
        } else {
            flow.begin(role.kind, level: role.level)
        }
        readInline(p)
        if tableDepth == 0 { flow.end() }
        if let properties, let section = tree.child(properties, ns.w, "sectPr"), startsNewPage(section) {
            flow.pageBreak(.explicit)
        }
    }

    /// A section break starts a new page unless the next section is continuous.
    private func startsNewPage(_ section: Int) -> Bool {
        let type = tree.child(section, ns.w, "type").flatMap { tree.attribute($0, ns.w, "val") } ?? "nextPage"
        return type != "continuous" && type != "nextColumn"
    }

    private mutating func table(_ tbl: Int) {
        tableDepth += 1
        defer { tableDepth -= 1 }
        for row in tree.children(tbl, ns.w, "tr") {
            for cell in cells(of: row) {
                if tableDepth == 1 { flow.begin(.tableCell) }
                readBlocks(in: cell)
                if tableDepth == 1 { flow.end() }
            }
        }
    }

    /// A row's cells, including those inside structured-document tags and custom XML.
    private func cells(of row: Int) -> [Int] {
        var cells: [Int] = []
        for child in tree[row].children where tree[child].kind == .element && tree[child].namespace == ns.w {
            switch tree[child].name {
            case "tc": cells.append(child)
            case "sdt": if let content = tree.child(child, ns.w, "sdtContent") { cells += self.cells(of: content) }
            case "customXml": cells += self.cells(of: child)
            default: break
            }
        }
        return cells
    }

    /// Reads the inline content of a paragraph or of an element inside one.
    private mutating func readInline(_ element: Int) {
        for child in tree[element].children where tree[child].kind == .element {
            let node = tree[child]
            if node.namespace == ns.w {
                switch node.name {
                case "r": run(child)
                case "ins", "moveTo", "hyperlink", "smartTag", "customXml", "bdo", "dir", "fldSimple":
                    readInline(child)
                case "sdt": if let content = tree.child(child, ns.w, "sdtContent") { readInline(content) }
                default: break
                }
            } else if node.namespace == ns.m, node.name == "oMath" || node.name == "oMathPara" {
                if textIsVisible { flow.append(mathText(child)) }
            } else if node.namespace == ns.mc, node.name == "AlternateContent", let branch = alternative(child) {
                readInline(branch)
            }
        }
    }

    private mutating func run(_ r: Int) {
        if let properties = tree.child(r, ns.w, "rPr"),
            DOCXParagraphProperties.flag(tree, ns, properties, "vanish") == true
        {
            return
        }
        for child in tree[r].children where tree[child].kind == .element {
            let node = tree[child]
            if node.namespace == ns.mc, node.name == "AlternateContent" {
                if let branch = alternative(child) { textBoxes(in: branch) }
                continue
            }
            guard node.namespace == ns.w else { continue }
            switch node.name {
            case "t": if textIsVisible { flow.append(tree.text(of: child)) }
            case "tab", "ptab", "cr": if textIsVisible { flow.append(" ") }
            case "br":
                if tree.attribute(child, ns.w, "type") == "page" {
                    flow.pageBreak(.explicit)
                } else if textIsVisible {
                    flow.append(" ")
                }
            case "noBreakHyphen": if textIsVisible { flow.append("\u{2011}") }
            case "sym":
                if textIsVisible {
                    flow.append(
                        DOCXSymbols.text(
                            char: tree.attribute(child, ns.w, "char"), font: tree.attribute(child, ns.w, "font")))
                }
            case "fldChar": fieldCharacter(child)
            case "instrText": if !fields.isEmpty { fields[fields.count - 1].instruction += tree.text(of: child) }
            case "lastRenderedPageBreak": flow.pageBreak(.rendered)
            case "footnoteReference": note(child, footnotes)
            case "endnoteReference": note(child, endnotes)
            case "drawing", "pict", "object": textBoxes(in: child)
            case "ruby": if let base = tree.child(child, ns.w, "rubyBase") { readInline(base) }
            default: break
            }
        }
    }

    private mutating func fieldCharacter(_ element: Int) {
        switch tree.attribute(element, ns.w, "fldCharType") {
        case "begin": fields.append((false, false, ""))
        case "separate":
            guard !fields.isEmpty else { return }
            let instruction = fields[fields.count - 1].instruction.uppercased()
            let keyword = instruction.split(separator: " ").first.map(String.init) ?? ""
            fields[fields.count - 1].showsResult = true
            fields[fields.count - 1].hidden = keyword == "TOC"
        case "end": if !fields.isEmpty { fields.removeLast() }
        default: break
        }
    }

    private mutating func note(_ reference: Int, _ notes: DOCXNotes) {
        guard let id = tree.attribute(reference, ns.w, "id") else { return }
        for block in notes[id] { flow.deferBlock(block) }
    }

    /// The paragraphs of the text boxes inside an element, placed after the open block.
    private mutating func textBoxes(in element: Int) {
        let end = tree.subtreeEnd(of: element)
        var position = element + 1
        while position < end {
            if tree.isElement(position, ns.mc, "AlternateContent") {
                if let branch = alternative(position) { textBoxes(in: branch) }
                position = tree.subtreeEnd(of: position)
                continue
            }
            if tree.isElement(position, ns.w, "txbxContent") {
                var reader = DOCXBodyReader(tree: tree, styles: styles, footnotes: footnotes, endnotes: endnotes)
                reader.readBlocks(in: position)
                for block in reader.flow.blocks() { flow.deferBlock(block) }
                position = tree.subtreeEnd(of: position)
                continue
            }
            position += 1
        }
    }

    /// The branch of an `mc:AlternateContent` to read: its first `mc:Choice`, else its `mc:Fallback`.
    private func alternative(_ element: Int) -> Int? {
        tree.child(element, ns.mc, "Choice") ?? tree.child(element, ns.mc, "Fallback")
    }

    /// The text of an equation: its `m:t` runs.
    private func mathText(_ element: Int) -> String {
        var out = ""
        for position in element..<tree.subtreeEnd(of: element) where tree.isElement(position, ns.m, "t") {
            out += tree.text(of: position)
        }
        return out
    }
}
