/// HTML escaping for text taken from documents, and `<mark>` highlighting by
/// Unicode-scalar offsets (done here, in Swift, because JavaScript strings count UTF-16 units).
package enum HTMLText {
    /// Text escaped for element content and for double- or single-quoted attribute values:
    /// `& < > " '` become references, and control characters HTML does not allow (other than
    /// tab, line feed, carriage return and form feed) become U+FFFD.
    package static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return String(out)
    }

    /// The text escaped, with the given Unicode-scalar ranges in `<mark>`. Ranges are clamped
    /// to the text; overlapping or touching ranges make one mark; whitespace at the edges of a
    /// range stays outside the mark.
    static func highlighted(_ text: String, ranges: [Range<Int>]) -> String {
        let scalars = Array(text.unicodeScalars)
        let runs = markRuns(in: scalars, ranges: ranges)
        var out = String.UnicodeScalarView()
        var position = 0
        for run in runs {
            for index in position..<run.lowerBound { append(scalars[index], to: &out) }
            out.append(contentsOf: "<mark>".unicodeScalars)
            for index in run { append(scalars[index], to: &out) }
            out.append(contentsOf: "</mark>".unicodeScalars)
            position = run.upperBound
        }
        for index in position..<scalars.count { append(scalars[index], to: &out) }
        return String(out)
    }

    /// Merged, clamped, whitespace-trimmed ranges, in text order. Unlike bold in Markdown, a
    /// mark may cross a line break.
    static func markRuns(in scalars: [Unicode.Scalar], ranges: [Range<Int>]) -> [Range<Int>] {
        let merged = HighlightRanges.merged(ranges, count: scalars.count)
        return merged.compactMap { run in
            var lower = run.lowerBound
            var upper = run.upperBound
            while lower < upper && scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower && scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            return lower < upper ? lower..<upper : nil
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        switch scalar {
        case "&": out.append(contentsOf: "&amp;".unicodeScalars)
        case "<": out.append(contentsOf: "&lt;".unicodeScalars)
        case ">": out.append(contentsOf: "&gt;".unicodeScalars)
        case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
        case "'": out.append(contentsOf: "&#39;".unicodeScalars)
        case "\t", "\n", "\r", "\u{0C}": out.append(scalar)
        default:
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
            let isNonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            out.append(isControl || isNonCharacter ? "\u{FFFD}" : scalar)
        }
    }
}
