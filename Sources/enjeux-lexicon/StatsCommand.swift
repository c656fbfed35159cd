import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon stats`: what each term of the lexicon weighs in the corpus.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per issue and per term: passages and documents matched, share of the score, terms matching nothing.",
        discussion: """
            Works from the tokenized corpus of a work folder (what make analyze leaves in \
            .enjeux/<corpus>-<hash>); the corpus is rescored from its cached passages when the lexicon \
            differs from the one of the last run.

            Examples:
              enjeux-lexicon stats
              enjeux-lexicon stats --lexicon Lexicons/essai.yaml --csv stats.csv
            """)

    @OptionGroup var workOptions: WorkOptions

    @Option(help: "Also write the table as CSV to this file.")
    var csv: String?

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let (lexicon, scores): (Lexicon, ScoreSet)
        do {
            (lexicon, scores) = try workOptions.scores(console: console)
        } catch {
            console.fail(error)
        }
        let issues = IssueStatistics.compute(scores, lexicon: lexicon)
        print(StatisticsReport.text(issues), terminator: "")
        if let csv {
            do {
                try AtomicFile.write(StatisticsReport.csv(issues), to: URL(fileURLWithPath: csv))
            } catch {
                console.fail(StageError("cannot write \(csv): \(error.localizedDescription)", status: .cannotWrite))
            }
            console.info("CSV written to \(csv)")
        }
    }
}
