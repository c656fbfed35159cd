import ArgumentParser
import EnjeuxCore
import EnjeuxLexicon
import EnjeuxPipeline
import Foundation

/// `enjeux-lexicon check LEXICON`: the same report as `enjeux-score --check`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a lexicon; print each problem as file:line:column: severity: message.")

    @Argument(help: "The lexicon file (YAML).")
    var lexicon: String

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let url = URL(fileURLWithPath: lexicon)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            console.fail(StageError("cannot read the lexicon \(lexicon)", status: .missingInput))
        }
        let diagnostics = LexiconChecker.check(fileAt: url)
        for diagnostic in diagnostics { print(diagnostic) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        console.info("\(lexicon): \(errors) error(s), \(diagnostics.count - errors) warning(s)")
        console.exit(errors > 0 ? .invalidInput : .success)
    }
}
