/// The lines of a text file, and its pages when it has form feeds (U+000C), which printers
/// and some editors use as page breaks: a form feed inside a line ends the line there.
enum TextLines {
    /// A line, or a page break between lines.
    enum Line: Equatable {
        case text(Substring)
        case pageBreak
    }

    static func split(_ text: String) -> [Line] {
        var lines: [Line] = []
        for raw in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            var rest = raw[...]
            while let feed = rest.firstIndex(of: "\u{0C}") {
                if !rest[..<feed].isEmpty { lines.append(.text(rest[..<feed])) }
                lines.append(.pageBreak)
                rest = rest[rest.index(after: feed)...]
            }
            lines.append(.text(rest))
        }
        return lines
    }

    /// True for a line with nothing but white space.
    static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    /// The marker of a list item (`- `, `* `, `+ `, `• `, `– `, `1. `, `1) `) at the start of a
    /// line, after its indentation: the text after it, or nil when the line is not an item.
    static func listItemText(_ line: Substring) -> Substring? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first else { return nil }
        if "-*+•–".contains(first) {
            let rest = trimmed.dropFirst()
            guard let space = rest.first, space == " " || space == "\t" else { return nil }
            let text = rest.drop(while: { $0 == " " || $0 == "\t" })
            return text.isEmpty ? nil : text
        }
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let afterMark = rest.dropFirst()
        guard let space = afterMark.first, space == " " || space == "\t" else { return nil }
        let text = afterMark.drop(while: { $0 == " " || $0 == "\t" })
        return text.isEmpty ? nil : text
    }
}
