import Foundation

/// The entry count a zip archive's end-of-central-directory record declares. ZIPFoundation
/// stops listing at an entry it cannot read (one encrypted with the zip format's own
/// password scheme): comparing the two tells such an archive from a complete one.
enum ZipDirectoryCount {
    /// The record is in the last 22 bytes, or up to 64 KB before them when the archive has a comment.
    static let searchLength = 22 + 0xFFFF

    /// The total entry count of the record, or nil when it cannot be found or is a ZIP64
    /// placeholder (0xFFFF).
    static func declaredEntries(of url: URL) -> Int? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 22 else { return nil }
        let start = size > UInt64(searchLength) ? size - UInt64(searchLength) : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return nil }
        let bytes = [UInt8](data)
        var position = bytes.count - 22
        while position >= 0 {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x05,
                bytes[position + 3] == 0x06
            {
                let count = Int(bytes[position + 10]) | Int(bytes[position + 11]) << 8
                return count == 0xFFFF ? nil : count
            }
            position -= 1
        }
        return nil
    }
}
