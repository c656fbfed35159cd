import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxJudgments
import EnjeuxLearning
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon next ISSUE`: the passages whose judgment would help the issue's ranking most.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Propose the passages of an issue to judge next.",
        discussion: """
            Learns from the issue's judgments as make analyze does, then proposes the unjudged \
            candidates with the highest blend of lexicon score and model probability (the likely \
            relevant ones, which also fill the top of the list fastest), and a few the model is \
            least sure about (probability nearest 0.5), whose judgment teaches it most. Before \
            the issue has a relevant and a non-relevant judgment, the lexicon's order is used. \
            Judge them with enjeux-lexicon judge.

            Example:
              enjeux-lexicon next autonomie --count 10 --uncertain 3
            """)

    @Argument(help: "The issue id, as in the lexicon.")
    var issue: String

    @Option(help: "How many likely relevant passages to propose.")
    var count: Int = 10

    @Option(help: "How many uncertain passages to add.")
    var uncertain: Int = 3

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        guard count >= 0, uncertain >= 0, count + uncertain > 0 else {
            throw ValidationError("--count and --uncertain must not be negative, and not both 0")
        }
    }

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let work = corpusOptions.workFolder
        describeWork(work, console: console)
        let scores: ScoreSet
        let log: JudgmentLog
        do {
            scores = try WorkScores.load(
                work: URL(fileURLWithPath: work), lexicon: URL(fileURLWithPath: corpusOptions.lexicon),
                progress: ProgressBar.factory
            ).1
            log = try corpusOptions.readJudgments(console: console)
        } catch {
            console.fail(error)
        }
        guard scores.categories.contains(where: { $0.id == issue }) else {
            let known = scores.categories.map(\.id).joined(separator: ", ")
            console.fail(StageError("no issue \(issue) in the lexicon (issues: \(known))", status: .usage))
        }
        let ranker = Ranker()
        let attached = CorpusLearning.attach(log, to: scores)
        for judgment in attached.missing where judgment.category == issue {
            console.warning(
                "judged passage no longer found: \(judgment.source): « \(DiffReport.excerpt(judgment.quote)) »")
        }
        let pool = CorpusLearning.pools(scores, ranker: ranker)[issue] ?? []
        let grades = attached.grades[issue] ?? [:]
        let learned = IssueLearner.learn(pool: pool, grades: grades)
        let proposals = IssueLearner.proposals(learned, pool: pool, grades: grades, count: count, uncertain: uncertain)
        let summary = learned.adjustment.summary
        console.info(
            "\(issue): \(summary.judgments) judgments (\(summary.relevant) relevant, \(summary.notRelevant) not), "
                + (summary.trained ? "model trained" : "no model yet (needs a relevant and a non-relevant judgment)")
                + ", \(pool.count - grades.count) of \(pool.count) candidates unjudged")
        var table = TextTable(
            header: ["", "passage id", "source", "score", "P(relevant)", "why", "text"],
            rightAligned: [true, false, false, true, true, false, false])
        for (index, proposal) in proposals.enumerated() {
            let item = pool[proposal.position]
            let row = learned.adjustment.rows[item.passageId]
            let probability = learned.probabilities[proposal.position]
            let why =
                proposal.uncertain
                ? "uncertain"
                : (row?.reasons.isEmpty == false ? row?.reasons.joined(separator: ", ") ?? "" : "lexicon score")
            table.rows.append([
                "\(index + 1)", item.passageId, "\(item.source), p. \(item.passage.page)",
                String(format: "%.2f", item.score),
                probability.map { String(format: "%.2f", $0) } ?? "—", why, DiffReport.excerpt(item.passage.text),
            ])
        }
        print(table.render(), terminator: "")
        if proposals.isEmpty { console.info("every candidate of \(issue) is judged") }
    }
}
