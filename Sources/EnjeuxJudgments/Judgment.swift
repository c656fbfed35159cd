/// One person's judgment of one passage for one issue: a line of a corpus's judgments file
/// (`judgments.jsonl`, docs/formats.md). The first five fields are those of a gold line, so
/// a judgments file can be read wherever a gold file is.
package struct Judgment: Sendable, Hashable {
    /// The document, as a path relative to the corpus folder.
    package var source: String
    /// The issue id.
    package var category: String
    /// 0 (not relevant), 1 (relevant in passing or in another sector) or 2 (makes a point).
    package var grade: Int
    /// The passage text as it was when judged; what matches the judgment to a passage again.
    package var quote: String
    /// The 1-based physical page of a passage of a paged document; nil otherwise.
    package var page: Int?
    /// The passage's id when judged (it changes when the document is re-extracted).
    package var passageId: String
    /// Who judged (a name or an initial).
    package var judge: String
    /// When, as ISO 8601 in UTC (`2026-12-07T11:20:05Z`).
    package var time: String
    /// Why, in the judge's words.
    package var note: String?
    /// True on a line that withdraws the passage's earlier judgment for the issue (the review
    /// workbench's undo of a first judgment): the passage is unjudged again.
    package var withdrawn: Bool = false

    package static let grades = 0...2

    package init(
        source: String, category: String, grade: Int, quote: String, page: Int?, passageId: String, judge: String,
        time: String, note: String? = nil
    ) {
        self.source = source
        self.category = category
        self.grade = grade
        self.quote = quote
        self.page = page
        self.passageId = passageId
        self.judge = judge
        self.time = time
        self.note = note
    }

    /// Relevant for the learning: grade 1 or 2.
    package var isRelevant: Bool { grade > 0 }
}
