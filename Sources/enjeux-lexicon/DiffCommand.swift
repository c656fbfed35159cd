import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon diff OLD NEW`: what a lexicon edit changes in the ranked evidence.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a lexicon edit changes: passages entering or leaving the top ranks, moves, score changes.",
        discussion: """
            Scores the tokenized corpus of the work folder with both lexicons (reusing the \
            last run's scores for the one it was made with), ranks both as enjeux-rank does, \
            and lists per issue the passages that enter or leave the first --top ranks, those \
            that move, and those whose score changed, each with the terms responsible.

            Examples:
              enjeux-lexicon diff Lexicons/enjeux.fr.yaml Lexicons/essai.yaml
              enjeux-lexicon diff ancien.yaml nouveau.yaml --top 10 --html diff.html
            """)

    @Argument(help: "The lexicon before the edit.")
    var old: String

    @Argument(help: "The lexicon after the edit.")
    var new: String

    @Option(
        help: """
            The work folder of a run (with passages/ and scores.json); by default the one make analyze \
            uses for Corpus/.
            """)
    var work: String = WorkFolder.forDefaultCorpus

    @Option(help: "Ranks compared per issue.")
    var top: Int = 20

    @Option(help: "Also write the differences as an HTML page to this file.")
    var html: String?

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be positive") }
    }

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let folder = URL(fileURLWithPath: work)
        let before: ScoreSet
        let after: ScoreSet
        describeWork(work, console: console)
        do {
            before = try WorkScores.load(
                work: folder, lexicon: URL(fileURLWithPath: old), progress: ProgressBar.factory
            ).1
            after = try WorkScores.load(work: folder, lexicon: URL(fileURLWithPath: new), progress: ProgressBar.factory)
                .1
        } catch {
            console.fail(error)
        }
        let diff = LexiconDiff.compare(old: before, new: after, top: top)
        print(DiffReport.text(diff, oldName: old, newName: new), terminator: "")
        if let html {
            do {
                try AtomicFile.write(DiffReport.html(diff, oldName: old, newName: new), to: URL(fileURLWithPath: html))
            } catch {
                console.fail(StageError("cannot write \(html): \(error.localizedDescription)", status: .cannotWrite))
            }
            console.info("HTML written to \(html)")
        }
    }
}
