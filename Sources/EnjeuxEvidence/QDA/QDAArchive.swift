import Foundation
import ZIPFoundation

/// The `.qdpx` zip, written entry by entry into a file. Every entry has the same date
/// (1980-01-01, the first a zip can hold) and permissions, so the bytes depend only on the
/// content; text is deflated, original files (already compressed PDFs) stored as they are and
/// read in chunks, never whole.
struct QDAArchive {
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)
    private let archive: Archive
    private let path: String

    init(creating url: URL) throws(EvidenceWriteError) {
        do {
            archive = try Archive(url: url, accessMode: .create)
        } catch {
            throw EvidenceWriteError(path: url.path, reason: "cannot create the zip archive (\(error))")
        }
        path = url.lastPathComponent
    }

    /// Adds `text` as UTF-8, deflated.
    func add(_ name: String, text: String) throws(EvidenceWriteError) {
        let bytes = Data(text.utf8)
        do {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.entryDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<min(bytes.count, start + size))
            }
        } catch {
            throw EvidenceWriteError(path: "\(path)/\(name)", reason: "cannot add to the zip archive (\(error))")
        }
    }

    /// Adds the file at `url` as it is (stored), read in chunks.
    func add(_ name: String, file url: URL) throws(EvidenceWriteError) {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(size), modificationDate: Self.entryDate,
                permissions: 0o644, compressionMethod: .none
            ) { position, chunk in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: chunk) ?? Data()
            }
        } catch {
            throw EvidenceWriteError(path: url.path, reason: "cannot add to the zip archive (\(error))")
        }
    }
}
