import Foundation

/// An exclusive lock on a folder a stage writes, so that two runs never write the same work or
/// output folder at once. The lock is `flock(2)` on a small file that holds the process id of
/// its owner: the system releases it when the owner ends, however it ends, so a lock left by a
/// process that died is taken over at once (and said so). A second run waits `waitSeconds`
/// for the first to finish, then stops with `ExitStatus.busy` and the first run's process id.
///
/// The lock is held until the process ends (the file stays open, closed on `exec`, so
/// extraction workers do not inherit it). A process that ends normally empties the file
/// (`atexit`), so that only a run that was killed or crashed leaves its id behind, and the
/// next run says it took that lock over.
package enum RunLock {
    /// The lock files this process holds, emptied when it exits.
    nonisolated(unsafe) private static var held: [Int32] = []
    /// The lock file inside a work folder (`extracted/`, `passages/`).
    package static let fileName = ".enjeux.lock"

    /// How long a second run waits: 3 s, or `ENJEUX_LOCK_WAIT` seconds.
    package static var waitSeconds: Double {
        ProcessInfo.processInfo.environment["ENJEUX_LOCK_WAIT"].flatMap(Double.init) ?? 3
    }

    /// The lock file of a folder that is replaced as a whole at the end of a run (`Evidence/`):
    /// a hidden file beside it (`.Evidence.lock`), which the replacement leaves in place.
    package static func file(besideFolder folder: URL) -> URL {
        let folder = folder.standardizedFileURL
        return folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).lock")
    }

    /// Why the lock was not taken.
    package enum Failure: Error, Sendable {
        /// Another live process holds it (its id when the file says).
        case busy(owner: Int32?)
        case cannotOpen(String)
    }

    /// Takes the lock of `file`, waiting at most `wait` seconds. Returns the process id of the
    /// owner of a stale lock taken over (a process that ended without releasing it), if any.
    @discardableResult
    package static func acquire(_ file: URL, wait: Double = waitSeconds) throws(Failure) -> Int32? {
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .cannotOpen(reason)
            }
            if Date() >= deadline {
                let owner = recordedOwner(descriptor)
                close(descriptor)
                throw .busy(owner: owner)
            }
            usleep(100_000)
        }
        // Held: whoever the file names has ended (or is this process's parent script).
        let previous = recordedOwner(descriptor)
        let own = getpid()
        let text = Array("\(own)\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        if held.isEmpty {
            atexit {
                for descriptor in RunLock.held { _ = ftruncate(descriptor, 0) }
            }
        }
        held.append(descriptor)
        guard let previous, previous != own, kill(previous, 0) != 0, errno == ESRCH else { return nil }
        return previous
    }

    /// Takes the lock or ends the process: on a busy lock, with a message naming the other
    /// run's process id and `ExitStatus.busy`.
    package static func acquireOrExit(_ file: URL, what: String, console: Console) {
        do throws(Failure) {
            if let stale = try acquire(file) {
                console.info("took over the lock of \(what) left by process \(stale), which has ended")
            }
        } catch {
            switch error {
            case .busy(let owner):
                let who = owner.map { " (process \($0))" } ?? ""
                console.fail(
                    StageError(
                        "another run is in progress on \(what)\(who); wait for it to end, then run again",
                        status: .busy))
            case .cannotOpen(let reason):
                console.fail(StageError("cannot lock \(what) (\(file.path)): \(reason)", status: .cannotWrite))
            }
        }
    }

    private static func recordedOwner(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
