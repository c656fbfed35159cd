import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvaluation
import EnjeuxEvidence
import EnjeuxLearning
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// `enjeux-lexicon simulate --gold FILE`: how fast the learned ranking improves as a person
/// judges the passages it proposes, replayed from a gold file.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a gold file as judgments and measure how the learned ranking improves.",
        discussion: """
            Ranks the work folder's passages with the lexicon, then, per issue, judges the first \
            unjudged passage of the current list as the gold file grades it (its best gold grade, 0 \
            when it hits no gold line), retrains, and repeats. Prints, per issue and mean, nDCG@10 \
            and P@5 after 0, 5, 10, 20 and 50 judgments, the recall of the reachable grade-2 quotes \
            after reading 10, 20 and 50 passages, and the work saved over random reading at 95% \
            recall (WSS@95). See docs/learning.md.

            Examples:
              enjeux-lexicon simulate --gold ../shared/eval/dev/gold.jsonl --corpus ../shared/eval/dev/corpus
              enjeux-lexicon simulate --gold gold.jsonl --work .enjeux/Corpus-9189266f --json
            """)

    @Option(help: "The gold file (JSON Lines, or a judgments file).")
    var gold: String

    @OptionGroup var corpusOptions: CorpusOptions

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let goldLines: [GoldLine]
        do {
            goldLines = try GoldFile.load(from: URL(fileURLWithPath: gold))
        } catch {
            let missing = error.line == 0 && error.message.hasPrefix("cannot read")
            console.fail(StageError(error.description, status: missing ? .missingInput : .invalidInput))
        }
        let work = corpusOptions.workFolder
        describeWork(work, console: console)
        let scores: ScoreSet
        do {
            scores = try WorkScores.load(
                work: URL(fileURLWithPath: work), lexicon: URL(fileURLWithPath: corpusOptions.lexicon),
                progress: ProgressBar.factory
            ).1
        } catch {
            console.fail(error)
        }
        let result = Simulator(ranker: Ranker()).simulate(scores, gold: goldLines)
        print(json ? SimulationReport.json(result) : SimulationReport.text(result), terminator: "")
    }
}
