import CSpawn
import Foundation
import Synchronization

/// A child process started with `posix_spawn`, its standard input and output connected to
/// pipes and its standard error discarded (or sent to the output pipe with
/// `standardErrorToOutput`). Owns the pipe descriptors and reaps the child.
///
/// Foundation's `Process` is not used: its `waitUntilExit` polls every 50 ms, which added a
/// tenth of a second to every batch that ended its workers.
public final class ChildProcess: @unchecked Sendable {
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// Read end of the child's standard output.
    public let output: Int32
    private var input: Int32
    private let pid: pid_t
    private var termination: Termination?

    /// Held while pipes are made and a child is started, so that a child started by another
    /// thread never inherits this child's pipes (which would hide its end of file).
    private static let spawning = Mutex(())

    public init(executable: String, arguments: [String], standardErrorToOutput: Bool = false) throws {
        let started = try Self.spawning.withLock { _ in
            try Self.start(executable: executable, arguments: arguments, standardErrorToOutput: standardErrorToOutput)
        }
        (pid, input, output) = started
    }

    private static func start(executable: String, arguments: [String], standardErrorToOutput: Bool) throws -> (
        pid_t, Int32, Int32
    ) {
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw POSIXError(errorCode()) }
        guard pipe(&fromChild) == 0 else {
            let code = errorCode()
            for fd in toChild { Glibc.close(fd) }
            throw POSIXError(code)
        }
        // Close-on-exec in the parent's copies; the child gets its ends as 0 and 1.
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        if standardErrorToOutput {
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        // Nothing else the parent has open (files being written by other threads, their
        // workers' pipes) goes to the child, which may live as long as the run.
        _ = enjeux_spawn_close_from(&actions, 3)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
        Glibc.close(toChild[0])
        Glibc.close(fromChild[1])
        guard status == 0 else {
            Glibc.close(toChild[1])
            Glibc.close(fromChild[0])
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL)
        }
        return (child, toChild[1], fromChild[0])
    }

    deinit {
        if input >= 0 { Glibc.close(input) }
        Glibc.close(output)
        if termination == nil {
            Glibc.kill(pid, SIGKILL)
            _ = wait()
        }
    }

    /// Writes all the bytes to the child's standard input; false when the child is gone.
    public func send(_ bytes: Data) -> Bool {
        guard input >= 0 else { return false }
        return bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(input, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Closes the child's standard input (end of file for it).
    public func closeInput() {
        guard input >= 0 else { return }
        Glibc.close(input)
        input = -1
    }

    public func kill() {
        if termination == nil { Glibc.kill(pid, SIGKILL) }
    }

    /// Waits for the child to end (once; later calls return the same answer).
    @discardableResult
    public func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        let result: Termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        termination = result
        return result
    }

    private static func errorCode() -> POSIXErrorCode {
        POSIXErrorCode(rawValue: errno) ?? .EIO
    }
}
