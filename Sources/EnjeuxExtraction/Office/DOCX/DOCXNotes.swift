import EnjeuxModel
import LibXMLKit

/// The footnotes (`word/footnotes.xml`) or endnotes (`word/endnotes.xml`) of a Word
/// document, by id, each as the footnote blocks of its paragraphs. The separators Word keeps
/// among the notes are not notes; the note's own number (`w:footnoteRef`) is left out.
struct DOCXNotes {
    private(set) var notes: [String: [Block]] = [:]

    init() {}

    init(tree: XMLTree, element: String, styles: DOCXStyles) {
        let ns = OOXMLNamespaces(tree)
        guard let root = tree.root else { return }
        for note in tree.children(root, ns.w, element) {
            guard let id = tree.attribute(note, ns.w, "id") else { continue }
            if let type = tree.attribute(note, ns.w, "type"), type != "normal" { continue }
            var reader = DOCXBodyReader(tree: tree, styles: styles, footnotes: DOCXNotes(), endnotes: DOCXNotes())
            reader.readBlocks(in: note)
            notes[id] = reader.flow.blocks().map { Block(kind: .footnote, text: $0.text) }
        }
    }

    subscript(id: String) -> [Block] { notes[id] ?? [] }
}
