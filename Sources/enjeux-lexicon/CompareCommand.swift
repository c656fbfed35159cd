import ArgumentParser
import EnjeuxCommandLine
import EnjeuxEvaluation
import EnjeuxJudgments
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon compare OLD NEW`: is the edit better, measured on the group's judgments?
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Measure two lexicons against the group's judgments (or gold quotes) and give a verdict per issue.",
        discussion: """
            Scores the work folder's cached passages with both lexicons, ranks both as enjeux-rank \
            does, and prints per issue and overall nDCG@10, P@5 and recall@20 with each lexicon and \
            the difference (a fall marked ▼), the judged passages that enter or leave each top 10 \
            with the terms responsible, and a one-line verdict per issue (meilleur, moins bon, \
            mitigé, inchangé). Measured on the corpus's judgments unless --gold names a gold file.

            Examples:
              enjeux-lexicon compare Lexicons/enjeux.fr.yaml essai.yaml
              enjeux-lexicon compare ancien.yaml nouveau.yaml --gold ../shared/eval/dev/gold.jsonl --html comparaison.html
            """)

    @Argument(help: "The lexicon before the edit.")
    var old: String

    @Argument(help: "The lexicon after the edit.")
    var new: String

    @Option(help: "A gold file (JSON Lines) to measure on instead of the corpus's judgments.")
    var gold: String?

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Also write the comparison as an HTML page (in French) to this file.")
    var html: String?

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let lines: [GoldLine]
        let goldName: String
        do {
            (lines, goldName) = try reference(console: console)
        } catch {
            console.fail(error)
        }
        if lines.isEmpty {
            console.fail(
                StageError(
                    "nothing to measure on: \(goldName) holds no judgment (enjeux-lexicon judge records some)",
                    status: .missingInput))
        }
        let work = URL(fileURLWithPath: corpusOptions.workFolder)
        describeWork(work.path, console: console)
        let before: ScoreSet
        let after: ScoreSet
        do {
            before = try WorkScores.load(work: work, lexicon: URL(fileURLWithPath: old), progress: ProgressBar.factory)
                .1
            after = try WorkScores.load(work: work, lexicon: URL(fileURLWithPath: new), progress: ProgressBar.factory).1
        } catch {
            console.fail(error)
        }
        let comparison = LexiconComparison.compare(old: before, new: after, gold: lines)
        print(ComparisonReport.text(comparison, oldName: old, newName: new, goldName: goldName), terminator: "")
        if let html {
            do {
                try AtomicFile.write(
                    ComparisonReport.html(comparison, oldName: old, newName: new, goldName: goldName),
                    to: URL(fileURLWithPath: html))
            } catch {
                console.fail(StageError("cannot write \(html): \(error.localizedDescription)", status: .cannotWrite))
            }
            console.info("HTML written to \(html)")
        }
    }

    /// The gold file's lines, or the judgments in force as gold lines (grade 0 included: such
    /// a passage gains nothing, and is listed when it enters a top 10).
    private func reference(console: Console) throws(StageError) -> ([GoldLine], String) {
        if let gold {
            do {
                return (try GoldFile.load(from: URL(fileURLWithPath: gold)), gold)
            } catch {
                let missing = error.line == 0 && error.message.hasPrefix("cannot read")
                throw StageError(error.description, status: missing ? .missingInput : .invalidInput)
            }
        }
        let log = try corpusOptions.readJudgments(console: console)
        let lines = log.current.map {
            GoldLine(source: $0.source, category: $0.category, grade: $0.grade, quote: $0.quote, page: $0.page)
        }
        return (lines, "\(log.current.count) jugements (\(corpusOptions.judgmentsFile.path))")
    }
}
