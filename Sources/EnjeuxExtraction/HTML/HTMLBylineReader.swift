import Foundation
import LibXMLKit

/// The author named in the page itself when its metadata name none: a `rel="author"` link,
/// an `itemprop="author"` element, or a short element whose class or id says byline.
enum HTMLBylineReader {
    /// A byline longer than this (characters) is a paragraph, not a name.
    static let maximumLength = 100

    /// id/class words of byline elements.
    static let bylineWords: Set<String> = ["byline", "author", "auteur", "autor", "writer", "writtenby", "byl"]

    /// Text that can be a name or a list of names: short, at most a few digits (a date is not
    /// a byline), no menu separators.
    static func isName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= maximumLength, !text.contains("|") else { return false }
        return text.unicodeScalars.count { $0.properties.numericType != nil } < 4
    }

    /// Words that introduce a name in a byline, in the languages of the pages read.
    static let introductions = ["by ", "par ", "von ", "por ", "door "]

    static func bylines(in tree: HTMLTree) -> [String] {
        var insideHead = false
        for index in tree.nodes.indices where tree.kind(at: index) == .element {
            let node = tree[index]
            if node.name == "head" { insideHead = true }
            if node.name == "body" { insideHead = false }
            guard !insideHead, node.name != "script", node.name != "style", isByline(node) else { continue }
            let name = cleaned(tree.rawText(of: index))
            if isName(name) { return [name] }
        }
        return []
    }

    private static func isByline(_ node: HTMLNode) -> Bool {
        if node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true { return true }
        if node.attribute("itemprop")?.lowercased().split(separator: " ").contains("author") == true { return true }
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute) else { continue }
            for name in HTMLBoilerplateRules.names(in: value)
            where HTMLBoilerplateRules.words(in: name).contains(where: bylineWords.contains) {
                return true
            }
        }
        return false
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
