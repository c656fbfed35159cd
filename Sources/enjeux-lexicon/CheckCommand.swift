import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxPipeline
import EnjeuxTuning
import Foundation

/// `enjeux-lexicon check LEXICON`: the report of `enjeux-score --check`, plus warnings for
/// terms listed under several issues and, when a tokenized corpus is at hand, terms that
/// match nothing in it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a lexicon; print each problem as file:line:column: severity: message.",
        discussion: """
            Besides the errors and warnings of enjeux-score --check, warns about a term listed \
            under several issues, and, when the work folder holds a tokenized corpus (make \
            analyze leaves one in .enjeux/<corpus>-<hash>), about each term that matches nothing in it.
            """)

    @Argument(help: "The lexicon file (YAML).")
    var lexicon: String

    @Option(
        help: """
            A work folder with a tokenized corpus, to find terms that match nothing (skipped when absent); \
            by default the one make analyze uses for Corpus/.
            """)
    var work: String = WorkFolder.forDefaultCorpus

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let url = URL(fileURLWithPath: lexicon)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            console.fail(StageError("cannot read the lexicon \(lexicon)", status: .missingInput))
        }
        var diagnostics = LexiconChecker.check(fileAt: url)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors == 0, let (parsed, _, _) = try? LexiconFile.load(url) {
            diagnostics += LexiconUsage.sharedTerms(parsed, file: lexicon)
            let folder = URL(fileURLWithPath: work)
            if TokenizeManifest.load(from: folder.appendingPathComponent("passages")) != nil {
                describeWork(work, console: console)
                do {
                    let (_, scores) = try WorkScores.load(work: folder, lexicon: url, progress: ProgressBar.factory)
                    let statistics = IssueStatistics.compute(scores, lexicon: parsed)
                    diagnostics += LexiconUsage.unmatchedTerms(
                        statistics, lexicon: parsed, file: lexicon,
                        corpus: "the corpus of \(WorkRecord.load(work: folder)?.corpus ?? work)")
                } catch {
                    console.warning("terms not checked against the corpus: \(error.message)")
                }
            }
        }
        for diagnostic in diagnostics { print(diagnostic) }
        console.info("\(lexicon): \(errors) error(s), \(diagnostics.count - errors) warning(s)")
        console.exit(errors > 0 ? .invalidInput : .success)
    }
}
