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
        let clamped = ranges.compactMap { range -> Range<Int>? in
            let lower = max(0, min(range.lowerBound, scalars.count))
            let upper = max(lower, min(range.upperBound, scalars.count))
            return lower < upper ? lower..<upper : nil
        }.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [Range<Int>] = []
        for range in clamped {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
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

    private static func render(_ text: String, bold ranges: [Range<Int>], linePrefix: String, breakLines: Bool)
        -> String
    {
        let scalars = Array(text.unicodeScalars)
        var opens = Set<Int>()
        var closes = Set<Int>()
        for run in boldRuns(in: scalars, ranges: ranges) {
            opens.insert(run.lowerBound)
            closes.insert(run.upperBound)
        }
        var line = String.UnicodeScalarView()
        var atLineStart = true
        var inLeadingDigits = true
        var lines: [String] = []

        func endLine() {
            lines.append(String(line))
            line = String.UnicodeScalarView()
            atLineStart = true
            inLeadingDigits = true
        }

        var index = 0
        while index < scalars.count {
            if closes.contains(index) { line.append(contentsOf: "**".unicodeScalars) }
            if opens.contains(index) { line.append(contentsOf: "**".unicodeScalars) }
            let scalar = scalars[index]
            index += 1
            if isLineBreak(scalar) {
                if scalar == "\r" && index < scalars.count && scalars[index] == "\n" { index += 1 }
                if breakLines { endLine() } else if !atLineStart { line.append(" ") }
                continue
            }
            if atLineStart && scalar.properties.isWhitespace && !opens.contains(index - 1) { continue }
            if alwaysEscaped.contains(scalar) || (atLineStart && escapedAtLineStart.contains(scalar))
                || (inLeadingDigits && !atLineStart && (scalar == "." || scalar == ")"))
            {
                line.append("\\")
            }
            inLeadingDigits = inLeadingDigits && ("0"..."9").contains(scalar)
            atLineStart = false
            line.append(scalar)
        }
        if closes.contains(scalars.count) { line.append(contentsOf: "**".unicodeScalars) }
        lines.append(String(line))
        if linePrefix.isEmpty { return lines.joined(separator: "\n") }
        return lines.map { $0.isEmpty ? linePrefix : linePrefix + " " + $0 }.joined(separator: "\n")
    }
}
