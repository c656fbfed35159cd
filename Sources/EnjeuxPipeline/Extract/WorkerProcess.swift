import EnjeuxSupport
import Foundation

/// A long-lived `enjeux-extract --serve` child process that extracts documents one at a
/// time. Starting a process per document costs tens of milliseconds; a worker is reused
/// until a document crashes it or runs out of time, and is then replaced.
final class WorkerProcess: @unchecked Sendable {
    // Used by one thread at a time: the pool hands a worker to a single job.
    private let child: ChildProcess
    private var pending = [UInt8]()

    enum Outcome {
        case result(WorkerResult)
        case timedOut
        /// The worker ended without answering (a crash, or the memory limit).
        case ended(signal: Int32?, status: Int32)
    }

    init(executable: URL, memoryLimitMegabytes: Int) throws {
        child = try ChildProcess(
            executable: executable.path, arguments: ["--serve", "--memory-limit", String(memoryLimitMegabytes)])
    }

    /// Sends a request and waits for its answer at most `timeout` seconds, plus `extension`
    /// seconds from each progress line (a page read by OCR), which goes to `onProgress`.
    func extract(
        _ request: WorkerRequest, timeout: Double, extension: Double = 0,
        onProgress: (WorkerProgress) -> Void = { _ in }
    ) -> Outcome {
        guard var line = try? JSONCoding.encode(request) else {
            return .result(
                WorkerResult(
                    format: nil, pages: 0, warnings: [], failure: .crashed(detail: "cannot encode the request")))
        }
        line.append(0x0A)
        guard child.send(line) else { return endedOutcome() }
        var deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        let fd = child.output
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let answer = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                if answer.starts(with: WorkerProgress.prefix) {
                    if let progress = try? JSONCoding.decode(WorkerProgress.self, from: answer) { onProgress(progress) }
                    deadline = max(deadline, DispatchTime.now().uptimeNanoseconds + UInt64(`extension` * 1e9))
                    continue
                }
                guard let result = try? JSONCoding.decode(WorkerResult.self, from: answer) else {
                    return .result(
                        WorkerResult(
                            format: nil, pages: 0, warnings: [], failure: .crashed(detail: "unreadable worker answer")))
                }
                return .result(result)
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return .timedOut }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let waitMilliseconds = Int32(min(1000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&poller, 1, waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return endedOutcome() }
            pending.append(contentsOf: buffer[..<count])
        }
    }

    private func endedOutcome() -> Outcome {
        switch child.wait() {
        case .signaled(let signal): .ended(signal: signal, status: 0)
        case .exited(let status): .ended(signal: nil, status: status)
        }
    }

    /// Stops the worker at once (after a time-out).
    func kill() {
        child.kill()
        _ = child.wait()
    }

    /// Asks the worker to finish: closing its stdin ends its loop. `waitForEnd` reaps it.
    func close() {
        child.closeInput()
    }

    /// Waits until a closed worker has exited.
    func waitForEnd() {
        _ = child.wait()
    }
}
