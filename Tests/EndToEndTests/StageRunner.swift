import EnjeuxTestSupport
import Foundation

/// Runs the built `enjeux-*` executables, which `swift test` puts beside the test bundle.
struct StageRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binaries: URL = {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = exe.deletingLastPathComponent()
        // Inside EnjeuxPackageTests.xctest on some layouts.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("enjeux-extract").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// Runs `enjeux-<stage>` with arguments; stdin from `input` when given; the environment
    /// changed by `environment` (a nil value removes a variable).
    @discardableResult
    static func run(
        _ stage: String, _ arguments: [String], input: String? = nil, environment: [String: String?] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("enjeux-\(stage)")
        process.arguments = arguments
        if !environment.isEmpty {
            var changed = ProcessInfo.processInfo.environment
            for (name, value) in environment { changed[name] = value }
            process.environment = changed
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try inPipe.fileHandleForWriting.close()
        }
        // Read both pipes before waiting so a chatty stage cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the four stages like `make analyze`; returns each stage's output.
    static func pipeline(corpus: URL, lexicon: URL, work: URL, evidence: URL) throws -> [String: Output] {
        var outputs: [String: Output] = [:]
        outputs["extract"] = try run("extract", [corpus.path, "--out", work.appendingPathComponent("extracted").path])
        outputs["tokenize"] = try run(
            "tokenize",
            [work.appendingPathComponent("extracted").path, "--out", work.appendingPathComponent("passages").path])
        outputs["score"] = try run(
            "score",
            [
                work.appendingPathComponent("passages").path, "--lexicon", lexicon.path, "--out",
                work.appendingPathComponent("scores.json").path,
            ])
        outputs["rank"] = try run(
            "rank",
            [
                work.appendingPathComponent("scores.json").path, "--extracted",
                work.appendingPathComponent("extracted").path, "--out", evidence.path,
            ])
        return outputs
    }
}

/// A temporary folder removed at the end of a test.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}

/// Reads `evidence.jsonl` as plain JSON objects.
func readEvidence(_ folder: URL) throws -> [[String: Any]] {
    let text = try String(contentsOf: folder.appendingPathComponent("evidence.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map {
        guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}
