import ArgumentParser
import EnjeuxCommandLine
import EnjeuxReview
import Foundation

/// `enjeux-review`: the review workbench over the last run of a corpus, in the browser.
@main
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enjeux-review",
        abstract: "Read, judge and collect the passages of the last run in a local web page.",
        discussion: """
            Starts a web server on 127.0.0.1 over the run recorded in the Evidence folder (its \
            corpus and work folder), and prints its address with a random token as the first \
            line: open it in a browser on this machine. Judgments go to judgments.jsonl in the \
            corpus folder (on disk before the page confirms them), the brief basket to \
            review-basket.json beside it. Stop with Ctrl-C.

            Examples:
              enjeux-review
              enjeux-review --evidence Evidence --port 0
            """)

    @Option(help: "The Evidence folder of the run.")
    var evidence: String = "Evidence"

    @Option(help: "The corpus folder (by default the one recorded in the run).")
    var corpus: String?

    @Option(help: "The work folder (by default the one recorded in the run).")
    var work: String?

    @Option(help: "The judgments file (by default judgments.jsonl in the corpus folder).")
    var judgments: String?

    @Option(help: "The port on 127.0.0.1; 0 lets the system choose a free one.")
    var port: Int = 8750

    @Option(help: "Who judges (by default the user name).")
    var judge: String = ProcessInfo.processInfo.environment["USER"] ?? "anonyme"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let console = Console(program: "enjeux-review")
        let desk: ReviewDesk
        let token = SecurityPolicy.newToken()
        do {
            var locations = try ReviewLocations.find(
                evidence: URL(fileURLWithPath: evidence, isDirectory: true), corpus: corpus, work: work)
            if let judgments { locations.judgments = URL(fileURLWithPath: judgments) }
            desk = try ReviewDesk(corpus: ReviewCorpus(locations: locations), token: token, judge: judge)
        } catch {
            console.fail(StageError("\(error)", status: .missingInput))
        }
        for notice in await desk.startNotices() { console.warning(notice) }
        let server = ReviewServer(desk: desk, policy: SecurityPolicy(token: token), port: port)
        do {
            try await server.run { address in
                // Unbuffered: the address is the first line even when stdout is a pipe.
                FileHandle.standardOutput.write(Data((address + "\n").utf8))
            }
        } catch {
            console.fail(StageError("cannot serve on 127.0.0.1:\(port): \(error)", status: .cannotWrite))
        }
    }
}
