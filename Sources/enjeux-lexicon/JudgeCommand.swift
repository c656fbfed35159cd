import ArgumentParser
import EnjeuxCommandLine
import EnjeuxJudgments
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// `enjeux-lexicon judge PASSAGE_ID ISSUE GRADE`: records one judgment in the corpus's
/// judgments file.
struct JudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Record a judgment of a passage for an issue (0 not relevant, 1 in passing, 2 makes a point).",
        discussion: """
            Finds the passage in the work folder of the last run, and appends one line to the \
            judgments file (by default judgments.jsonl in the corpus folder): source, issue, grade, \
            the passage text as quote, page, passage id, judge, time and the note. The line is on \
            disk (fsync) before the command says so. Judging a passage again appends a new line; \
            the latest wins. The next make analyze learns from the judgments (docs/learning.md).

            Examples:
              enjeux-lexicon judge 3f9a1c2b7d4e5f60 autonomie 2 --note "exemple clair"
              enjeux-lexicon judge 3f9a1c2b7d4e5f60 indicateurs 0 --judge marie --corpus Corpus
            """)

    @Argument(help: "The passage id (the passage_id column of the evidence).")
    var passageId: String

    @Argument(help: "The issue id, as in the lexicon.")
    var issue: String

    @Argument(help: "0 (not relevant), 1 (in passing, or another sector) or 2 (makes a point about the issue).")
    var grade: Int

    @Option(help: "Why, in a few words.")
    var note: String?

    @Option(help: "Who judges (by default the user name).")
    var judge: String = ProcessInfo.processInfo.environment["USER"] ?? "anonyme"

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        guard Judgment.grades.contains(grade) else { throw ValidationError("GRADE must be 0, 1 or 2") }
    }

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let work = URL(fileURLWithPath: corpusOptions.workFolder)
        let found: (passage: Passage, document: TokenizedDocument)
        do {
            found = try Self.find(passageId, work: work)
        } catch {
            console.fail(error)
        }
        if let known = Self.issues(work: work), !known.contains(issue) {
            console.fail(
                StageError(
                    "no issue \(issue) in the last run's lexicon (issues: \(known.joined(separator: ", ")))",
                    status: .usage))
        }
        let passage = found.passage
        // Gold and judgment pages are physical pages of a PDF; other formats have none.
        let isPaged = found.document.format == .pdf
        let judgment = Judgment(
            source: found.document.source, category: issue, grade: grade, quote: passage.text,
            page: isPaged ? passage.page : nil, passageId: passageId, judge: judge,
            time: ISODate.utc(Date()), note: note)
        let file = corpusOptions.judgmentsFile
        do {
            try JudgmentFile.append([judgment], to: file)
        } catch {
            console.fail(StageError(error.description, status: .cannotWrite))
        }
        console.info(
            "saved: \(issue) \(grade) for \(found.document.source)\(isPaged ? ", p. \(passage.page)" : "") → \(file.path)"
        )
    }

    /// The passage with this id and its document, from the work folder's tokenized corpus.
    static func find(_ id: String, work: URL) throws(StageError) -> (Passage, TokenizedDocument) {
        for document in try PassageFiles.readAll(work: work) {
            if let passage = document.passages.first(where: { $0.id == id }) { return (passage, document) }
        }
        throw StageError(
            "no passage \(id) in \(work.path) (ids change when a document changes: see the last evidence)",
            status: .usage)
    }

    /// The issues of the last run's scores, nil when unknown.
    static func issues(work: URL) -> [String]? {
        (try? ScoreSet.read(jsonFile: work.appendingPathComponent("scores.json")) { _ in false })?.0.categories.map(
            \.id)
    }
}
