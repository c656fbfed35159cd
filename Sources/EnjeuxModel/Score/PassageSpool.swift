import EnjeuxSupport
import Synchronization

/// The texts and matches of scored passages, moved out of memory into a temporary file
/// (`ScratchFile`): the rank stage keeps every passage above the threshold, but reads the
/// text of most of them once (to find duplicates) and shows the matches of a few hundred.
/// A 200 MB web page's 466,000 passages hold 190 MB of text and 160 MB of matches.
///
/// Written by one thread while the scores are read, then read by several once the writing
/// is over (a `ScratchFile` reads with `pread`), hence `@unchecked Sendable`. A read that
/// fails (the disk gave an error) gives an empty text and is remembered in `readFailure`,
/// which the writer of the evidence checks before the evidence replaces the last one.
public final class PassageSpool: @unchecked Sendable {
    private let scratch = ScratchFile(memoryLimit: 0)
    private let failure = Mutex<String?>(nil)
    /// How many bytes of text and matches `hold` leaves in memory before it spools.
    private let memoryBudget: Int
    private var heldInMemory = 0

    /// A spool that `hold` starts filling once the passages it was given hold more than
    /// `memoryBudget` bytes of text and matches (0: from the first passage).
    public init(memoryBudget: Int = 0) {
        self.memoryBudget = memoryBudget
    }

    /// Keeps the passage as it is while the budget lasts, and moves its text and matches into
    /// the spool after that (`store`).
    public func hold(_ passage: inout ScoredPassage) {
        guard heldInMemory >= memoryBudget else {
            heldInMemory += passage.contentBytes
            return
        }
        store(&passage)
    }

    /// How many bytes the spool holds (in its file, or in memory if no file could be written).
    public var spooledBytes: Int { scratch.count }

    /// The first read that failed, nil while every read succeeded.
    public var readFailure: String? { failure.withLock { $0 } }

    /// Moves the passage's text and its scores' matches into the spool; the passage keeps
    /// everything else and a reference to them (`ScoredPassage.spooled`).
    public func store(_ passage: inout ScoredPassage) {
        var record: [UInt8] = []
        record.reserveCapacity(passage.text.utf8.count + 64 * passage.scores.count)
        record.append(contentsOf: passage.text.utf8)
        let textLength = record.count
        for score in passage.scores {
            Self.append(score.category, to: &record)
            Self.append(UInt64(score.matches.count), to: &record)
            for match in score.matches {
                Self.append(match.term, to: &record)
                Self.append(match.text, to: &record)
                Self.append(UInt64(bitPattern: Int64(match.start)), to: &record)
                Self.append(UInt64(bitPattern: Int64(match.end)), to: &record)
                Self.append(match.contribution.bitPattern, to: &record)
            }
        }
        // A record past 4 GB (never a passage of any real document) stays in memory.
        guard let length = UInt32(exactly: record.count), let textCount = UInt32(exactly: textLength) else { return }
        let range = scratch.append(record)
        passage.spooled = SpooledContent(spool: self, start: range.lowerBound, textLength: textCount, length: length)
        passage.text = ""
        // A new array of exactly its size: the decoded one may have grown by doubling.
        passage.scores = passage.scores.map { CategoryScore(category: $0.category, score: $0.score, matches: []) }
    }

    /// The text of a spooled passage.
    func text(of content: SpooledContent) -> String {
        guard let bytes = read(content.start..<(content.start + Int(content.textLength))) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The passage with its text and matches back (each score finds its matches by category).
    func restored(_ passage: ScoredPassage, from content: SpooledContent) -> ScoredPassage {
        guard let bytes = read(content.start..<(content.start + Int(content.length))) else { return passage }
        var restored = passage
        restored.spooled = nil
        restored.text = String(decoding: bytes[0..<Int(content.textLength)], as: UTF8.self)
        var reader = RecordReader(bytes: bytes, offset: Int(content.textLength))
        var matchesByCategory: [String: [TermMatch]] = [:]
        while !reader.isAtEnd {
            guard let category = reader.string(), let count = reader.integer() else { break }
            var matches: [TermMatch] = []
            for _ in 0..<max(0, count) {
                guard let term = reader.string(), let text = reader.string(), let start = reader.integer(),
                    let end = reader.integer(), let contribution = reader.word()
                else { break }
                matches.append(
                    TermMatch(
                        term: term, text: text, start: start, end: end, contribution: Double(bitPattern: contribution)))
            }
            matchesByCategory[category] = matches
        }
        for index in restored.scores.indices {
            restored.scores[index].matches = matchesByCategory[restored.scores[index].category] ?? []
        }
        return restored
    }

    private func read(_ range: Range<Int>) -> [UInt8]? {
        do {
            return try scratch.read(range)
        } catch {
            failure.withLock { $0 = $0 ?? error.reason }
            return nil
        }
    }

    private static func append(_ value: UInt64, to record: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { record.append(contentsOf: $0) }
    }

    private static func append(_ string: String, to record: inout [UInt8]) {
        append(UInt64(string.utf8.count), to: &record)
        record.append(contentsOf: string.utf8)
    }

    /// Reads back what `append` wrote.
    private struct RecordReader {
        let bytes: [UInt8]
        var offset: Int

        var isAtEnd: Bool { offset >= bytes.count }

        mutating func word() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
            offset += 8
            return value
        }

        mutating func integer() -> Int? { word().map { Int(Int64(bitPattern: $0)) } }

        mutating func string() -> String? {
            guard let length = word().map(Int.init(truncatingIfNeeded:)), length >= 0, offset + length <= bytes.count
            else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        }
    }
}

/// Where a spooled passage's text and matches are (24 bytes: one for each of hundreds of
/// thousands of passages).
public struct SpooledContent: Sendable, Hashable {
    let spool: PassageSpool
    let start: Int
    let textLength: UInt32
    let length: UInt32

    public static func == (a: SpooledContent, b: SpooledContent) -> Bool {
        a.spool === b.spool && a.start == b.start && a.textLength == b.textLength && a.length == b.length
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(spool))
        hasher.combine(start)
    }
}

extension ScoredPassage {
    /// About how many bytes its text and matches take in memory (what a spool would take
    /// out): the text's UTF-8 and 64 bytes a match.
    public var contentBytes: Int { text.utf8.count + scores.reduce(0) { $0 + 64 * $1.matches.count } }

    /// The passage's text, read back from its spool when it was moved there.
    public var fullText: String { spooled.map { $0.spool.text(of: $0) } ?? text }

    /// The passage with its text and matches, read back from its spool when they were moved
    /// there (itself otherwise).
    public var restored: ScoredPassage { spooled.map { $0.spool.restored(self, from: $0) } ?? self }
}
