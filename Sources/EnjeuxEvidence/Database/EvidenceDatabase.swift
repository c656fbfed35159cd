import EnjeuxModel
import EnjeuxSupport
import Foundation
import SQLiteKit

/// `evidence.sqlite`: every document, every passage kept by the ranking (a score above the
/// listing threshold for at least one issue), its scores with every term's contribution (a JSON
/// column, unfolded by the `contributions` view), the
/// ranked lists and the judgments, for R, Python, DB Browser or Datasette
/// (`docs/evidence-database.md`). Written into a temporary file (in two transactions: what
/// needs the scores only, then the rest), indexed, then renamed into place.
package struct EvidenceDatabase: EvidenceExport {
    package static let fileName = "evidence.sqlite"
    package var judgments: [EvidenceJudgment]
    /// The database begun while `scores.json` was read (its passages already in), if any.
    package var stream: EvidenceDatabaseStream?

    package init(judgments: [EvidenceJudgment] = [], stream: EvidenceDatabaseStream? = nil) {
        self.judgments = judgments
        self.stream = stream
    }

    /// Starts the bulk of the database — documents, passages, scores, contributions, which
    /// need only the scores — on a thread of its own while the ranking runs; with a `stream`,
    /// the passages are in already and only the documents are left.
    package func begin(_ early: EvidenceExportEarlyInput) -> EvidenceExportHandle? {
        let partial = early.folder.appendingPathComponent(".\(Self.fileName).part")
        if let stream {
            Thread.detachNewThread {
                stream.complete(early, movingTo: partial)
                stream.build.done.signal()
            }
            return stream.build
        }
        let build = Build()
        Thread.detachNewThread {
            build.fillScores(at: partial, early)
            build.done.signal()
        }
        return build
    }

    package func write(_ input: EvidenceExportInput, begun: EvidenceExportHandle?) throws(EvidenceWriteError)
        -> [EvidenceExportOutcome]
    {
        let fileName = Self.fileName
        let start = ContinuousClock.now
        let build: Build
        if let begun = begun as? Build {
            begun.done.wait()
            build = begun
        } else {
            build = Build()
            build.fillScores(at: input.folder.appendingPathComponent(".\(fileName).part"), input.early)
        }
        var rows = 0
        let bytes = try writeAtomically(fileName, in: input.folder, begun: true) {
            (url: URL) throws(EvidenceWriteError) in
            do {
                rows = try finish(build, input: input)
            } catch {
                throw EvidenceWriteError(path: fileName, reason: "\(error)")
            }
        }
        let waited = EvidenceExportOutcome.seconds(since: start)
        return [
            EvidenceExportOutcome(
                fileName: fileName, bytes: bytes, seconds: build.seconds + waited,
                notes: ["\(rows) rows, \(String(format: "%.3f", waited)) s after the ranking"])
        ]
    }

    /// The database being written: the connection and the keys given so far, handed from the
    /// thread that fills the scores to the one that finishes it (never used by both at once:
    /// `done` is signalled when the first is through).
    final class Build: EvidenceExportHandle, @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var connection: SQLiteConnection?
        var keys = Keys()
        var rows = 0
        var seconds = 0.0
        var failure: SQLiteError?

        /// Makes the file at `url`, its tables, and gives the documents their keys.
        func open(at url: URL, documents: [DocumentSummary]) throws(SQLiteError) {
            try? FileManager.default.removeItem(at: url)
            let connection = try SQLiteConnection(path: url.path)
            // A file nobody reads before the rename: no journal, no waiting for the disk; a
            // small page cache (what does not fit goes to the file, not to the process's memory),
            // and SQLite's own temporary files for the sorts that build the indexes (in memory,
            // they cost 25 MiB more on a 20,000-page document).
            try connection.execute(
                """
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA page_size = 16384; PRAGMA cache_size = -8192; PRAGMA foreign_keys = OFF;
                PRAGMA user_version = \(EvidenceDatabaseSchema.version);
                """)
            try connection.execute("BEGIN;")
            try connection.execute(EvidenceDatabaseSchema.tables)
            try connection.execute(EvidenceDatabaseSchema.passageIndexes)
            keys.assign(documents)
            self.connection = connection
        }

        /// Adds passages and their scores (documents keyed by `open`).
        func add(_ passages: some Sequence<ScoredPassage>, formats: [String: DocumentFormat]) throws(SQLiteError) {
            guard let connection else { return }
            rows += try EvidenceDatabase.insertPassages(connection, passages, formats: formats, keys: &keys)
        }

        /// Adds the document rows, the early indexes, and commits: what is written so far is
        /// committed here, off the ranking's path, and the rest goes in a second transaction.
        func closeScores(_ early: EvidenceExportEarlyInput) throws(SQLiteError) {
            guard let connection else { return }
            rows += try EvidenceDatabase.insertDocuments(connection, early, keys: keys)
            try connection.execute(EvidenceDatabaseSchema.earlyIndexes)
            try connection.execute("COMMIT;")
        }

        func fillScores(at url: URL, _ early: EvidenceExportEarlyInput) {
            let start = ContinuousClock.now
            defer { seconds = EvidenceExportOutcome.seconds(since: start) }
            do throws(SQLiteError) {
                try open(at: url, documents: early.scoreSet.documents)
                // A passage whose text is in a spool is read back from it (tests of the whole-set path).
                try add(
                    early.scoreSet.passages.lazy.map(\.restored),
                    formats: EvidenceDatabase.formats(early.scoreSet.documents))
                try closeScores(early)
            } catch {
                failure = error
                connection = nil
            }
        }
    }

    static func formats(_ documents: [DocumentSummary]) -> [String: DocumentFormat] {
        Dictionary(documents.map { ($0.id, $0.format) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds what needs the ranking and the run (the lists, the issues' counts, the run's
    /// settings, the judgments), indexes and commits; returns the number of rows written.
    func finish(_ build: Build, input: EvidenceExportInput) throws(SQLiteError) -> Int {
        if let failure = build.failure { throw failure }
        guard let connection = build.connection else {
            throw SQLiteError(path: Self.fileName, code: 0, message: "the database was not begun")
        }
        defer { build.connection = nil }
        var rows = build.rows
        try connection.execute("BEGIN;")
        rows += try insertRun(connection, input)
        rows += try insertIssues(connection, input)
        rows += try insertEvidence(connection, input, keys: build.keys)
        rows += try insertJudgments(connection, input, keys: build.keys)
        try connection.execute(EvidenceDatabaseSchema.indexes)
        try connection.execute("COMMIT;")
        return rows
    }

    /// The integer keys given to documents and passages.
    struct Keys {
        var documents: [String: Int] = [:]
        var sources: [String: String] = [:]
        /// Passages added so far; their keys are 1, 2, 3… in the order added.
        var passageCount = 0
        /// A 32-bit hash of each passage added, by its document's key and its id (unique within
        /// its document only). A passage whose hash is here is looked up in the table before it
        /// is skipped as a repeat (a few lookups in a million passages): 4 bytes a passage
        /// rather than a dictionary of names, which held 30 MB for a 200 MB web page.
        var passageHashes: Set<UInt32> = []
        /// Ids of documents met in passages only (the score set does not describe them), in
        /// the order met: each still gets its document row.
        var undescribed: [String] = []

        static func hash(document: Int, passage: String) -> UInt32 {
            var hasher = Hasher()
            hasher.combine(document)
            hasher.combine(passage)
            return UInt32(truncatingIfNeeded: hasher.finalize())
        }

        /// The statement `passageKey` runs, prepared once by each loop that looks passages up.
        static func passageLookup(_ connection: SQLiteConnection) throws(SQLiteError) -> SQLiteStatement {
            try connection.prepare("SELECT key FROM passages WHERE id = ? AND document = ? ORDER BY key LIMIT 1")
        }

        /// The key of a passage already in the table, nil when it is not there.
        func passageKey(documentId: String, passageId: String, using lookup: SQLiteStatement)
            throws(SQLiteError) -> Int?
        {
            guard let document = documents[documentId] else { return nil }
            return try Self.passageKey(document: document, passageId: passageId, using: lookup)
        }

        static func passageKey(document: Int, passageId: String, using lookup: SQLiteStatement)
            throws(SQLiteError) -> Int?
        {
            let rows = try lookup.rows([.text(passageId), .integer(document)])
            guard case .integer(let key) = rows.first?.first else { return nil }
            return Int(key)
        }

        /// Keys for `documents`, in their order, 1 first.
        mutating func assign(_ documents: [DocumentSummary]) {
            for document in documents where self.documents[document.id] == nil {
                self.documents[document.id] = self.documents.count + 1
                sources[document.source] = document.id
            }
        }

        /// The key of a passage's document, given now when the score set does not describe it.
        mutating func document(_ id: String) -> Int {
            if let key = documents[id] { return key }
            let key = documents.count + 1
            documents[id] = key
            undescribed.append(id)
            return key
        }
    }

    private func insertRun(_ connection: SQLiteConnection, _ input: EvidenceExportInput) throws(SQLiteError) -> Int {
        let report = input.report
        let options = input.options
        let pairs: [(String, String)] = [
            ("schema", String(EvidenceDatabaseSchema.version)),
            ("lexicon_name", report.lexicon.name),
            ("lexicon_version", report.lexicon.version),
            ("lexicon_path", report.lexicon.path),
            ("lexicon_sha256", report.lexicon.sha256),
            ("score_threshold", String(options.scoreThreshold)),
            ("maximum_passages", String(options.maximumPassages)),
            ("document_evidence_level", String(options.documentEvidenceLevel)),
            ("documents", String(report.documents)),
            ("passages", String(report.passages)),
        ]
        let statement = try connection.prepare("INSERT INTO run VALUES (?, ?)")
        for (key, value) in pairs { try statement.run([.text(key), .text(value)]) }
        return pairs.count
    }

    private func insertIssues(_ connection: SQLiteConnection, _ input: EvidenceExportInput) throws(SQLiteError)
        -> Int
    {
        let statement = try connection.prepare("INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?)")
        let counts = Dictionary(input.issues.map { ($0.category.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, category) in input.scoreSet.categories.enumerated() {
            let issue = counts[category.id]
            try statement.run([
                .text(category.id), .integer(position + 1), .text(category.label), .text(category.description),
                .integer(issue?.candidateCount ?? 0), .integer(issue?.entries.count ?? 0),
            ])
        }
        return input.scoreSet.categories.count
    }

    /// The document rows, with the keys `keys` gave them: the score set's documents in its
    /// order, then those met in passages only.
    static func insertDocuments(_ connection: SQLiteConnection, _ input: EvidenceExportEarlyInput, keys: Keys)
        throws(SQLiteError) -> Int
    {
        let statement = try connection.prepare(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        var seen = Set<String>()
        let undescribed = keys.undescribed.map { id in
            DocumentSummary(
                id: id, source: id, sha256: "", format: .text, metadata: DocumentMetadata(), pageCount: 0,
                passageCount: 0, warnings: [])
        }
        var rows = 0
        for document in input.scoreSet.documents + undescribed where seen.insert(document.id).inserted {
            guard let key = keys.documents[document.id] else { continue }
            let metadata = document.metadata
            try statement.run([
                .integer(key), .text(document.id), .text(document.source), .text(document.sha256),
                .text(document.format.rawValue), .text(metadata.title),
                .text(metadata.authors.isEmpty ? nil : metadata.authors.joined(separator: "; ")),
                .text(metadata.date), .integer(metadata.date.flatMap(Citation.year(in:)).flatMap { Int($0) }),
                .text(metadata.publisher), .text(metadata.language), .text(metadata.url),
                .integer(document.pageCount), .integer(document.passageCount),
                .real(input.evidence.strength(of: document.id)),
                .integer(input.evidence.isEvidence(document.id) ? 1 : 0),
            ])
            rows += 1
        }
        return rows
    }

    static func insertPassages(
        _ connection: SQLiteConnection, _ passagesToAdd: some Sequence<ScoredPassage>,
        formats: [String: DocumentFormat], keys: inout Keys
    ) throws(SQLiteError) -> Int {
        let passages = try connection.prepare(
            "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let scores = try connection.prepare("INSERT OR IGNORE INTO scores VALUES (?, ?, ?, ?)")
        var rows = 0
        for passage in passagesToAdd {
            let document = keys.document(passage.documentId)
            let hash = Keys.hash(document: document, passage: passage.passageId)
            if keys.passageHashes.contains(hash),
                try Keys.passageKey(
                    document: document, passageId: passage.passageId, using: Keys.passageLookup(connection)) != nil
            {
                continue
            }
            keys.passageHashes.insert(hash)
            keys.passageCount += 1
            let key = keys.passageCount
            let location = PageLocation(passage: passage, format: formats[passage.documentId])
            try passages.run([
                .integer(key), .integer(document), .text(passage.passageId), .integer(passage.index),
                .integer(passage.page), .integer(location.distinctEndPage), .text(passage.pageLabel),
                .text(passage.endPageLabel), .integer(location.kind == .paragraph ? location.paragraph : nil),
                .text(location.kind.rawValue), .text(location.citationText), .text(passage.heading),
                .text(passage.text),
            ])
            rows += 1
            let passageKey = SQLiteValue.integer(key)
            for score in passage.scores {
                try scores.run([passageKey, .text(score.category), .real(score.score), .text(terms(score.matches))])
                rows += 1
            }
        }
        return rows
    }

    /// A score's matches as the `terms` column holds them: a JSON array of
    /// `[term, matched, start, end, contribution]`, in the order of the matches.
    static func terms(_ matches: [TermMatch]) -> String {
        var json = JSONWriter(capacity: 64 + matches.count * 48)
        json.beginArray()
        for match in matches {
            json.beginArray()
            json.string(match.term)
            json.string(match.text)
            json.int(match.start)
            json.int(match.end)
            json.double(match.contribution)
            json.endArray()
        }
        json.endArray()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func insertEvidence(_ connection: SQLiteConnection, _ input: EvidenceExportInput, keys: Keys)
        throws(SQLiteError) -> Int
    {
        let statement = try connection.prepare("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let lookup = try Keys.passageLookup(connection)
        var rows = 0
        for issue in input.issues {
            for entry in issue.entries {
                guard
                    let passage = try keys.passageKey(
                        documentId: entry.documentId, passageId: entry.passageId, using: lookup)
                else { continue }
                try statement.run([
                    .text(entry.category), .integer(entry.rank), .integer(passage), .real(entry.score),
                    .text(entry.citation.inText), .text(entry.citation.reference),
                    .integer(entry.citation.needsCheck ? 1 : 0), .integer(entry.alsoIn.count),
                ])
                rows += 1
            }
        }
        return rows
    }

    private func insertJudgments(_ connection: SQLiteConnection, _ input: EvidenceExportInput, keys: Keys)
        throws(SQLiteError) -> Int
    {
        let statement = try connection.prepare("INSERT INTO judgments VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let lookup = try Keys.passageLookup(connection)
        for judgment in judgments {
            var passage: Int?
            if let documentId = keys.sources[judgment.source] {
                passage = try keys.passageKey(documentId: documentId, passageId: judgment.passageId, using: lookup)
            }
            try statement.run([
                .integer(passage), .text(judgment.passageId), .text(judgment.source), .text(judgment.issue),
                .integer(judgment.grade), .text(judgment.judge), .text(judgment.time), .text(judgment.note),
            ])
        }
        return judgments.count
    }
}
