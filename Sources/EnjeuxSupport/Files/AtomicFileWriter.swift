import Foundation

/// Why a file could not be written: its path and the system's reason.
public struct FileWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The error of the last failed system call on `path`.
    static func current(_ path: String) -> FileWriteError {
        FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes a file piece by piece, so that a large one (the extracted text of a long document)
/// is never held whole, with the guarantee of `AtomicFile`: the pieces go to a temporary file
/// in the same folder (`.<name>.tmp-<pid>`, which the stages remove when a killed run left it),
/// and `commit()` flushes it and renames it over the target. A writer dropped without
/// `commit()` removes its temporary file.
public final class AtomicFileWriter {
    public let url: URL
    private let temp: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    /// Creates the folder when needed and opens the temporary file.
    public init(url: URL) throws(FileWriteError) {
        self.url = url
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: folder.path, reason: error.localizedDescription)
        }
        temp =
            folder.appendingPathComponent(
                ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)"
            ).path
        descriptor = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .current(temp) }
        buffer.reserveCapacity(Self.flushSize + (1 << 16))
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temp)
        }
    }

    /// Appends bytes (buffered: written a megabyte at a time).
    public func write(_ bytes: some Sequence<UInt8>) throws(FileWriteError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends what a JSON writer holds and empties it, keeping its place in the structure.
    public func write(_ writer: inout JSONWriter) throws(FileWriteError) {
        try writer.drain { bytes throws(FileWriteError) in try write(bytes) }
    }

    /// Appends the whole content of a scratch file.
    public func write(contentsOf scratch: ScratchFile) throws(FileWriteError) {
        try flush()
        do {
            try scratch.forEachChunk { chunk throws(FileWriteError) in try writeAll(chunk) }
        } catch let error as FileWriteError {
            throw error
        } catch {
            throw FileWriteError(path: temp, reason: "\(error)")
        }
    }

    /// Flushes the file to disk and renames it over `url`.
    public func commit() throws(FileWriteError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw .current(temp) }
        close(descriptor)
        descriptor = -1
        guard rename(temp, url.path) == 0 else {
            let error = FileWriteError.current(url.path)
            unlink(temp)
            throw error
        }
    }

    private func flush() throws(FileWriteError) {
        guard !buffer.isEmpty else { return }
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws(FileWriteError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count, let base = raw.baseAddress {
                let count = Foundation.write(descriptor, base + done, raw.count - done)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += count
            }
        }
        if failure != 0 { throw FileWriteError(path: temp, reason: String(cString: strerror(failure))) }
    }
}
