import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxPipeline
import Foundation

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-score",
        abstract: "Score every passage against a lexicon of issues.",
        discussion: """
            Reads the output folder of enjeux-tokenize and a lexicon (YAML, see docs/lexicon.md) \
            and writes scores.json: for every passage that matches, its score per issue and the \
            matched terms with their offsets and contributions. Nothing is rescored when neither \
            the lexicon nor the passages changed. An invalid lexicon stops the stage before \
            anything is written, so the previous scores and evidence stay as they were.

            Exit status: 0 success; 64 usage error; 65 invalid lexicon (errors printed as \
            file:line:column: message); 66 missing input or lexicon; 73 cannot write; 75 another \
            run is writing the same work folder.

            Examples:
              enjeux-score .enjeux/Corpus/passages --lexicon Lexicons/enjeux.fr.yaml --out .enjeux/Corpus/scores.json
              enjeux-score --check Lexicons/enjeux.fr.yaml
            """)

    @Argument(help: "The folder written by enjeux-tokenize.")
    var input: String?

    @Option(name: .long, help: "The lexicon file (YAML).")
    var lexicon: String?

    @Option(name: .long, help: "Output file (scores.json).")
    var out: String?

    @Option(name: .long, help: "Documents read and matched at the same time (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("check"),
        help: "Check a lexicon file, print its problems as file:line:column: message, and exit.")
    var checkFile: String?

    func validate() throws {
        if checkFile != nil { return }
        guard input != nil else { throw ValidationError("missing the input folder") }
        guard lexicon != nil else { throw ValidationError("missing --lexicon FILE") }
        guard out != nil else { throw ValidationError("missing --out FILE") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let console = Console(program: "enjeux-score")
        if let checkFile {
            check(checkFile, console: console)
        }
        guard let input, let lexicon, let out else { return }
        // A missing lexicon is reported before anything is written.
        if FileManager.default.fileExists(atPath: lexicon) {
            RunLock.acquireOrExit(
                URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent(RunLock.fileName),
                what: out, console: console)
        }
        var stage = ScoreStage(
            input: URL(fileURLWithPath: input), lexicon: URL(fileURLWithPath: lexicon),
            output: URL(fileURLWithPath: out), jobs: jobs)
        stage.progress = ProgressBar.factory
        let outcome: ScoreStage.Outcome
        do {
            outcome = try stage.run()
        } catch {
            console.fail(error)
        }
        for warning in outcome.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        try? StageStats(
            stage: "score", seconds: outcome.seconds, processed: outcome.reused ? 0 : outcome.passages,
            reused: outcome.reused ? outcome.passages : 0
        ).write(work: URL(fileURLWithPath: out).deletingLastPathComponent())
        let what =
            outcome.reused
            ? "lexicon and passages unchanged, no scoring work"
            : "\(outcome.scored) with a score"
        console.info(
            "\(outcome.passages) passages of \(outcome.documents) documents (\(what)), \(formatSeconds(outcome.seconds))"
        )
    }

    private func check(_ path: String, console: Console) -> Never {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try LexiconText.readData(url)
        } catch {
            console.fail(
                StageError(
                    "cannot read the lexicon \(path): \(error.reason)",
                    status: error.isMissing ? .missingInput : .invalidInput))
        }
        let diagnostics = LexiconChecker.check(yaml: String(decoding: data, as: UTF8.self), file: path)
        for diagnostic in diagnostics { print(diagnostic) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        console.info("\(path): \(errors) error(s), \(warnings) warning(s)")
        console.exit(errors > 0 ? .invalidInput : .success)
    }
}

ScoreCommand.main()
