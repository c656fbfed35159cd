/// Recognises line openings: bullets, list enumerators and footnote numbers.
enum PDFLineOpening {
    static let bullets: Set<Unicode.Scalar> = [
        "•", "◦", "▪", "■", "●", "‣", "∙", "·", "○", "□", "➢", "➤", "►", "\u{F0B7}", "\u{F0A7}", "–", "-", "*",
    ]

    /// Dashes and asterisks open a list item only when a space follows them.
    static let bulletsNeedingSpace: Set<Unicode.Scalar> = ["–", "-", "*"]

    /// Number of leading scalars that form a bullet glyph plus its space (0 when none).
    static func bulletLength(_ scalars: [Unicode.Scalar]) -> Int {
        guard scalars.count >= 2, bullets.contains(scalars[0]) else { return 0 }
        if PDFCharacterNormalizer.isSpace(scalars[1]) { return 2 }
        return bulletsNeedingSpace.contains(scalars[0]) ? 0 : 1
    }

    /// True for `1.`, `12)`, `a.`, `b)`, `iv.` followed by a space.
    static func startsWithEnumerator(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        var digits = 0
        var letters = 0
        while index < scalars.count, index < 5 {
            let scalar = scalars[index]
            if scalar.properties.numericType == .decimal {
                digits += 1
            } else if scalar.isASCII && scalar.properties.isLowercase {
                letters += 1
            } else {
                break
            }
            index += 1
        }
        guard index > 0, index + 1 < scalars.count, digits == 0 || letters == 0 else { return false }
        if letters > 1 && !scalars[0..<index].allSatisfy({ "ivx".unicodeScalars.contains($0) }) { return false }
        return (scalars[index] == "." || scalars[index] == ")") && PDFCharacterNormalizer.isSpace(scalars[index + 1])
    }

    /// True for a footnote's opening: a number (or `*`) then a space or a letter.
    static func startsWithNoteMarker(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first else { return false }
        if first == "*" || "¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains(first) { return true }
        var index = 0
        while index < scalars.count, index < 4, scalars[index].properties.numericType == .decimal { index += 1 }
        guard index > 0, index < scalars.count else { return false }
        let next = scalars[index]
        return PDFCharacterNormalizer.isSpace(next) || next.properties.isAlphabetic || next == "." || next == ")"
    }

    /// True when the line ends a sentence or a clause that closes a paragraph.
    static func endsSentence(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let last = scalars.last(where: { !PDFCharacterNormalizer.isSpace($0) }) else { return false }
        return ".!?:…»\")”;".unicodeScalars.contains(last)
    }

    /// True when the first letter of the line is lowercase.
    static func startsLowercase(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return false }
        return first.properties.isLowercase
    }

    /// True when the line ends with a hyphen right after a letter (`dispen-`, `réfé -`).
    static func endsWithHyphen(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let last = scalars.last, last == "-" || last == "\u{2010}" else { return false }
        return scalars.count >= 2
    }
}
