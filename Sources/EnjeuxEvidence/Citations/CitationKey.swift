import EnjeuxModel
import EnjeuxSupport

/// Citation keys: `dufresne-boileau-2016-3fa2`. Derived from the document alone, so that the
/// same document always has the same key whatever else a run or a brief cites: the name it is
/// cited by (a person's family name, an organisation's acronym or name, else the title), the
/// year (`sd` without one) and four hex digits of the SHA-256 of its corpus path, which keep
/// apart two documents of the same author and year.
///
/// A key has only ASCII lowercase letters, digits and `-`, and starts with a letter or digit:
/// pandoc Markdown reads it after `@` without braces, and Zotero and BibTeX accept it.
package enum CitationKey {
    /// The longest name part of a key, in characters.
    static let maxNameLength = 24

    package static func make(citedName: String, year: Int?, source: String) -> String {
        var name = Slug.make(citedName, maxLength: 64)
        if name.count > maxNameLength {
            // Cut after a whole word when one fits (`syndicat-des-professionnelles…` → `syndicat-des`).
            let head = name.prefix(maxNameLength + 1)
            name = head.lastIndex(of: "-").map { String(head[..<$0]) } ?? String(name.prefix(maxNameLength))
        }
        if name.isEmpty { name = "ref" }
        let hash = SHA256.hex(of: source).prefix(4)
        return "\(name)-\(year.map(String.init) ?? "sd")-\(hash)"
    }

    /// Whether `key` is safe as written by `make`: ASCII lowercase letters, digits and inner `-`.
    package static func isSafe(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, let last = key.unicodeScalars.last, first != "-", last != "-"
        else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
