import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// `enjeux-lexicon speed`: how fast a lexicon scores the passages of a work folder.
struct SpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Measure scoring throughput (MB of passage text per second) of a lexicon.",
        discussion: """
            Reads the passages of a work folder (written by enjeux-tokenize), then scores them \
            with the lexicon --repeat times in memory (both passes, as enjeux-score does) and \
            prints the best throughput in MB (10^6 bytes of UTF-8 passage text) per second.
            """)

    @Argument(help: "The lexicon file (YAML).")
    var lexicon: String

    @Option(help: "The work folder of a run (with passages/).")
    var work: String

    @Option(help: "How many times to score the passages; the fastest run is reported.")
    var `repeat`: Int = 5

    func run() throws {
        let console = Console(program: "enjeux-lexicon")
        let parsed: Lexicon
        do {
            parsed = try Lexicon.load(from: URL(fileURLWithPath: lexicon))
        } catch {
            console.fail(StageError("the lexicon has errors:\n\(error.description)", status: .invalidInput))
        }
        let folder = URL(fileURLWithPath: work).appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: folder) else {
            console.fail(StageError("no passages in \(folder.path)", status: .missingInput))
        }
        var documents: [TokenizedDocument] = []
        for entry in manifest.entries {
            do {
                documents.append(
                    try TokenizedDocument(jsonFile: folder.appendingPathComponent("\(entry.id).json"))
                )
            } catch {
                console.fail(StageError("cannot read the passages of \(entry.source): \(error)", status: .invalidInput))
            }
        }
        let bytes = documents.reduce(0) { total, document in
            total + document.passages.reduce(0) { $0 + $1.text.utf8.count }
        }
        let scorer = Scorer(lexicon: parsed)
        var best = Double.infinity
        var scored = 0
        for _ in 0..<max(1, self.repeat) {
            let start = DispatchTime.now().uptimeNanoseconds
            scored = scorer.score(documents: documents).count
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, seconds)
        }
        let passages = documents.reduce(0) { $0 + $1.passages.count }
        let rate = Double(bytes) / 1e6 / max(best, 1e-9)
        print(
            String(
                format: "%d passages, %.3f MB of text, %d scored: best of %d runs %.4f s, %.1f MB/s",
                passages, Double(bytes) / 1e6, scored, max(1, self.repeat), best, rate))
    }
}
