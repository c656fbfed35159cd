import ArgumentParser
import EnjeuxCommandLine
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
            66 no extraction manifest; 73 cannot write; 75 another run is writing the same \
            output folder.

            For inspection and for comparison with other tools, --plain reads UTF-8 text on \
            stdin, one sentence per line, and writes each line's tokens (exactly as in the \
            input) separated by tabs; --sentences reads one document per line and writes its \
            sentences separated by tabs.

            Examples:
              enjeux-tokenize .enjeux/Corpus/extracted --out .enjeux/Corpus/passages
              echo "Aujourd’hui, l’Ordre a-t-il parlé ?" | enjeux-tokenize --plain
            """)

    @Argument(help: "The folder written by enjeux-extract.")
    var input: String?

    @Option(name: .long, help: "Output folder for the passage files.")
    var out: String?

    @Option(name: .customLong("max-words"), help: "Upper bound on words per passage.")
    var maxWords: Int = 80

    @Option(help: "Documents tokenized at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Tokenize stdin line by line; print each line's tokens separated by tabs.")
    var plain = false

    @Flag(help: "Split each stdin line into sentences; print them separated by tabs.")
    var sentences = false

    // Benchmark mode (scripts/bench): the full analysis chain over stdin, printing only the token count.
    @Flag(name: .customLong("analyze-stdin"), help: .hidden)
    var analyzeStandardInput = false

    func validate() throws {
        let modes = [plain, sentences, analyzeStandardInput].filter { $0 }.count
        if modes > 0 {
            guard modes == 1 else { throw ValidationError("use only one of --plain, --sentences, --analyze-stdin") }
            return
        }
        guard input != nil else { throw ValidationError("missing the input folder") }
        guard out != nil else { throw ValidationError("missing --out FOLDER") }
        guard maxWords >= 5 else { throw ValidationError("--max-words must be at least 5") }
    }

    func run() throws {
        let console = Console(program: "enjeux-tokenize")
        if analyzeStandardInput {
            print(countAnalyzedTokens(chunkBytes: 1 << 20))
            return
        }
        if plain || sentences {
            filterStandardInput(plain ? LineSegmentation.plainLine : LineSegmentation.sentencesLine)
            return
        }
        guard let input, let out else { return }
        RunLock.acquireOrExit(
            URL(fileURLWithPath: out).appendingPathComponent(RunLock.fileName), what: out, console: console)
        var stage = TokenizeStage(
            input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: out),
            passageOptions: PassageOptions(maxWords: maxWords), jobs: jobs)
        stage.progress = ProgressBar.factory
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

/// Applies `transform` to each line of stdin and prints the results, streaming.
private func filterStandardInput(_ transform: (String) -> String) {
    var output = ""
    output.reserveCapacity(1 << 16)
    while let line = readLine(strippingNewline: true) {
        output += transform(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        output += "\n"
        if output.utf8.count >= 1 << 16 {
            FileHandle.standardOutput.write(Data(output.utf8))
            output.removeAll(keepingCapacity: true)
        }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
}

/// Runs `FrenchAnalyzer().tokens(in:)` (tokenize, normalise, stem) over stdin in chunks of about
/// `chunkBytes` that end at a line break, so memory stays flat whatever the input size, and
/// returns the number of tokens. Used by the benchmarks to time the analysis chain alone.
private func countAnalyzedTokens(chunkBytes: Int) -> Int {
    let analyzer = FrenchAnalyzer()
    let input = FileHandle.standardInput
    var pending = Data()
    var count = 0
    while true {
        let read = input.readData(ofLength: chunkBytes)
        if read.isEmpty { break }
        pending.append(read)
        guard let lastBreak = pending.lastIndex(of: 0x0A) else { continue }
        count += analyzer.tokens(in: String(decoding: pending[pending.startIndex..<lastBreak], as: UTF8.self)).count
        pending = Data(pending[pending.index(after: lastBreak)...])
    }
    if !pending.isEmpty { count += analyzer.tokens(in: String(decoding: pending, as: UTF8.self)).count }
    return count
}

TokenizeCommand.main()
