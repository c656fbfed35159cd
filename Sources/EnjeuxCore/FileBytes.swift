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
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        bytes.reserveCapacity(Int(status.st_size) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
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
