import EnjeuxTestSupport
import Foundation

/// Runs a script or a program of the repository (`scripts/analyze.sh`, `make`) with extra
/// environment variables, from the repository's folder; returns its status and output.
enum ScriptRunner {
    static let root = SharedData.repositoryRoot

    static func run(
        _ executable: String, _ arguments: [String], environment extra: [String: String] = [:]
    ) throws -> StageRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return StageRunner.Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `scripts/analyze.sh` with the built executables, as `make analyze` runs it.
    static func analyze(corpus: URL, lexicon: URL, work: URL, evidence: URL) throws -> StageRunner.Output {
        try run(
            "bash", [root.appendingPathComponent("scripts/analyze.sh").path],
            environment: [
                "BIN": StageRunner.binaries.path, "CORPUS": corpus.path, "LEXICON": lexicon.path, "OUT": evidence.path,
                "WORK": work.path, "JOBS": "2",
            ])
    }

    /// True when a program is on the PATH.
    static func has(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }
}
