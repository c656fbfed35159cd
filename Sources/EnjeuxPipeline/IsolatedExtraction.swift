import EnjeuxCore
import Foundation

/// Runs one extraction in a child process (`enjeux-extract --worker …`), so that a
/// document that crashes, hangs or eats memory is reported and the batch goes on.
public struct IsolatedExtraction: Sendable {
    /// The `enjeux-extract` executable to start in worker mode.
    public var executable: URL
    public var timeoutSeconds: Double
    public var memoryLimitMegabytes: Int

    public init(executable: URL, timeoutSeconds: Double, memoryLimitMegabytes: Int) {
        self.executable = executable
        self.timeoutSeconds = timeoutSeconds
        self.memoryLimitMegabytes = memoryLimitMegabytes
    }

    /// Environment variable that carries a PDF password to the worker (never on the command line).
    public static let passwordVariable = "ENJEUX_PDF_PASSWORD"

    /// Extracts `file` into `output`; returns the worker's result or the failure.
    public func run(file: CorpusFile, sha256: String, password: String?, output: URL) -> Result<WorkerResult, DocumentError> {
        let scratch = output.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(file.id)"
        let resultURL = scratch.appendingPathComponent(".worker-\(token).result.json")
        let stderrURL = scratch.appendingPathComponent(".worker-\(token).stderr")
        defer {
            try? FileManager.default.removeItem(at: resultURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        func fail(_ failure: ExtractionFailure) -> Result<WorkerResult, DocumentError> {
            .failure(DocumentError(path: file.relativePath, failure: failure))
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--worker", file.url.path, "--source", file.relativePath, "--sha256", sha256,
            "--output", output.path, "--result", resultURL.path,
            "--memory-limit", String(memoryLimitMegabytes),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.passwordVariable] = password
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardError = (try? FileHandle(forWritingTo: stderrURL)) ?? FileHandle.nullDevice

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return fail(.crashed(detail: "cannot start the extraction worker: \(error.localizedDescription)"))
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        if timedOut { return fail(.timedOut(seconds: timeoutSeconds)) }

        let errorText = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            if errorText.localizedCaseInsensitiveContains("alloc") || errorText.contains("memory") {
                return fail(.memoryLimitExceeded(megabytes: memoryLimitMegabytes))
            }
            return fail(.crashed(detail: "signal \(signal)\(Self.signalName(signal))"))
        }
        guard let data = try? Data(contentsOf: resultURL),
            let result = try? JSONCoding.decode(WorkerResult.self, from: data)
        else {
            let lastLine = errorText.split(separator: "\n").last.map { ": \($0)" } ?? ""
            return fail(.crashed(detail: "worker exited with status \(process.terminationStatus)\(lastLine)"))
        }
        if let failure = result.failure { return fail(failure) }
        return .success(result)
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: " (segmentation fault)"
        case SIGABRT: " (abort)"
        case SIGBUS: " (bus error)"
        case SIGILL, SIGTRAP: " (runtime trap)"
        case SIGFPE: " (arithmetic error)"
        case SIGKILL: " (killed)"
        default: ""
        }
    }
}
