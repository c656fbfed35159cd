/// Markdown escaping, and block quotes with spans in bold, for text taken from documents.
/// Only what CommonMark would read as markup where it stands is escaped (`MarkdownEscaping`).
enum MarkdownText {
    /// Where an inline text is written.
    enum Context {
        /// Inside a line, after other text and a space, before anything.
        case text
        /// At the start of a line, before a space or the end of the line.
        case lineStart
        /// In a cell of a table (GitHub's table syntax), between spaces: `|` is escaped too.
        case tableCell
        /// In the text of a link inside a table cell: `|`, `[` and `]` are escaped too.
        case tableLinkText
    }

    /// Escapes text shown inline (a title, a path); line breaks become spaces.
    static func inline(_ text: String, in context: Context = .text) -> String {
        let (alsoEscaped, ending): (Set<Unicode.Scalar>, MarkdownEscaping.Ending) =
            switch context {
            case .text: ([], .unknown)
            case .lineStart: ([], .space)
            case .tableCell: (["|"], .space)
            case .tableLinkText: (["|", "[", "]"], .unknown)
            }
        return render(
            text, bold: [], linePrefix: "", breakLines: false, startsLine: context == .lineStart, ending: ending,
            alsoEscaped: alsoEscaped)
    }

    /// Escapes a paragraph that may span several lines.
    static func paragraph(_ text: String) -> String {
        render(text, bold: [], linePrefix: "", breakLines: true)
    }

    /// The text as a block quote (`> ` before every line), escaped, with the given
    /// Unicode-scalar ranges in bold. Overlapping or touching ranges are merged, ranges are
    /// clamped to the text, and whitespace and line breaks at their edges stay outside the bold.
    static func blockQuote(_ text: String, bold ranges: [Range<Int>]) -> String {
        render(text, bold: ranges, linePrefix: ">", breakLines: true)
    }

