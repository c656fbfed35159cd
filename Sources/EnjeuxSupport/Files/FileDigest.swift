import Foundation

/// The SHA-256 and length of a file read by chunks of a megabyte: a large file is
/// fingerprinted without being held in memory.
public struct FileDigest: Sendable, Hashable {
    public var sha256: String
    public var byteCount: Int

    public init(sha256: String, byteCount: Int) {
        self.sha256 = sha256
        self.byteCount = byteCount
    }

    public init(fileAt url: URL) throws(FileReadError) {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw FileReadError(path: url.path, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var count = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(chunk)
                count += chunk.count
            }
        } catch {
            throw FileReadError(path: url.path, reason: error.localizedDescription)
        }
        sha256 = hasher.finalizeHex()
        byteCount = count
    }

    /// The first `count` bytes of the file (fewer when it is shorter).
    public static func head(ofFileAt url: URL, count: Int) throws(FileReadError) -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try handle.read(upToCount: count) ?? Data()
        } catch {
            throw FileReadError(path: url.path, reason: error.localizedDescription)
        }
    }
}
