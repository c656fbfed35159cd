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

    package func write(_ input: EvidenceExportInput) throws(EvidenceWriteError) -> [EvidenceExportOutcome] {
        let fileName = Self.fileName
        let start = ContinuousClock.now
        var rows = 0
        let bytes = try writeAtomically(fileName, in: input.folder) { (url: URL) throws(EvidenceWriteError) in
            do {
                rows = try fill(url, input: input)
            } catch {
                throw EvidenceWriteError(path: fileName, reason: "\(error)")
            }
        }
        return [
            EvidenceExportOutcome(
                fileName: fileName, bytes: bytes, seconds: EvidenceExportOutcome.seconds(since: start),
                notes: ["\(rows) rows"])
        ]
    }

    /// Creates the database at `url` and returns the number of rows written.
    func fill(_ url: URL, input: EvidenceExportInput) throws(SQLiteError) -> Int {
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
        var rows = 0
        var keys = Keys()
        rows += try insertRun(connection, input)
        rows += try insertIssues(connection, input)
        rows += try insertDocuments(connection, input, keys: &keys)
        rows += try insertPassages(connection, input, keys: &keys)
        rows += try insertEvidence(connection, input, keys: keys)
        rows += try insertJudgments(connection, input, keys: keys)
        try connection.execute(EvidenceDatabaseSchema.indexes)
        try connection.execute("COMMIT;")
        try connection.execute("ANALYZE;")
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
            ("started_at", report.startedAt),
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

    private func insertDocuments(_ connection: SQLiteConnection, _ input: EvidenceExportInput, keys: inout Keys)
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

    private func insertPassages(_ connection: SQLiteConnection, _ input: EvidenceExportInput, keys: inout Keys)
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
