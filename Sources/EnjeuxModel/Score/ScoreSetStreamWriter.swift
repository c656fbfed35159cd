import Foundation

/// Writes `scores.json` passage by passage, so that scores need not all be held in memory:
/// the same bytes as `ScoreSetCodec.write`, into a temporary file in the same folder that
/// replaces `url` only when `finish()` is called (an interrupted run leaves the old file).
public final class ScoreSetStreamWriter {
    private let url: URL
    private let temp: URL
    private let handle: FileHandle
    private var wrotePassage = false
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens the temporary file and writes everything that comes before the passages.
    public init(
        url: URL, lexicon: LexiconInfo, categories: [CategoryInfo], documents: [DocumentSummary]
    ) throws {
        self.url = url
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        temp = folder.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp.path])
        }
        handle = try FileHandle(forWritingTo: temp)
        let empty = ScoreSet(lexicon: lexicon, categories: categories, documents: documents, passages: [])
        // Everything up to the passages' closing bracket, which the empty set ends with.
        let head = ScoreSetCodec.encode(empty)
        guard let open = Self.passagesOpening(in: head) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp.path])
        }
        buffer = Array(head[..<open])
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(at: temp)
        }
    }

    /// Appends passages (in output order).
    public func append(_ passages: [ScoredPassage]) throws {
        for passage in passages {
            if wrotePassage { buffer.append(UInt8(ascii: ",")) }
            buffer += ScoreSetCodec.encode(passage)
            wrotePassage = true
        }
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends passages already encoded with `ScoreSetCodec.encode(_:)` (in output order), so
    /// that callers can encode on several threads.
    public func append(encoded passages: [[UInt8]]) throws {
        for passage in passages {
            if wrotePassage { buffer.append(UInt8(ascii: ",")) }
            buffer += passage
            wrotePassage = true
        }
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends passages encoded together with `ScoreSetCodec.encode(_:)` for an array (in
    /// output order); nothing for none.
    public func append(encodedList bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        if wrotePassage { buffer.append(UInt8(ascii: ",")) }
        if buffer.isEmpty && bytes.count >= 1 << 20 {
            try handle.write(contentsOf: bytes)
        } else {
            buffer += bytes
            if buffer.count >= 1 << 20 { try flush() }
        }
        wrotePassage = true
    }

    /// Writes the end of the file, flushes it and renames it over `url`.
    public func finish(schema: Int = ScoreSet.currentSchema) throws {
        buffer += Array("],\"schema\":\(schema)}\n".utf8)
        try flush()
        try handle.synchronize()
        try handle.close()
        finished = true
        if rename(temp.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The offset just past `"passages":[` in an encoded score set.
    static func passagesOpening(in bytes: [UInt8]) -> Int? {
        let marker = Array("\"passages\":[".utf8)
        guard bytes.count >= marker.count else { return nil }
        // The last occurrence: document texts come before and may contain the same characters.
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index] == marker[0] && Array(bytes[index..<(index + marker.count)]) == marker {
                return index + marker.count
            }
            index -= 1
        }
        return nil
    }
}
