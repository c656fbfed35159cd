import EnjeuxTestSupport
import Foundation

/// A run of the sample corpus in a scratch folder (the corpus copied, since judgments and the
/// basket are written beside it) and `enjeux-review` started over it on a free port.
final class ReviewHarness: @unchecked Sendable {
    static let binaries: URL = {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = exe.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("enjeux-review").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    let root: URL
    var corpus: URL { root.appendingPathComponent("Corpus") }
    var evidence: URL { root.appendingPathComponent("Evidence") }
    var work: URL { root.appendingPathComponent("work") }
    var judgments: URL { corpus.appendingPathComponent("judgments.jsonl") }
    private(set) var server: Process?
    private(set) var port = 0
    private(set) var token = ""

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Copies the sample corpus and runs the four stages over it.
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SharedData.repositoryRoot.appendingPathComponent("Corpus"), to: root.appendingPathComponent("Corpus"))
        let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml").path
        let extracted = work.appendingPathComponent("extracted").path
        let passages = work.appendingPathComponent("passages").path
        let scores = work.appendingPathComponent("scores.json").path
        for (stage, arguments) in [
            ("extract", [corpus.path, "--out", extracted]), ("tokenize", [extracted, "--out", passages]),
            ("score", [passages, "--lexicon", lexicon, "--out", scores]),
            ("rank", [scores, "--extracted", extracted, "--out", evidence.path]),
        ] {
            let status = try Self.run("enjeux-\(stage)", arguments)
            guard status == 0 || status == 3 else {
                throw Failure(description: "enjeux-\(stage) exited with \(status)")
            }
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: root)
    }

    static func run(_ name: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(name)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts `enjeux-review --port 0` and reads its first line: the address with the token.
    func start() throws {
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent("enjeux-review")
        process.arguments = ["--evidence", evidence.path, "--port", "0", "--judge", "test"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        server = process
        var line = Data()
        let handle = out.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { throw Failure(description: "enjeux-review ended before printing its address") }
            line.append(chunk)
        }
        let address = String(decoding: line.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        guard address.hasPrefix("http://127.0.0.1:"), let components = URLComponents(string: address),
            let port = components.port, let token = components.queryItems?.first(where: { $0.name == "token" })?.value
        else { throw Failure(description: "first line is not the address: \(address)") }
        self.port = port
        self.token = token
        self.address = address
    }

    private(set) var address = ""

    /// Stops the server: SIGKILL when `kill`, else SIGTERM.
    func stop(kill: Bool = false) {
        guard let server, server.isRunning else { return }
        Glibc.kill(server.processIdentifier, kill ? SIGKILL : SIGTERM)
        server.waitUntilExit()
        self.server = nil
    }

    func get(_ target: String, token: Bool = true) throws -> RawHTTP.Answer {
        let separator = target.contains("?") ? "&" : "?"
        return try RawHTTP.send(port: port, target: token ? target + separator + "token=\(self.token)" : target)
    }

    func post(_ target: String, _ object: [String: Any]) throws -> RawHTTP.Answer {
        try RawHTTP.send(
            port: port, method: "POST", target: target,
            headers: ["X-Enjeux-Token": token, "Content-Type": "application/json"],
            body: try JSONSerialization.data(withJSONObject: object))
    }

    /// The first passages of an issue's list.
    func listed(_ issue: String) throws -> [[String: Any]] {
        let answer = try get("/api/issues/\(issue)")
        return ((answer.json() as? [String: Any])?["passages"] as? [[String: Any]]) ?? []
    }
}
