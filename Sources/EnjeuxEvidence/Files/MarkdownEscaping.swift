/// Which characters of one line of document text get a backslash so that CommonMark reads the
/// line as plain text: only those that would start markup where they stand, so that the
/// Markdown stays readable as it is (`Synthèse_réforme`, `2019. La`, `R&D` are left alone).
///
/// The rules, by character (a "line start" is the first character written on a Markdown line):
/// - `` ` `` always (code spans); `\` before ASCII punctuation, a bold delimiter or the end of
///   the line (an escape, or a hard line break);
/// - `*` and `_` runs that could open or close emphasis: a `*` run unless it has whitespace on
///   both sides and is not at a line start (a list item or a thematic break); a `_` run unless
///   it is inside a word (a letter or digit on both sides);
/// - `<` unless whitespace follows (autolinks, inline HTML); `&` before what reads as an entity
///   (`&amp;`, `&#38;`, `&#x26;`); `]` before `(` (an inline link or image);
/// - at a line start: `[` (a link reference definition), `>` (a block quote), `#` runs of one to
///   six followed by whitespace (a heading), `-` and `+` followed by whitespace (a list item),
///   a line of `-` or `=` only (a heading underline or a thematic break), three `~` (a code
///   fence), and the `.` or `)` of one to nine digits followed by whitespace (an ordered list).
///
/// When the text is a part of a line, what follows it may be a space (`Ending.space`) or
/// unknown (`Ending.unknown`); then the last characters are escaped as if markup could follow:
/// `\`, `*`, `_`, `<`, `]`, `&…`, and a trailing `#` run (which would close a heading).
///
/// Parsers differ on what counts as punctuation next to `*` and `_` (the specification's
/// Unicode punctuation, or anything but letters, digits and spaces, as in pandoc's): a `_` is
/// left alone only between letters or digits, so that both read it as text.
enum MarkdownEscaping {
    /// What follows the text on its line.
    enum Ending {
        /// Nothing: the line ends.
        case lineEnd
        /// A space, then more text.
        case space
        /// Anything.
        case unknown
    }

    /// What stands next to a character of the line.
    private enum Neighbour {
        case whitespace
        case wordCharacter
        case other
        /// A bold delimiter written there (`**`, or a tag).
        case delimiter
        /// The end of a text that does not end the line.
        case unknown
    }

    /// - Parameters:
    ///   - line: the characters written on the line (leading whitespace already left out).
    ///   - boundaries: positions (0 to `line.count`) where a bold delimiter is written.
    ///   - startsLine: whether the first character starts a Markdown line.
    ///   - ending: what follows the last character.
    ///   - alwaysEscaped: characters escaped everywhere (`|` in a table cell, brackets in link text).
    /// - Returns: for each character, whether it is escaped.
    static func escapes(
        _ line: [Unicode.Scalar], boundaries: Set<Int>, startsLine: Bool, ending: Ending,
        alwaysEscaped: Set<Unicode.Scalar> = []
    ) -> [Bool] {
        let context = Line(scalars: line, boundaries: boundaries, startsLine: startsLine, ending: ending)
        var escaped = [Bool](repeating: false, count: line.count)
        var index = 0
        while index < line.count {
            let scalar = line[index]
            switch scalar {
            case "*", "_", "#", "~":
                // Runs of the same character are decided together.
                var end = index + 1
                while end < line.count && line[end] == scalar && !boundaries.contains(end) { end += 1 }
                let escapeRun = alwaysEscaped.contains(scalar) || context.escapesRun(of: scalar, from: index, to: end)
                if escapeRun {
                    // One backslash breaks a `#` or `~` run; each `*` or `_` needs its own.
                    let escapedEnd = scalar == "#" || scalar == "~" ? index + 1 : end
                    for position in index..<escapedEnd { escaped[position] = true }
                }
                index = end
                continue
            default:
                escaped[index] = alwaysEscaped.contains(scalar) || context.escapes(at: index)
            }
            index += 1
        }
        return escaped
    }

    private struct Line {
        var scalars: [Unicode.Scalar]
        var boundaries: Set<Int>
        var startsLine: Bool
        var ending: Ending

        var count: Int { scalars.count }

