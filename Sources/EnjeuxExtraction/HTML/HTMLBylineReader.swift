import Foundation
import LibXMLKit

/// The author named in the page itself when its metadata name none: a `rel="author"` link,
/// an `itemprop="author"` element, or a short element whose class or id says byline.
enum HTMLBylineReader {
    /// A byline longer than this (characters) is a paragraph, not a name.
    static let maximumLength = 100

    /// id/class words of byline elements.
    static let bylineWords: Set<String> = ["byline", "author", "auteur", "autor", "writer", "writtenby", "byl"]

    /// Parts of class names that say byline inside a compound.
    static let bylineStems = ["byline", "author"]

    /// Text that can be a name or a list of names: short, at most a few digits (a date is not
    /// a byline), no menu separators.
    static func isName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= maximumLength, !text.contains("|") else { return false }
        return text.unicodeScalars.count { $0.properties.numericType != nil } < 4
    }

    /// Words that introduce a name in a byline, in the languages of the pages read.
    static let introductions = ["by ", "par ", "von ", "por ", "door ", "di "]

    /// Signatures that name a newsroom or a role rather than a person ("Par la rédaction"),
    /// lowercased: cited only when nothing better is found.
    static let genericSignatures: Set<String> = [
        "la rédaction", "rédaction", "la redaction", "redaction", "l'équipe de rédaction", "l’équipe de rédaction",
        "équipe éditoriale", "l'équipe", "l’équipe", "collectif", "admin", "administrator", "administrateur",
        "webmaster", "editor", "editors", "the editors", "staff", "staff writer", "staff reporter",
        "editorial staff", "editorial team", "newsroom", "guest", "guest author", "la redacción", "redacción",
        "redaktion", "die redaktion", "redactie", "de redactie", "anonymous", "anonyme", "unknown", "inconnu",
    ]

    /// True when `name` is a newsroom's or a role's signature, not an author's name.
    static func isGenericSignature(_ name: String) -> Bool {
        genericSignatures.contains(name.lowercased())
    }

    /// The first byline of the page. Byline elements are read even when the main text
    /// leaves them out.
    static func bylines(in tree: HTMLTree) -> [String] {
        var insideHead = false
        for index in tree.nodes.indices where tree.kind(at: index) == .element {
            let node = tree[index]
            if node.name == "head" { insideHead = true }
            if node.name == "body" { insideHead = false }
            guard !insideHead, node.name != "script", node.name != "style", isByline(node) else { continue }
            let name = cleaned(leadingText(of: index, in: tree))
            if isName(name) { return [name] }
        }
        return []
    }

    private static func isByline(_ node: HTMLNode) -> Bool {
        if node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true { return true }
        if node.attribute("itemprop")?.lowercased().split(separator: " ").contains("author") == true { return true }
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute) else { continue }
            for name in HTMLBoilerplateRules.names(in: value) {
                if HTMLBoilerplateRules.words(in: name).contains(where: bylineWords.contains) { return true }
                // Compounds written without separators: `FeatureByline`, `postauthor`.
                if bylineStems.contains(where: { name.contains($0) }) { return true }
            }
        }
        return false
    }

    /// Elements that end the name in a byline: its date or a line break often follow
    /// ("By <b>Nathan Willis</b><br>March 25, 2015").
    static let nameEnds: Set<String> = ["br", "time", "abbr"]

    /// The text of a byline element up to its first line break or date.
    private static func leadingText(of index: Int, in tree: HTMLTree) -> String {
        var text = ""
        for descendant in (index + 1)..<tree.subtreeEnd(of: index) {
            switch tree.kind(at: descendant) {
            case .text:
                text += tree.text(at: descendant)
            case .element where nameEnds.contains(tree.name(at: descendant)):
                if text.contains(where: { $0.isLetter }) && !isIntroductionOnly(text) { return text }
            default:
                continue
            }
        }
        return text
    }

    /// True when the text is only a word that introduces a name ("By ").
    private static func isIntroductionOnly(_ text: String) -> Bool {
        let word = HTMLWhitespace.collapse(text).lowercased() + " "
        return introductions.contains(word)
    }

    /// The name without its introduction ("By Jane Doe" → "Jane Doe") and surrounding spaces.
    static func cleaned(_ text: String) -> String {
        var name = HTMLWhitespace.collapse(text)
        let lowered = name.lowercased()
        if let introduction = introductions.first(where: { lowered.hasPrefix($0) }) {
            name = String(name.dropFirst(introduction.count))
        }
        return name.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    }
}
