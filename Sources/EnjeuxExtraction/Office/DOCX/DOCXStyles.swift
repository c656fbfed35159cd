import EnjeuxModel
import LibXMLKit

/// What a paragraph style makes of its paragraphs, its `basedOn` chain resolved: a heading
/// and its level, a list item, a quote, a caption, a table-of-contents line (left out), and
/// whether the paragraph starts a page.
struct DOCXParagraphRole: Sendable, Hashable {
    var kind: BlockKind = .paragraph
    var level: Int?
    var isTableOfContents = false
    var pageBreakBefore = false
}

/// The paragraph styles of `word/styles.xml`. Headings are recognised by the outline level a
/// style (or one it is based on) sets, else by the style's name: Word writes the English name
/// of its built-in styles (`heading 1`) whatever its language, but the style id is translated
/// (`Titre1` in French Word) and other programs write translated names (`Titre 1`,
/// `Überschrift 1`), so names and ids are matched in several languages.
struct DOCXStyles {
    struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numbered: Bool?
        var pageBreakBefore: Bool?
    }

    private(set) var styles: [String: Style] = [:]
    private(set) var defaultStyle: String?
    /// The role of every style, worked out once (a document has thousands of paragraphs and a
    /// few dozen styles).
    private var roles: [String: DOCXParagraphRole] = [:]
    private var defaultRole = DOCXParagraphRole()

    init() {}

    init(tree: XMLTree) {
        let ns = OOXMLNamespaces(tree)
        guard let root = tree.root else { return }
        for style in tree.children(root, ns.w, "style") where tree.attribute(style, ns.w, "type") == "paragraph" {
            guard let id = tree.attribute(style, ns.w, "styleId") else { continue }
            let name = tree.child(style, ns.w, "name").flatMap { tree.attribute($0, ns.w, "val") } ?? id
            let basedOn = tree.child(style, ns.w, "basedOn").flatMap { tree.attribute($0, ns.w, "val") }
            let properties = tree.child(style, ns.w, "pPr")
            var entry = Style(name: name, basedOn: basedOn)
            if let properties {
                entry.outlineLevel = DOCXParagraphProperties.outlineLevel(tree, ns, properties)
                entry.numbered = DOCXParagraphProperties.numbered(tree, ns, properties)
                entry.pageBreakBefore = DOCXParagraphProperties.flag(tree, ns, properties, "pageBreakBefore")
            }
            styles[id] = entry
            if DOCXParagraphProperties.isOn(tree.attribute(style, ns.w, "default")) { defaultStyle = id }
        }
        for id in styles.keys { roles[id] = resolvedRole(of: id) }
        defaultRole = resolvedRole(of: nil)
    }

    /// The role of a paragraph of style `id` (nil: the default paragraph style).
    func role(of id: String?) -> DOCXParagraphRole {
        guard let id else { return defaultRole }
        return roles[id] ?? resolvedRole(of: id)
    }

    private func resolvedRole(of id: String?) -> DOCXParagraphRole {
        var role = DOCXParagraphRole()
        let chain = self.chain(from: id ?? defaultStyle)
        let outline = chain.lazy.compactMap(\.outlineLevel).first
        let numbered = chain.lazy.compactMap(\.numbered).first ?? false
        role.pageBreakBefore = chain.lazy.compactMap(\.pageBreakBefore).first ?? false
        let names = chain.map { DOCXStyleNames.key($0.name) } + [DOCXStyleNames.key(id ?? "")]
        if names.contains(where: DOCXStyleNames.isTableOfContents) {
            role.isTableOfContents = true
            return role
        }
        if let outline, outline < 9 {
            role.kind = .heading
            role.level = outline + 1
        } else if outline == nil, let level = names.lazy.compactMap(DOCXStyleNames.headingLevel).first {
            role.kind = .heading
            role.level = level
        } else if numbered || names.contains(where: DOCXStyleNames.isList) {
            role.kind = .listItem
        } else if names.contains(where: DOCXStyleNames.isQuote) {
            role.kind = .quote
        } else if names.contains(where: DOCXStyleNames.isCaption) {
            role.kind = .caption
        }
        return role
    }

    /// The style and the ones it is based on, nearest first (at most 32, cycles cut).
    private func chain(from id: String?) -> [Style] {
        var chain: [Style] = []
        var seen = Set<String>()
        var next = id
        while let current = next, chain.count < 32, seen.insert(current).inserted, let style = styles[current] {
            chain.append(style)
            next = style.basedOn
        }
        return chain
    }
}

/// Reading the paragraph properties (`w:pPr`) that decide a paragraph's role.
enum DOCXParagraphProperties {
    /// `w:outlineLvl` (0 to 8 are heading levels 1 to 9; 9 is body text).
    static func outlineLevel(_ tree: XMLTree, _ ns: OOXMLNamespaces, _ properties: Int) -> Int? {
        tree.child(properties, ns.w, "outlineLvl").flatMap { tree.attribute($0, ns.w, "val") }.flatMap { Int($0) }
    }

    /// `w:numPr`: true when it names a numbering (`w:numId` other than 0), false when it
    /// removes one, nil when absent.
    static func numbered(_ tree: XMLTree, _ ns: OOXMLNamespaces, _ properties: Int) -> Bool? {
        guard let numbering = tree.child(properties, ns.w, "numPr") else { return nil }
        guard let id = tree.child(numbering, ns.w, "numId").flatMap({ tree.attribute($0, ns.w, "val") }) else {
            return true
        }
        return id != "0"
    }

    /// An on/off property (`<w:pageBreakBefore/>`, `w:val="false"`), nil when absent.
    static func flag(_ tree: XMLTree, _ ns: OOXMLNamespaces, _ properties: Int, _ name: String) -> Bool? {
        guard let element = tree.child(properties, ns.w, name) else { return nil }
        return isOn(tree.attribute(element, ns.w, "val") ?? "true")
    }

    static func isOn(_ value: String?) -> Bool {
        guard let value else { return false }
        return !["0", "false", "off", "none"].contains(value.lowercased())
    }
}
