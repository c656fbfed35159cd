import EnjeuxSupport
import Foundation

/// Messages to the terminal: results on stdout, problems on stderr, one line each. Control
/// characters a document put in a message (a file name, a title) are written as visible
/// escapes (`ControlCharacters`), so that they cannot drive the terminal.
package struct Console: Sendable {
    package var program: String

    package init(program: String) { self.program = program }

    /// A progress or summary line (stderr, so stdout stays clean for data).
    package func info(_ message: String) {
        FileHandle.standardError.write(Data("\(program): \(ControlCharacters.escaped(message))\n".utf8))
    }

    package func warning(_ message: String) {
        FileHandle.standardError.write(Data("\(program): warning: \(ControlCharacters.escaped(message))\n".utf8))
    }

    package func error(_ message: String) {
        FileHandle.standardError.write(Data("\(program): error: \(ControlCharacters.escaped(message))\n".utf8))
    }

    /// Prints a stage error and ends the process with its status.
    package func fail(_ error: StageError) -> Never {
        self.error(error.message)
        exit(error.status)
    }

    /// Ends the process with a status.
    package func exit(_ status: ExitStatus) -> Never {
        Foundation.exit(status.rawValue)
    }
}

/// Formats a duration for summaries ("0.42 s", "2 min 05 s").
package func formatSeconds(_ seconds: Double) -> String {
    if seconds < 60 { return String(format: "%.2f s", seconds) }
    let whole = Int(seconds.rounded())
    return String(format: "%d min %02d s", whole / 60, whole % 60)
}

/// The path of the running executable.
package func currentExecutable() -> URL {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
}
