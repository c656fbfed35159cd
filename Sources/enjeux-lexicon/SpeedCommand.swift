import ArgumentParser
import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxTuning
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
        let documents: [TokenizedDocument]
        describeWork(work, console: console)
        do {
            documents = try PassageFiles.readAll(work: URL(fileURLWithPath: work))
        } catch {
            console.fail(error)
        }
        let speed = ScoringSpeed.measure(lexicon: parsed, documents: documents, runs: self.repeat)
        print(
            String(
                format: "%d passages, %.3f MB of text, %d scored: best of %d runs %.4f s, %.1f MB/s",
                speed.passages, Double(speed.bytes) / 1e6, speed.scored, speed.runs, speed.bestSeconds,
                speed.megabytesPerSecond))
    }
}
