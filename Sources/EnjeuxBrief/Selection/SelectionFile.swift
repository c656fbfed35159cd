import Foundation

/// A selection file: passage ids, one per line, as copied from the report. Blank lines are
/// ignored, and so is everything from a `#` to the end of its line (comments).
package enum SelectionFile {
    /// One id and the line it is on.
    package struct Line: Sendable, Hashable {
        package var number: Int
        package var id: String

        package init(number: Int, id: String) {
            self.number = number
            self.id = id
        }
    }

    /// The ids in file order; a line with more than one word is an error (two ids pasted on
    /// one line would otherwise lose one).
    package static func parse(_ text: String, file: String) throws(BriefError) -> [Line] {
        var lines: [Line] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0.isWhitespace || $0 == "\u{FEFF}" })
            guard !words.isEmpty else { continue }
            guard words.count == 1 else {
                throw BriefError(
                    .invalidInput, path: file, line: number,
                    message: "expected one passage id per line, found \(words.count) words: \(content.trimmed)")
            }
            lines.append(Line(number: number, id: String(words[0])))
        }
        return lines
    }
}

extension Substring {
    fileprivate var trimmed: String {
        String(self).trimmingCharacters(in: .whitespaces)
    }
}
