/// Names of sheets as spreadsheet programs accept them: at most 31 characters (UTF-16 units,
/// as Excel counts), none of `[ ] : * ? / \` nor a control character, not blank, no apostrophe
/// at either end, and distinct from the other sheets' names ignoring case (and from
/// `History`, which Excel keeps for itself).
package struct SheetNames: Sendable {
    package static let maximumLength = 31
    private static let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
    private var used: Set<String> = [SheetNames.key("History")]

    package init() {}

    /// A valid name close to `proposed`, unused so far, and now taken: forbidden characters
    /// become `_`, a name too long is cut, a taken one gets ` (2)`, ` (3)`… (cut to make room).
    /// `fallback` stands in for a name that is blank once cleaned.
    package mutating func claim(_ proposed: String, fallback: String = "Feuille") -> String {
        var base = Self.cleaned(proposed)
        if base.isEmpty { base = Self.cleaned(fallback) }
        if base.isEmpty { base = "Feuille" }
        var name = Self.cut(base, to: Self.maximumLength)
        var number = 2
        while used.contains(Self.key(name)) {
            let suffix = " (\(number))"
            name = Self.trimmed(Self.cut(base, to: Self.maximumLength - suffix.utf16.count)) + suffix
            number += 1
        }
        used.insert(Self.key(name))
        return name
    }

    /// The name with whitespace as spaces, forbidden characters as `_`, edges trimmed of spaces
    /// and apostrophes.
    static func cleaned(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if scalar.properties.isWhitespace {
                out.append(" ")
            } else {
                out.append(forbidden.contains(scalar) || isControl ? "_" : scalar)
            }
        }
        return trimmed(String(out))
    }

    /// Trims whitespace and apostrophes (a name may not start or end with one) at both ends.
    private static func trimmed(_ name: String) -> String {
        let scalars = name.unicodeScalars
        let keep = { (scalar: Unicode.Scalar) in !scalar.properties.isWhitespace && scalar != "'" }
        guard let first = scalars.firstIndex(where: keep), let last = scalars.lastIndex(where: keep) else { return "" }
        return String(scalars[first...last])
    }

    /// The longest prefix of whole characters that fits in `length` UTF-16 units.
    private static func cut(_ name: String, to length: Int) -> String {
        guard name.utf16.count > length else { return name }
        var out = ""
        var units = 0
        for character in name {
            let size = character.utf16.count
            if units + size > length { break }
            out.append(character)
            units += size
        }
        return out
    }

    private static func key(_ name: String) -> String { name.uppercased() }
}
