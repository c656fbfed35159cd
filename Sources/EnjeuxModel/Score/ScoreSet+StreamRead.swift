import EnjeuxSupport
import Foundation

extension ScoreSet {
    /// Reads a `scores.json` file without holding it whole: the passages are decoded a batch at
    /// a time and offered to `keep`, which may trim a passage (drop some of its scores) and says
    /// whether to keep it. `beforePassages` is given the documents before the first passage
    /// is offered. Returns the set of kept passages and how many the file holds.
    public static func read(
        jsonFile url: URL, beforePassages: ([DocumentSummary]) -> Void = { _ in },
        keeping keep: (inout ScoredPassage) -> Bool
    ) throws -> (scoreSet: ScoreSet, passageCount: Int) {
        var scanner = try JSONFileScanner(url: url)
        var members = ScoreSetMembers()
        var passageCount = 0
        try scanner.expect(UInt8(ascii: "{"), "expected an object")
        var first = true
        while try scanner.hasNext(first: first, closing: UInt8(ascii: "}")) {
            first = false
            let key = try scanner.key()
            if key == "passages" {
                beforePassages(members.documents ?? [])
                var batch = PassageBatch(documents: members.documents ?? [], fileSize: scanner.fileSize)
                try readPassages(from: &scanner, into: &batch, keeping: keep)
                members.passages = batch.kept
                passageCount = batch.count
            } else {
                try readMember(key, of: &members, from: &scanner)
            }
        }
        try scanner.finish()
        let missing = scanner.error("missing key in the score set")
        return (try members.scoreSet(orThrow: missing), passageCount)
    }

    /// Reads the value of a member other than `passages` (small: read whole).
    private static func readMember(
        _ key: String, of members: inout ScoreSetMembers, from scanner: inout JSONFileScanner
    ) throws {
        let start = scanner.offset
        var value: [UInt8] = []
        try scanner.value(into: &value)
        try JSONReader.read(value, at: start) { (reader: inout JSONReader) throws(JSONReadError) in
            try members.read(key, from: &reader)
        }
    }

    /// Cuts the passages out of the file one by one and decodes them by batches.
    private static func readPassages(
        from scanner: inout JSONFileScanner, into batch: inout PassageBatch, keeping keep: (inout ScoredPassage) -> Bool
    ) throws {
        try scanner.expect(UInt8(ascii: "["), "expected an array of passages")
        var first = true
        while try scanner.hasNext(first: first, closing: UInt8(ascii: "]")) {
            first = false
            try batch.add(from: &scanner)
            if batch.isFull { try batch.take(keeping: keep) }
        }
        try batch.take(keeping: keep)
    }
}

/// Passages of `scores.json` waiting to be decoded together on every core, and those kept.
private struct PassageBatch {
    /// Passages decoded together.
    static let size = 2048

    private var pending: [(bytes: [UInt8], start: Int)] = []
    private(set) var kept: [ScoredPassage] = []
    /// Passages decoded so far, kept or not.
    private(set) var count = 0
    /// One string per document id, shared by its passages; one per heading and matched term
    /// or word, shared by every passage that repeats it.
    private let documentIds: [String: String]
    private var interned = StringPool()

    /// The kept passages' array is made as large as the documents say they have passages
    /// (no more than the file could hold, at 64 bytes a passage): growing it by doubling would
    /// hold two copies at once, 130 MB for a 200 MB web page. Pages never written to are not
    /// taken from the system.
    init(documents: [DocumentSummary], fileSize: Int) {
        documentIds = Dictionary(documents.map { ($0.id, $0.id) }, uniquingKeysWith: { first, _ in first })
        let declared = documents.reduce(0) { $0 &+ max(0, $1.passageCount) }
        kept.reserveCapacity(max(0, min(declared, fileSize / 64)))
    }

    var isFull: Bool { pending.count == Self.size }

    /// Takes the bytes of the next passage from the file.
    mutating func add(from scanner: inout JSONFileScanner) throws {
        var bytes: [UInt8] = []
        let start = scanner.offset
        try scanner.value(into: &bytes)
        pending.append((bytes, start))
    }

    /// Decodes the pending passages and offers each to `keep`.
    mutating func take(keeping keep: (inout ScoredPassage) -> Bool) throws(JSONReadError) {
        for var passage in try Self.decode(pending) {
            share(&passage)
            count += 1
            if keep(&passage) { kept.append(passage) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func share(_ passage: inout ScoredPassage) {
        passage.documentId = documentIds[passage.documentId] ?? passage.documentId
        passage.heading = passage.heading.map { interned.string($0) }
        for scoreIndex in passage.scores.indices {
            for matchIndex in passage.scores[scoreIndex].matches.indices {
                passage.scores[scoreIndex].matches[matchIndex].term = interned.string(
                    passage.scores[scoreIndex].matches[matchIndex].term)
                passage.scores[scoreIndex].matches[matchIndex].text = interned.string(
                    passage.scores[scoreIndex].matches[matchIndex].text)
            }
        }
    }

    /// Decodes passages on every core, keeping their order; the first error in file order is
    /// thrown, with its offset in the file.
    private static func decode(_ batch: [(bytes: [UInt8], start: Int)]) throws(JSONReadError) -> [ScoredPassage] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, batch.count / 64))
        let size = (batch.count + workers - 1) / max(1, workers)
        let slices = stride(from: 0, to: batch.count, by: max(1, size)).map { $0..<min(batch.count, $0 + size) }
        let results = slices.parallelMap(workers: workers) { range in
            Result { () throws(JSONReadError) -> [ScoredPassage] in
                try batch[range].map { item throws(JSONReadError) in
                    try JSONReader.read(item.bytes, at: item.start) {
                        (reader: inout JSONReader) throws(JSONReadError) in
                        try ScoredPassage(from: &reader)
                    }
                }
            }
        }
        var passages: [ScoredPassage] = []
        passages.reserveCapacity(batch.count)
        for result in results { passages += try result.get() }
        return passages
    }
}

/// Shares one copy of each distinct string (headings, terms and words repeated across
/// thousands of passages). Strings of up to 15 UTF-8 bytes are stored inline by Swift and
/// are left as they are.
private struct StringPool {
    private var strings: Set<String> = []

    mutating func string(_ value: String) -> String {
        guard value.utf8.count > 15 else { return value }
        if let existing = strings.firstIndex(of: value) { return strings[existing] }
        strings.insert(value)
        return value
    }
}
