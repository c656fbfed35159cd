import Foundation

/// Bytes kept for a later pass over a large document (a PDF's lines between its passes, a
/// passage file's passages until its forms table is complete): in memory up to
/// `memoryLimit` bytes, then in a temporary file, so that the pass holds one piece at a time.
///
/// The temporary file is unlinked as soon as it is created (in `TMPDIR`, else `/tmp`):
/// nothing is left behind, even when the process is killed. When no temporary file can be
/// made or written (a full disk), the bytes stay in memory.
public final class ScratchFile {
    /// Bytes appended so far.
    public private(set) var count = 0
    private let memoryLimit: Int
    /// The first `fileCount` bytes are in the file, the others in `pending`.
    private var fileCount = 0
    private var pending: [UInt8] = []
    private var descriptor: Int32 = -1
    /// False once a temporary file could not be made or written: everything stays in memory.
    private var canUseFile = true
    private static let chunkSize = 1 << 20

    public init(memoryLimit: Int = 32 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends bytes; returns where they are.
    @discardableResult
    public func append(_ bytes: some Collection<UInt8>) -> Range<Int> {
        let range = count..<(count + bytes.count)
        count += bytes.count
        pending.append(contentsOf: bytes)
        if canUseFile && pending.count >= (descriptor < 0 ? memoryLimit : Self.chunkSize) { flushPending() }
        return range
    }

    /// The bytes of `range` (a range `append` returned, or part of one).
    public func read(_ range: Range<Int>) throws(FileReadError) -> [UInt8] {
        if range.lowerBound >= fileCount {
            return Array(pending[(range.lowerBound - fileCount)..<(range.upperBound - fileCount)])
        }
        var bytes = try readFile(range.lowerBound..<min(range.upperBound, fileCount))
        if range.upperBound > fileCount { bytes += pending[0..<(range.upperBound - fileCount)] }
        return bytes
    }

    /// Hands every byte appended so far to `body`, in order, a megabyte or so at a time.
    public func forEachChunk<Failure: Error>(_ body: ([UInt8]) throws(Failure) -> Void) throws {
        var start = 0
        while start < fileCount {
            let end = min(fileCount, start + Self.chunkSize)
            try body(readFile(start..<end))
            start = end
        }
        if !pending.isEmpty { try body(pending) }
    }

    /// Writes the pending bytes to the file, making it first.
    private func flushPending() {
        if descriptor < 0 {
            let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array("\(folder)/enjeux-scratch-XXXXXX".utf8CString)
            let made = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard made >= 0 else {
                canUseFile = false
                return
            }
            template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
            descriptor = made
        }
        var done = 0
        pending.withUnsafeBytes { raw in
            while done < raw.count, let base = raw.baseAddress {
                let result = pwrite(descriptor, base + done, raw.count - done, off_t(fileCount + done))
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return }
                done += result
            }
        }
        guard done == pending.count else {
            // A full or failing disk: what was not written stays in memory, and so does the rest.
            canUseFile = false
            return
        }
        fileCount += done
        // The memory held before the first write is given back; a chunk's worth is kept.
        pending.removeAll(keepingCapacity: pending.capacity <= 2 * Self.chunkSize)
    }

    private func readFile(_ range: Range<Int>) throws(FileReadError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var done = 0
            while done < range.count, let base = buffer.baseAddress {
                let got = pread(descriptor, base + done, range.count - done, off_t(range.lowerBound + done))
                if got < 0 && errno == EINTR { continue }
                if got <= 0 {
                    failure = got < 0 ? errno : EIO
                    break
                }
                done += got
            }
            initialized = done
        }
        if failure != 0 {
            throw FileReadError(path: "(temporary file)", reason: String(cString: strerror(failure)))
        }
        return bytes
    }
}
