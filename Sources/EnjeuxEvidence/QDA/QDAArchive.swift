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

    /// Makes a zip at `url` with what `body` adds, and closes it before returning.
    static func write(_ url: URL, _ body: (QDAArchive) throws(EvidenceWriteError) -> Void) throws(EvidenceWriteError) {
        let archive = try QDAArchive(creating: url)
        try body(archive)
    }

    /// Adds every entry of the zip at `url`, in order: texts deflated again, other files
    /// stored, each through a temporary file (never whole in memory).
    func addEntries(of url: URL) throws(EvidenceWriteError) {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("enjeux-qda-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        do {
            let source = try Archive(url: url, accessMode: .read)
            for entry in source where entry.type == .file {
                try? manager.removeItem(at: scratch)
                _ = try source.extract(entry, to: scratch, skipCRC32: false)
                try add(entry.path, file: scratch, deflated: entry.path.hasSuffix(".txt"))
            }
        } catch let error as EvidenceWriteError {
            throw error
        } catch {
            throw EvidenceWriteError(path: url.path, reason: "cannot copy the zip's entries (\(error))")
        }
    }

    /// Adds `text` as UTF-8, deflated (through a `QDASourceText`: in memory up to a few
    /// megabytes, then in a temporary file).
    func add(_ name: String, text: String) throws(EvidenceWriteError) {
        try add(name, text: QDASourceText(text))
    }

    /// Adds a document's text (UTF-8), deflated, read a chunk at a time from wherever it
    /// waits (memory or its temporary file).
    func add(_ name: String, text: QDASourceText) throws(EvidenceWriteError) {
        let count = text.byteCount
        do {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(count), modificationDate: Self.entryDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return Data(try text.bytes(start..<min(count, start + size)))
            }
        } catch {
            throw EvidenceWriteError(path: "\(path)/\(name)", reason: "cannot add to the zip archive (\(error))")
        }
    }

    /// Adds the file at `url`, stored as it is (or deflated), read in chunks.
    func add(_ name: String, file url: URL, deflated: Bool = false) throws(EvidenceWriteError) {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(size), modificationDate: Self.entryDate,
                permissions: 0o644, compressionMethod: deflated ? .deflate : .none
            ) { position, chunk in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: chunk) ?? Data()
            }
        } catch {
            throw EvidenceWriteError(path: url.path, reason: "cannot add to the zip archive (\(error))")
        }
    }
}
