import EnjeuxBrief
import EnjeuxSupport
import Foundation

/// Runs Debian's `pandoc` (through `ChildProcess`, with a time limit) to turn a brief's
/// Markdown into a DOCX or ODT file, written atomically: pandoc writes a temporary file in the
/// output folder, renamed over the target only when pandoc succeeded.
struct PandocRunner {
    /// The pandoc executable.
    var executable: String
    var timeoutSeconds: Double

    /// What one run gave.
    enum Result {
        /// The file was written; `warnings` are pandoc's `[WARNING]` lines.
        case written(warnings: [String])
        case failed(String)
        case timedOut
    }

    /// `pandoc` on `PATH` (or the path given), nil when there is none.
    static func locate(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        if let given { return FileManager.default.isExecutableFile(atPath: given) ? given : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pandoc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Converts the brief to `command.output`, through a temporary file beside it.
    func run(_ command: PandocCommand) -> Result {
        let target = URL(fileURLWithPath: command.output)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        var toTemporary = command
        toTemporary.output = temporary.path
        defer { try? FileManager.default.removeItem(at: temporary) }
        let run: ChildProcess.Run
        do {
            run = try ChildProcess.run(
                executable: executable, arguments: toTemporary.arguments, timeout: timeoutSeconds)
        } catch {
            return .failed("cannot start \(executable): \(error)")
        }
        let lines = run.outputText.split(whereSeparator: \.isNewline).map(String.init)
        switch run.termination {
        case nil:
            return .timedOut
        case .exited(0):
            guard rename(temporary.path, target.path) == 0 else {
                return .failed("cannot write \(target.path): \(String(cString: strerror(errno)))")
            }
            return .written(warnings: lines.filter { $0.hasPrefix("[WARNING]") })
        case .exited(let status):
            return .failed("pandoc exited with status \(status): " + lines.joined(separator: " / "))
        case .signaled(let signal):
            return .failed("pandoc was stopped by signal \(signal)")
        }
    }
}
