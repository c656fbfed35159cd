/// The judgments a run learned from: recorded in `run.json` and summarised in `run.md`
/// (absent when the corpus has no judgments file or learning is off).
package struct RunJudgments: Codable, Sendable, Hashable {
    /// The judgments file read.
    package var file: String
    /// Judgments in force (the latest per passage and issue).
    package var inForce: Int
    /// Judgments in force attached to a passage of this run.
    package var attached: Int
    /// Judgments whose passage is not among this run's scored passages: its document was
    /// changed or removed, or the passage no longer scores above the threshold.
    package var missing: [RunMissingJudgment]
    /// Lines of the file that were skipped, with the reason (a torn last line, invalid JSON).
    package var skippedLines: [String]

    package init(file: String, inForce: Int, attached: Int, missing: [RunMissingJudgment], skippedLines: [String]) {
        self.file = file
        self.inForce = inForce
        self.attached = attached
        self.missing = missing
        self.skippedLines = skippedLines
    }
}

/// A judgment whose passage was not found.
package struct RunMissingJudgment: Codable, Sendable, Hashable {
    package var source: String
    package var category: String
    package var grade: Int
    package var quote: String

    package init(source: String, category: String, grade: Int, quote: String) {
        self.source = source
        self.category = category
        self.grade = grade
        self.quote = quote
    }
}

/// A quote cut to a readable length for the summaries.
enum DiffExcerpt {
    static func cut(_ text: String, length: Int = 110) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > length else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<length])
        return String(view) + "…"
    }
}