    /// Merged, clamped, whitespace-trimmed bold ranges that never cross a line break.
    static func boldRuns(in scalars: [Unicode.Scalar], ranges: [Range<Int>]) -> [Range<Int>] {
        let merged = HighlightRanges.merged(ranges, count: scalars.count)
        var runs: [Range<Int>] = []
        for range in merged {
            var start = range.lowerBound
            for index in range where isLineBreak(scalars[index]) {
                runs.append(start..<index)
                start = index + 1
            }
            runs.append(start..<range.upperBound)
        }
        return runs.compactMap { run in
            var lower = run.lowerBound
            var upper = run.upperBound
            while lower < upper && scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower && scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            return lower < upper ? lower..<upper : nil
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// How one scalar of the text is written.
    private enum Piece {
        /// Written as the scalar, after a backslash when `escaped`.
        case text(Unicode.Scalar, escaped: Bool)
        /// A line break (or a space when lines are joined).
        case lineBreak
        /// Not written: the LF of a CRLF, or a space at the start of a line.
        case skipped
    }

    private static func render(
        _ text: String, bold ranges: [Range<Int>], linePrefix: String, breakLines: Bool, startsLine: Bool = true,
        ending: MarkdownEscaping.Ending = .lineEnd, alsoEscaped: Set<Unicode.Scalar> = []
    ) -> String {
        let scalars = Array(text.unicodeScalars)
        let runs = boldRuns(in: scalars, ranges: ranges)
        let pieces = self.pieces(
            of: scalars, runs: runs, breakLines: breakLines, startsLine: startsLine, ending: ending,
            alsoEscaped: alsoEscaped)
        var opens: [Int: String] = [:]
        var closes: [Int: String] = [:]
        for run in runs {
            let (open, close) = delimiters(for: run, in: pieces)
            opens[run.lowerBound] = open
            closes[run.upperBound] = close
        }
        var lines: [String] = []
        var line = ""
        for (index, piece) in pieces.enumerated() {
            if let close = closes[index] { line += close }
            if let open = opens[index] { line += open }
            switch piece {
            case .text(let scalar, let escaped):
                if escaped { line.unicodeScalars.append("\\") }
                line.unicodeScalars.append(scalar)
            case .lineBreak:
                if breakLines {
                    lines.append(line)
                    line = ""
                } else {
                    line += " "
                }
            case .skipped: break
            }
        }
        if let close = closes[scalars.count] { line += close }
        lines.append(line)
        if linePrefix.isEmpty { return lines.joined(separator: "\n") }
        return lines.map { $0.isEmpty ? linePrefix : linePrefix + " " + $0 }.joined(separator: "\n")
    }

    /// Decides how each scalar is written: line breaks, skipped leading spaces, and escapes,
    /// decided line by line with the positions of the bold delimiters.
    private static func pieces(
        of scalars: [Unicode.Scalar], runs: [Range<Int>], breakLines: Bool, startsLine: Bool,
        ending: MarkdownEscaping.Ending, alsoEscaped: Set<Unicode.Scalar>
    ) -> [Piece] {
        var pieces = [Piece](repeating: .skipped, count: scalars.count)
        // The written scalars of each Markdown line, by index; joined lines keep their breaks
        // as spaces.
        var lines: [[Int]] = [[]]
        var atLineStart = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isLineBreak(scalar) {
                pieces[index] = .lineBreak
                if breakLines {
                    lines.append([])
                    atLineStart = true
                } else if atLineStart {
                    pieces[index] = .skipped
                } else {
                    lines[lines.count - 1].append(index)
                }
                if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                index += 1
                continue
            }
            if !(atLineStart && scalar.properties.isWhitespace) {
                lines[lines.count - 1].append(index)
                atLineStart = false
            }
            index += 1
        }
        var starts = Set<Int>()
        var ends = Set<Int>()
        for run in runs {
            starts.insert(run.lowerBound)
            ends.insert(run.upperBound - 1)
        }
        for (number, line) in lines.enumerated() {
            let written = line.map { isLineBreak(scalars[$0]) ? " " : scalars[$0] }
            var boundaries = Set<Int>()
            for (position, index) in line.enumerated() {
                if starts.contains(index) { boundaries.insert(position) }
                if ends.contains(index) { boundaries.insert(position + 1) }
            }
            let escaped = MarkdownEscaping.escapes(
                written, boundaries: boundaries, startsLine: number > 0 || startsLine,
                ending: number < lines.count - 1 ? .lineEnd : ending, alwaysEscaped: alsoEscaped)
            for (position, index) in line.enumerated() where !isLineBreak(scalars[index]) {
                pieces[index] = .text(scalars[index], escaped: escaped[position])
            }
        }
        return pieces
    }

    /// `**` around a run when CommonMark will read them as strong emphasis there (the
    /// delimiter rules depend on the characters on both sides); `<strong>` tags otherwise.
    private static func delimiters(for run: Range<Int>, in pieces: [Piece]) -> (String, String) {
        let before = writtenScalar(in: pieces, from: run.lowerBound - 1, step: -1, last: true)
        let first = writtenScalar(in: pieces, from: run.lowerBound, step: 1, last: false)
        let last = writtenScalar(in: pieces, from: run.upperBound - 1, step: -1, last: true)
        let after = writtenScalar(in: pieces, from: run.upperBound, step: 1, last: false)
        let canOpen =
            !isSpace(first)
            && (!isPunctuation(first, broad: true) || isSpace(before) || isPunctuation(before, broad: false))
        let canClose =
            !isSpace(last)
            && (!isPunctuation(last, broad: true) || isSpace(after) || isPunctuation(after, broad: false))
        return canOpen && canClose ? ("**", "**") : ("<strong>", "</strong>")
    }

    /// The nearest written scalar from `index` going in `step` direction on the same line;
    /// nil at a line break or at either end (CommonMark then counts whitespace).
    private static func writtenScalar(in pieces: [Piece], from index: Int, step: Int, last: Bool) -> Unicode.Scalar? {
        var index = index
        while index >= 0 && index < pieces.count {
            switch pieces[index] {
            case .text(let scalar, let escaped): return last || !escaped ? scalar : "\\"
            case .lineBreak: return nil
            case .skipped: index += step
            }
        }
        return nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar.properties.generalCategory == .spaceSeparator || "\t\n\r\u{0C}".unicodeScalars.contains(scalar)
    }

    /// CommonMark punctuation: ASCII punctuation and Unicode punctuation; `broad` also counts
    /// symbols, which recent versions of the specification include, and marks and other
    /// characters that are neither letters, digits nor spaces, which some parsers (pandoc's)
    /// count. Counting broadly inside the run and narrowly outside it only ever chooses the tags
    /// when in doubt.
    private static func isPunctuation(_ scalar: Unicode.Scalar?, broad: Bool) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII {
            return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
                || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return broad
        }
    }
}