        /// What stands just before position `index`.
        func before(_ index: Int) -> Neighbour {
            if boundaries.contains(index) { return .delimiter }
            if index == 0 { return .whitespace }
            return kind(of: scalars[index - 1])
        }

        /// What stands at position `index` (after the characters before it).
        func after(_ index: Int) -> Neighbour {
            if boundaries.contains(index) { return .delimiter }
            if index >= count { return ending == .unknown ? .unknown : .whitespace }
            return kind(of: scalars[index])
        }

        func kind(of scalar: Unicode.Scalar) -> Neighbour {
            if MarkdownEscaping.isWhitespace(scalar) { return .whitespace }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                return .wordCharacter
            default:
                return .other
            }
        }

        /// Whether the first character of the line is at `index` of a Markdown line start.
        func atLineStart(_ index: Int) -> Bool { startsLine && index == 0 }

        /// Whether the line holds only `character`, spaces and tabs.
        func isOnly(_ character: Unicode.Scalar) -> Bool {
            ending == .lineEnd && scalars.allSatisfy { $0 == character || $0 == " " || $0 == "\t" }
        }

        func spaceOrUnknown(_ neighbour: Neighbour) -> Bool { neighbour == .whitespace || neighbour == .unknown }

        func escapesRun(of scalar: Unicode.Scalar, from start: Int, to end: Int) -> Bool {
            switch scalar {
            case "*":
                return atLineStart(start) || before(start) != .whitespace || after(end) != .whitespace
            case "_":
                return before(start) != .wordCharacter || after(end) != .wordCharacter
            case "#":
                let heading = atLineStart(start) && end - start <= 6 && spaceOrUnknown(after(end))
                let closing =
                    ending == .unknown && end == count && !boundaries.contains(end) && before(start) == .whitespace
                return heading || closing
            default:  // "~"
                return atLineStart(start) && end - start >= 3
            }
        }

        func escapes(at index: Int) -> Bool {
            let scalar = scalars[index]
            switch scalar {
            case "`":
                return true
            case "\\":
                if index + 1 == count { return ending != .space }
                return boundaries.contains(index + 1) || isASCIIPunctuation(scalars[index + 1])
            case "<":
                return after(index + 1) != .whitespace
            case "&":
                return startsEntity(at: index)
            case "]":
                return (index + 1 < count && scalars[index + 1] == "(" && !boundaries.contains(index + 1))
                    || (index + 1 == count && ending == .unknown)
            case "[", ">":
                return atLineStart(index)
            case "-":
                return atLineStart(index) && (spaceOrUnknown(after(index + 1)) || isOnly("-"))
            case "+":
                return atLineStart(index) && spaceOrUnknown(after(index + 1))
            case "=":
                return atLineStart(index) && isOnly("=")
            case ".", ")":
                return startsLine && (1...9).contains(index)
                    && scalars[0..<index].allSatisfy { ("0"..."9").contains($0) } && !boundaries.contains(index)
                    && spaceOrUnknown(after(index + 1))
            default:
                return false
            }
        }

        /// Whether `&` at `index` starts an entity or numeric character reference (or could,
        /// when the text stops before its `;`).
        func startsEntity(at index: Int) -> Bool {
            var position = index + 1
            let numeric = position < count && scalars[position] == "#"
            if numeric { position += 1 }
            let hexadecimal = numeric && position < count && (scalars[position] == "x" || scalars[position] == "X")
            if hexadecimal { position += 1 }
            let first = position
            while position < count && position - first < 32 {
                let scalar = scalars[position]
                let isDigit = ("0"..."9").contains(scalar)
                let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
                let fits: Bool
                if hexadecimal {
                    fits = scalar.properties.isASCIIHexDigit
                } else if numeric {
                    fits = isDigit
                } else {
                    fits = isLetter || (isDigit && position > first)
                }
                guard fits else { break }
                position += 1
            }
            guard position > first else { return false }
            if position == count { return ending == .unknown }
            return scalars[position] == ";"
        }

        private func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            MarkdownEscaping.isASCIIPunctuation(scalar)
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator || "\t\n\r\u{0C}".unicodeScalars.contains(scalar)
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
            || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
    }
}
