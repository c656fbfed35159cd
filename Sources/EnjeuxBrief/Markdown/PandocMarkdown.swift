/// Text from documents written as pandoc Markdown that reads back as itself: every character
/// pandoc could take for markup is escaped with a backslash (pandoc's `all_symbols_escapable`:
/// an escaped punctuation character is always literal), and nothing else.
///
/// - Escaped everywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `^` `~` `$` `@` `#` `|` `{` `}`
///   (emphasis, code, links and citations, raw HTML and entities, super- and subscripts, math,
///   headings, tables, attributes) and the straight quotes `"` `'` (which the `smart`
///   extension would curl).
/// - Escaped where they mean something: `-` next to another `-` (`--` is a dash) or opening a
///   line (lists, rules, underlines); `.` next to another `.` (`...` is an ellipsis); `+`, `=`,
///   `:` and `(` opening a line (lists, underlines, definitions, example lists); the `.` or `)`
///   after a number, a letter or a roman numeral opening a line (`2. `, `a) `, `iv. `: ordered
///   lists).
/// - Whitespace: spaces and tabs at the start and end of a line are dropped (they could make a
///   code block or a hard line break) and a run of them is one space, as pandoc reads it anyway;
///   other control characters become a space.
package enum PandocMarkdown {
    private static let alwaysEscaped: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "&", "^", "~", "$", "@", "#", "|", "{", "}", "\"", "'",
    ]
    private static let escapedOpeningLine: Set<Unicode.Scalar> = ["-", "+", "=", ":", "("]

    /// One line of text (line breaks become spaces), escaped.
    package static func inline(_ text: String) -> String {
        escapedLine(Array(spaced(text, keepingLineBreaks: false).unicodeScalars))
    }

    /// Text as paragraphs of Markdown: a blank line (or several) starts a new paragraph and a
    /// single line break stays a line break (a backslash at the end of the line). Each
    /// paragraph is a list of escaped lines; empty paragraphs are left out.
    package static func paragraphs(_ text: String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in spaced(text, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false) {
            let escaped = escapedLine(Array(line.unicodeScalars))
            if escaped.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(escaped)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Line breaks as `\n` (or spaces), other control characters and tabs as spaces.
    private static func spaced(_ text: String, keepingLineBreaks: Bool) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where previous == "\r":
                continue
            case "\r", "\n", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                out.append(keepingLineBreaks ? "\n" : " ")
            default:
                let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                out.append(isControl ? " " : scalar)
            }
        }
        return String(out)
    }

    /// One line without line breaks: trimmed, spaces collapsed, markup escaped.
    private static func escapedLine(_ raw: [Unicode.Scalar]) -> String {
        var scalars: [Unicode.Scalar] = []
        for scalar in raw {
            let isSpace = scalar == " "
            if isSpace && (scalars.isEmpty || scalars.last == " ") { continue }
            scalars.append(scalar)
        }
        while scalars.last == " " { scalars.removeLast() }
        guard !scalars.isEmpty else { return "" }
        let listMarker = orderedListMarker(scalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let before = index > 0 ? scalars[index - 1] : nil
            let after = index + 1 < scalars.count ? scalars[index + 1] : nil
            var escape = alwaysEscaped.contains(scalar)
            switch scalar {
            case "-": escape = index == 0 || before == "-" || after == "-"
            case ".": escape = before == "." || after == "." || index == listMarker
            case ")": escape = index == listMarker
            default: if index == 0 && escapedOpeningLine.contains(scalar) { escape = true }
            }
            if escape { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// The index of the `.` or `)` of an ordered list marker opening the line: digits, one
    /// letter or a roman numeral (`12.`, `b)`, `iv.`, `XI.`), then the mark, then a space or the
    /// end of the line.
    private static func orderedListMarker(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let end = scalars.firstIndex(where: { $0 == "." || $0 == ")" }), end > 0,
            end + 1 == scalars.count || scalars[end + 1] == " "
        else { return nil }
        let marker = scalars[..<end]
        let isNumber = marker.allSatisfy { ("0"..."9").contains($0) }
        let isLetter = marker.count == 1 && marker.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        let isRoman =
            marker.allSatisfy { "ivxlcdm".unicodeScalars.contains($0) }
            || marker.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) }
        return isNumber || isLetter || isRoman ? end : nil
    }
}
