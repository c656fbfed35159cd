import ArgumentParser
import EnjeuxCore
import EnjeuxPipeline
import EnjeuxText
import Foundation

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-tokenize",
        abstract: "Cut extracted documents into passages of French text with tokens.",
        discussion: """
            Reads the output folder of enjeux-extract and writes one JSON file per document \
            with its passages (sentences grouped within a block, bounded in length), each with \
            its page, nearest heading, exact text and tokens (offsets, normalised and stemmed \
            forms). Documents whose extraction did not change are not tokenized again.

            Exit status: 0 success; 64 usage error; 65 unreadable extracted file; \
            66 no extraction manifest; 73 cannot write.

            Example:
              enjeux-tokenize .enjeux/Corpus/extracted --out .enjeux/Corpus/passages
            """)

    @Argument(help: "The folder written by enjeux-extract.")
    var input: String?

    @Option(name: .long, help: "Output folder for the passage files.")
    var out: String?

    @Option(name: .customLong("max-words"), help: "Upper bound on words per passage.")
    var maxWords: Int = 80

    @Option(help: "Documents tokenized at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard input != nil else { throw ValidationError("missing the input folder") }
        guard out != nil else { throw ValidationError("missing --out FOLDER") }
        guard maxWords >= 5 else { throw ValidationError("--max-words must be at least 5") }
    }

    func run() throws {
        let console = Console(program: "enjeux-tokenize")
        guard let input, let out else { return }
        let stage = TokenizeStage(
            input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: out),
            passageOptions: PassageOptions(maxWords: maxWords), jobs: jobs)
        let outcome: TokenizeStage.Outcome
        do {
            outcome = try stage.run()
        } catch {
            console.fail(error)
        }
        try? StageStats(
            stage: "tokenize", seconds: outcome.seconds, processed: outcome.tokenized, reused: outcome.reused
        ).write(work: URL(fileURLWithPath: out).deletingLastPathComponent())
        let what =
            outcome.tokenized == 0
            ? "nothing changed, no tokenization work"
            : "\(outcome.tokenized) tokenized, \(outcome.reused) unchanged"
        console.info(
            "\(outcome.documents) documents (\(what)), \(outcome.passages) passages, \(formatSeconds(outcome.seconds))")
    }
}

TokenizeCommand.main()
