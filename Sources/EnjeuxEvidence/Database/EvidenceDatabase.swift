import EnjeuxModel
import EnjeuxSupport
import Foundation
import SQLiteKit

/// `evidence.sqlite`: every document, every passage kept by the ranking (a score above the
/// listing threshold for at least one issue), its scores with every term's contribution, the
/// ranked lists and the judgments, for R, Python, DB Browser or Datasette
/// (`docs/evidence-database.md`). Written into a temporary file in one transaction, indexed,
/// then renamed into place.
package struct EvidenceDatabase: EvidenceExport {
    package static let fileName = "evidence.sqlite"
    package var judgments: [EvidenceJudgment]

    package init(judgments: [EvidenceJudgment] = []) {
        self.judgments = judgments
    }

    /// Starts the bulk of the database — documents, passages, scores, contributions, which
    /// need only the scores — on a thread of its own while the ranking runs.
    package func begin(_ early: EvidenceExportEarlyInput) -> EvidenceExportHandle? {
        let build = Build()
        let partial = early.folder.appendingPathComponent(".\(Self.fileName).part")
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

        func fillScores(at url: URL, _ early: EvidenceExportEarlyInput) {
            let start = ContinuousClock.now
            defer { seconds = EvidenceExportOutcome.seconds(since: start) }
            do throws(SQLiteError) {
                try? FileManager.default.removeItem(at: url)
                let connection = try SQLiteConnection(path: url.path)
                // A file nobody reads before the rename: no journal, no waiting for the disk, the
                // B-trees in memory while they grow.
                try connection.execute(
                    """
                    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
                    PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF;
                    PRAGMA user_version = \(EvidenceDatabaseSchema.version);
                    """)
                try connection.execute("BEGIN;")
                try connection.execute(EvidenceDatabaseSchema.tables)
                rows += try EvidenceDatabase.insertDocuments(connection, early, keys: &keys)
                rows += try EvidenceDatabase.insertPassages(connection, early, keys: &keys)
                self.connection = connection
            } catch {
                failure = error
            }
        }
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
        /// "document id, passage id" → passage key.
        var passages: [String: Int] = [:]

        static func passage(_ document: String, _ passage: String) -> String { document + "\u{1F}" + passage }
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

    static func insertDocuments(_ connection: SQLiteConnection, _ input: EvidenceExportEarlyInput, keys: inout Keys)
        throws(SQLiteError) -> Int
    {
        let statement = try connection.prepare(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        var documents = input.scoreSet.documents.filter { keys.documents[$0.id] == nil }
        // A passage of a document the score set does not describe still gets its document row.
        let known = Set(documents.map(\.id))
        for passage in input.scoreSet.passages where !known.contains(passage.documentId) {
            if !documents.contains(where: { $0.id == passage.documentId }) {
                documents.append(
                    DocumentSummary(
                        id: passage.documentId, source: passage.documentId, sha256: "", format: .text,
                        metadata: DocumentMetadata(), pageCount: 0, passageCount: 0, warnings: []))
            }
        }
        for document in documents where keys.documents[document.id] == nil {
            let key = keys.documents.count + 1
            keys.documents[document.id] = key
            keys.sources[document.source] = document.id
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
        }
        return keys.documents.count
    }

    static func insertPassages(_ connection: SQLiteConnection, _ input: EvidenceExportEarlyInput, keys: inout Keys)
        throws(SQLiteError) -> Int
    {
        let formats = Dictionary(
            input.scoreSet.documents.map { ($0.id, $0.format) }, uniquingKeysWith: { first, _ in first })
        let passages = try connection.prepare(
            "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let scores = try connection.prepare("INSERT OR IGNORE INTO scores VALUES (?, ?, ?)")
        let contributions = try connection.prepare(
            "INSERT OR IGNORE INTO contributions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        var rows = 0
        for passage in input.scoreSet.passages {
            let name = Keys.passage(passage.documentId, passage.passageId)
            guard keys.passages[name] == nil, let document = keys.documents[passage.documentId] else { continue }
            let key = keys.passages.count + 1
            keys.passages[name] = key
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
                let issue = SQLiteValue.text(score.category)
                try scores.run([passageKey, issue, .real(score.score)])
                rows += 1
                for (position, match) in score.matches.enumerated() {
                    try contributions.run([
                        passageKey, issue, .integer(position), .text(match.term), .text(match.text),
                        .integer(match.start), .integer(match.end), .real(match.contribution),
                    ])
                    rows += 1
                }
            }
        }
        return rows
    }

    private func insertEvidence(_ connection: SQLiteConnection, _ input: EvidenceExportInput, keys: Keys)
        throws(SQLiteError) -> Int
    {
        let statement = try connection.prepare("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        var rows = 0
        for issue in input.issues {
            for entry in issue.entries {
                guard let passage = keys.passages[Keys.passage(entry.documentId, entry.passageId)] else { continue }
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
        for judgment in judgments {
            let passage = keys.sources[judgment.source].flatMap { keys.passages[Keys.passage($0, judgment.passageId)] }
            try statement.run([
                .integer(passage), .text(judgment.passageId), .text(judgment.source), .text(judgment.issue),
                .integer(judgment.grade), .text(judgment.judge), .text(judgment.time), .text(judgment.note),
            ])
        }
        return judgments.count
    }
}
