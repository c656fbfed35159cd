/// A person's judgment of a passage for an issue, as the exports take it: plain values, so
/// that whatever reads the judgments file hands them over without the exports knowing its
/// format. `grade` is 0 (not relevant), 1 (relevant) or 2 (very relevant).
package struct EvidenceJudgment: Sendable, Hashable {
    package var passageId: String
    /// The source path of the passage's document, relative to the corpus folder.
    package var source: String
    /// The issue (lexicon category id) the judgment is about.
    package var issue: String
    package var grade: Int
    /// Who judged (a name or an identifier, as the judgments file records it).
    package var judge: String
    /// When, as ISO 8601 date and time (`2026-12-07T10:15:00Z`).
    package var time: String
    package var note: String?

    package init(
        passageId: String, source: String, issue: String, grade: Int, judge: String, time: String,
        note: String? = nil
    ) {
        self.passageId = passageId
        self.source = source
        self.issue = issue
        self.grade = grade
        self.judge = judge
        self.time = time
        self.note = note
    }

    /// The grade in French words, as the exports show it.
    package var gradeLabel: String {
        switch grade {
        case 2: "très pertinent"
        case 1: "pertinent"
        case 0: "non pertinent"
        default: "note \(grade)"
        }
    }
}
