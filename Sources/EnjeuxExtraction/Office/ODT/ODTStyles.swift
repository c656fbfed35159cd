import EnjeuxModel
import Foundation
import LibXMLKit

/// The paragraph and table styles of an OpenDocument text (`styles.xml` and the automatic
/// styles of `content.xml`, or all of a flat `.fodt`), their parents resolved: which make a
/// title, a quote or a caption, and which start or end a page (`fo:break-before`/`after`).
/// Names are compared as their display names (`Heading_20_1` is `Heading 1`), with the keys
/// of `DOCXStyleNames`.
struct ODTStyles {
    struct Style {
        var keys: [String]
        var parent: String?
        var breakBefore: Bool?
        var breakAfter: Bool?
    }

    private(set) var styles: [String: Style] = [:]
    /// Kinds and page breaks of every style, worked out once.
    private var kinds: [String: (kind: BlockKind, level: Int?)] = [:]
    private var breaks: [String: (before: Bool, after: Bool)] = [:]

    init(trees: [XMLTree]) {
        for tree in trees {
            let ns = ODFNamespaces(tree)
            for position in 0..<tree.count where tree.isElement(position, ns.style, "style") {
                guard let name = tree.attribute(position, ns.style, "name") else { continue }
                let family = tree.attribute(position, ns.style, "family")
                guard family == "paragraph" || family == "table" else { continue }
                var keys = [DOCXStyleNames.key(Self.decoded(name))]
                if let display = tree.attribute(position, ns.style, "display-name") {
                    keys.append(DOCXStyleNames.key(display))
                }
                var style = Style(keys: keys, parent: tree.attribute(position, ns.style, "parent-style-name"))
                let propertiesName = family == "table" ? "table-properties" : "paragraph-properties"
                if let properties = tree.child(position, ns.style, propertiesName) {
                    style.breakBefore = tree.attribute(properties, ns.fo, "break-before").map { $0 == "page" }
                    style.breakAfter = tree.attribute(properties, ns.fo, "break-after").map { $0 == "page" }
                }
                styles[name] = style
            }
        }
        for name in styles.keys {
            kinds[name] = resolvedKind(of: name)
            breaks[name] = resolvedPageBreaks(of: name)
        }
    }

    /// The kind a paragraph (`text:p`) of this style has.
    func kind(of name: String?) -> (kind: BlockKind, level: Int?) {
        guard let name else { return (.paragraph, nil) }
        return kinds[name] ?? resolvedKind(of: name)
    }

    /// Whether the style starts a new page before, and after, its paragraph or table.
    func pageBreaks(of name: String?) -> (before: Bool, after: Bool) {
        guard let name else { return (false, false) }
        return breaks[name] ?? resolvedPageBreaks(of: name)
    }

    private func resolvedKind(of name: String?) -> (kind: BlockKind, level: Int?) {
        let keys = chain(from: name).flatMap(\.keys)
        if keys.contains(where: { DOCXStyleNames.titles.contains($0) }) { return (.heading, 1) }
        if keys.contains(where: DOCXStyleNames.isQuote) { return (.quote, nil) }
        if keys.contains(where: DOCXStyleNames.isCaption) { return (.caption, nil) }
        return (.paragraph, nil)
    }

    private func resolvedPageBreaks(of name: String?) -> (before: Bool, after: Bool) {
        let chain = self.chain(from: name)
        return (
            chain.lazy.compactMap(\.breakBefore).first ?? false, chain.lazy.compactMap(\.breakAfter).first ?? false
        )
    }

    private func chain(from name: String?) -> [Style] {
        var chain: [Style] = []
        var seen = Set<String>()
        var next = name
        while let current = next, chain.count < 32, seen.insert(current).inserted, let style = styles[current] {
            chain.append(style)
            next = style.parent
        }
        return chain
    }

    /// A style name as displayed: OpenDocument writes a space in a name as `_20_`.
    static func decoded(_ name: String) -> String {
        var out = ""
        var rest = Substring(name)
        while let range = rest.range(of: "_20_") {
            out += rest[..<range.lowerBound] + " "
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
