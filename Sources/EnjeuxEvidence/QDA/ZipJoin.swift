import Foundation

/// Joins small zip files into one, copying their entries' bytes as they are: the local records
/// of each part one after the other, then all their central-directory records with the local
/// offsets moved, then a new end record.
///
/// Hand-written on purpose: ZIPFoundation can only add an entry by compressing and
/// checksumming it again. The REFI-QDA project is made of one cached zip per document
/// (`QDASourceCache`) plus `project.qde`; joining them as bytes makes the project of the
/// 1,000-document benchmark corpus, when one document changed, in a copy of its 160 MB instead
/// of deflating every text again (row 6b). Only what ZIPFoundation writes without ZIP64 is
/// joined (entries and offsets under 4 GB, at most 65,535 entries, no archive comment); for
/// anything else `ZipJoinError.unsupported` tells the caller to write the zip with ZIPFoundation.
enum ZipJoin {
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let endRecordSize = 22
    private static let centralFixedSize = 46

    /// A part ready to be copied: the length of its local records and its central directory.
    struct Part {
        var url: URL
        var recordsLength: UInt64
        var centralDirectory: [UInt8]
        var entryCount: Int
    }

    /// Reads the end record and the central directory of the zip at `url`.
    static func part(_ url: URL) throws(ZipJoinError) -> Part {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw .unreadable(url.path, "cannot open")
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            guard size >= UInt64(endRecordSize) else { throw ZipJoinError.unsupported(url.path, "too short for a zip") }
            try handle.seek(toOffset: size - UInt64(endRecordSize))
            let end = [UInt8](try handle.read(upToCount: endRecordSize) ?? Data())
            guard end.count == endRecordSize, word(end, 0) == endSignature else {
                throw ZipJoinError.unsupported(url.path, "no end record where expected (archive comment?)")
            }
            let entries = Int(half(end, 10))
            let centralSize = UInt64(word(end, 12))
            let centralOffset = UInt64(word(end, 16))
            guard half(end, 4) == 0, half(end, 6) == 0, half(end, 8) == half(end, 10), entries != 0xFFFF,
                centralSize != 0xFFFF_FFFF, centralOffset != 0xFFFF_FFFF,
                centralOffset + centralSize + UInt64(endRecordSize) == size
            else { throw ZipJoinError.unsupported(url.path, "ZIP64, several disks or extra records") }
            try handle.seek(toOffset: centralOffset)
            let central = [UInt8](try handle.read(upToCount: Int(centralSize)) ?? Data())
            guard central.count == Int(centralSize) else { throw ZipJoinError.unreadable(url.path, "truncated") }
            return Part(url: url, recordsLength: centralOffset, centralDirectory: central, entryCount: entries)
        } catch let error as ZipJoinError {
            throw error
        } catch {
            throw .unreadable(url.path, "\(error)")
        }
    }

    /// Writes the entries of `parts`, in order, as one zip at `destination` (made anew).
    static func join(_ parts: [Part], into destination: URL) throws(ZipJoinError) {
        var central: [UInt8] = []
        var offset: UInt64 = 0
        var entries = 0
        for part in parts {
            central += try moved(part, by: offset)
            offset += part.recordsLength
            entries += part.entryCount
        }
        guard entries < 0xFFFF, offset + UInt64(central.count) < 0xFFFF_FFFF else {
            throw .unsupported(destination.path, "\(entries) entries, \(offset) bytes: needs ZIP64")
        }
        var end = [UInt8](repeating: 0, count: endRecordSize)
        put(endSignature, in: &end, at: 0)
        put16(UInt16(entries), in: &end, at: 8)
        put16(UInt16(entries), in: &end, at: 10)
        put(UInt32(central.count), in: &end, at: 12)
        put(UInt32(offset), in: &end, at: 16)

        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let output = try? FileHandle(forWritingTo: destination)
        else {
            throw .unwritable(destination.path, "cannot create")
        }
        defer { try? output.close() }
        do {
            for part in parts { try copy(part, to: output) }
            try output.write(contentsOf: Data(central))
            try output.write(contentsOf: Data(end))
        } catch let error as ZipJoinError {
            throw error
        } catch {
            throw .unwritable(destination.path, "\(error)")
        }
    }

    /// The part's central-directory records with each local-header offset increased by `base`.
    private static func moved(_ part: Part, by base: UInt64) throws(ZipJoinError) -> [UInt8] {
        var records = part.centralDirectory
        var position = 0
        var seen = 0
        while position < records.count {
            guard position + centralFixedSize <= records.count, word(records, position) == centralSignature else {
                throw .unsupported(part.url.path, "unexpected central directory")
            }
            let local = UInt64(word(records, position + 42))
            guard local != 0xFFFF_FFFF, base + local < 0xFFFF_FFFF else {
                throw .unsupported(part.url.path, "offsets need ZIP64")
            }
            put(UInt32(base + local), in: &records, at: position + 42)
            position +=
                centralFixedSize + Int(half(records, position + 28)) + Int(half(records, position + 30))
                + Int(half(records, position + 32))
            seen += 1
        }
        guard position == records.count, seen == part.entryCount else {
            throw .unsupported(part.url.path, "central directory does not match its end record")
        }
        return records
    }

    /// Copies the part's local records (everything before its central directory), a megabyte at a time.
    private static func copy(_ part: Part, to output: FileHandle) throws {
        guard let input = try? FileHandle(forReadingFrom: part.url) else {
            throw ZipJoinError.unreadable(part.url.path, "cannot open")
        }
        defer { try? input.close() }
        var left = part.recordsLength
        while left > 0 {
            let chunk = try input.read(upToCount: Int(min(left, 1 << 20))) ?? Data()
            guard !chunk.isEmpty else { throw ZipJoinError.unreadable(part.url.path, "truncated") }
            try output.write(contentsOf: chunk)
            left -= UInt64(chunk.count)
        }
    }

    private static func half(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func word(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(half(bytes, at)) | UInt32(half(bytes, at + 2)) << 16
    }

    private static func put16(_ value: UInt16, in bytes: inout [UInt8], at: Int) {
        bytes[at] = UInt8(value & 0xFF)
        bytes[at + 1] = UInt8(value >> 8)
    }

    private static func put(_ value: UInt32, in bytes: inout [UInt8], at: Int) {
        put16(UInt16(value & 0xFFFF), in: &bytes, at: at)
        put16(UInt16(value >> 16), in: &bytes, at: at + 2)
    }
}

/// Why zips could not be joined as bytes.
enum ZipJoinError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A part or the result is beyond what the joiner handles: write it another way.
    case unsupported(String, String)
    case unreadable(String, String)
    case unwritable(String, String)

    var description: String {
        switch self {
        case .unsupported(let path, let reason): "\(path): cannot be joined as it is (\(reason))"
        case .unreadable(let path, let reason): "\(path): cannot read (\(reason))"
        case .unwritable(let path, let reason): "\(path): cannot write (\(reason))"
        }
    }
}
