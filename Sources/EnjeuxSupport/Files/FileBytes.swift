import Foundation

/// Why a file could not be read: its path and the system's reason.
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot read \(path): \(reason)" }
}

/// Whole-file reads and atomic writes of byte arrays, without intermediate `Data` copies
/// (passage files of large documents are tens of megabytes).
public enum FileBytes {
    /// The file's bytes.
    public static func read(_ url: URL) throws(FileReadError) -> [UInt8] {
        let path = url.path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw FileReadError(path: path, reason: String(cString: strerror(errno)))
        }
        // Read straight into the array's storage, with a byte more to see the end of a file
        // that grew since `fstat`; what a growing file has beyond that is read by chunks.
        var failure: Int32 = 0
        var ended = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, initialized in
            var filled = 0
            while filled < buffer.count, let base = buffer.baseAddress {
                let count = Foundation.read(descriptor, base + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 {
                    ended = true
                    break
                }
                filled += count
            }
            initialized = filled
        }
        var chunk = [UInt8](repeating: 0, count: ended || failure != 0 ? 0 : 1 << 20)
        while !ended && failure == 0 {
            let count = chunk.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno != EINTR { failure = errno }
            } else if count == 0 {
                ended = true
            } else {
                bytes.append(contentsOf: chunk[..<count])
            }
        }
        if failure != 0 { throw FileReadError(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// Calls `body` with the file's bytes mapped into memory (read-only, private), or with
    /// them read into memory when the file cannot be mapped; nil when the file cannot be
    /// opened or read. The bytes are valid only during the call.
    ///
    /// Mapping saves copying a large file and zeroing the memory for the copy; the file must
    /// not be truncated while it is mapped (files written through `AtomicFile` never are: a
    /// new version replaces the old one by renaming).
    public static func withMappedFile<Result>(_ url: URL, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            guard let bytes = try? read(url) else { return nil }
            return bytes.withUnsafeBufferPointer(body)
        }
        defer { munmap(mapped, size) }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        return body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Tells the system that `bytes` (part of a file mapped by `withMappedFile`) will not be read
    /// again soon: the pages wholly inside are reclaimed (`MADV_PAGEOUT`), so that reading a
    /// large file from start to end does not keep all of it resident. Reading them again reads
    /// the file again; on bytes that are not a mapped file (the fallback copy), or on a system
    /// without this advice, nothing changes.
    public static func releaseMapped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0 else { return }
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + bytes.count) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        // MADV_PAGEOUT (Linux 5.4): never loses data, unlike MADV_DONTNEED on anonymous memory.
        _ = madvise(pointer, end - start, 21)
    }

    /// Writes the bytes and a final newline atomically (the project's JSON files end with one).
    /// The bytes are taken over (a document's encoding is tens of megabytes: not copied).
    public static func write(_ bytes: consuming [UInt8], withFinalNewlineTo url: URL) throws {
        var bytes = bytes
        bytes.append(0x0A)
        try write(bytes, to: url)
    }

    /// Writes the bytes atomically (see `AtomicFile`), without copying them.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                try AtomicFile.write(Data(), to: url)
                return
            }
            let data = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
            try AtomicFile.write(data, to: url)
        }
    }
}
