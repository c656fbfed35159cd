import Foundation

extension ChildProcess {
    /// How a program run to its end went: its termination (nil when it ran out of time and
    /// was killed) and everything it wrote to its output.
    public struct Run: Sendable {
        public var termination: Termination?
        public var output: [UInt8]

        public var timedOut: Bool { termination == nil }
        /// The output as text (invalid UTF-8 repaired).
        public var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs a program with no input (its standard input closed at once), collects its
    /// output — standard error included when `standardErrorToOutput` — and waits for it to end,
    /// at most `timeout` seconds: then it is killed and the run has no termination.
    public static func run(
        executable: String, arguments: [String], standardErrorToOutput: Bool = true, timeout: Double
    ) throws -> Run {
        let child = try ChildProcess(
            executable: executable, arguments: arguments, standardErrorToOutput: standardErrorToOutput)
        child.closeInput()
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                child.kill()
                child.wait()
                return Run(termination: nil, output: output)
            }
            var poller = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(child.output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            output += buffer[..<count]
        }
        return Run(termination: child.wait(), output: output)
    }
}
