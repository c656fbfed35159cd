/// Markdown escaping, and block quotes with spans in bold, for text taken from documents.
enum MarkdownText {
    /// ASCII punctuation that Markdown could read as markup anywhere in a line.
    private static let alwaysEscaped: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&",
    ]
    /// Characters that start a list, a heading underline or a thematic break at a line start.
    private static let escapedAtLineStart: Set<Unicode.Scalar> = ["-", "+", "="]

    /// Escapes text shown inline (a title, a path); line breaks become spaces.
    static func inline(_ text: String) -> String {
        render(text, bold: [], linePrefix: "", breakLines: false)
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

    private static func render(_ text: String, bold ranges: [Range<Int>], linePrefix: String, breakLines: Bool)
        -> String
    {
        let scalars = Array(text.unicodeScalars)
        let pieces = self.pieces(of: scalars, breakLines: breakLines)
        var opens: [Int: String] = [:]
        var closes: [Int: String] = [:]
        for run in boldRuns(in: scalars, ranges: ranges) {
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

    /// Decides how each scalar is written: escapes, line breaks, skipped leading spaces.
    private static func pieces(of scalars: [Unicode.Scalar], breakLines: Bool) -> [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(scalars.count)
        var atLineStart = true
        var inLeadingDigits = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if isLineBreak(scalar) {
                pieces.append(.lineBreak)
                if scalar == "\r" && index < scalars.count && scalars[index] == "\n" {
                    pieces.append(.skipped)
                    index += 1
                }
                atLineStart = breakLines || atLineStart
                inLeadingDigits = breakLines || inLeadingDigits
                continue
            }
            if atLineStart && scalar.properties.isWhitespace {
                pieces.append(.skipped)
                continue
            }
            let escaped =
                alwaysEscaped.contains(scalar) || (atLineStart && escapedAtLineStart.contains(scalar))
                || (inLeadingDigits && !atLineStart && (scalar == "." || scalar == ")"))
            pieces.append(.text(scalar, escaped: escaped))
            inLeadingDigits = inLeadingDigits && ("0"..."9").contains(scalar)
            atLineStart = false
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
    /// symbols, which recent versions of the specification include. Counting broadly inside the
    /// run and narrowly outside it only ever chooses the tags when in doubt.
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
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return broad
        default:
            return false
        }
    }
}
