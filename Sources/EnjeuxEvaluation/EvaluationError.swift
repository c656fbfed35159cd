/// A problem in a gold file or an evidence file, with the line it concerns.
package struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as given by the caller.
    package var file: String
    /// 1-based line number, or 0 when the problem concerns the whole file.
    package var line: Int
    package var message: String

    package init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    package var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}

/// Splits JSON Lines text into its non-blank lines, each with its 1-based line number.
enum JSONLines {
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var result: [(Int, Substring)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: \.isWhitespace)
            if trimmed.isEmpty { continue }
            result.append((offset + 1, line))
        }
        return result
    }
}
