import EnjeuxModel
import Foundation
import SQLiteKit
import Testing

@testable import EnjeuxEvidence

/// `evidence.sqlite` begun while the scores are read (`EvidenceDatabaseStream`) holds the same
/// rows as one written from the whole score set, and its file never outlives its run.
struct DatabaseStreamTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Every row of every table, in key order, as text.
    static func rows(of url: URL) throws -> [String: [String]] {
        let connection = try SQLiteConnection(path: url.path)
        var tables: [String: [String]] = [:]
        for table in ["run", "issues", "documents", "passages", "scores", "evidence", "judgments"] {
            tables[table] = try connection.rows("SELECT * FROM \(table) ORDER BY 1, 2").map { "\($0)" }
        }
        return tables
    }

    func input(_ scoreSet: ScoreSet, in folder: URL) -> EvidenceExportInput {
        let options = EvidenceOptions(documentEvidenceLevel: 0)
        let evidence = Ranker(options: options).documentEvidence(scoreSet)
        return EvidenceExportInput(
            issues: EvidenceBuilder.build(scoreSet, options: options, evidence: evidence), scoreSet: scoreSet,
            evidence: evidence, report: Fixture.report(), options: options, folder: folder)
    }

    @Test func streamedDatabaseHasTheRowsOfAWholeOne() throws {
        var scoreSet = TrendTests.corpus()
        // A passage of a document the score set does not describe still gets its row.
        var stray = scoreSet.passages[0]
        stray.documentId = "inconnu"
        stray.passageId = "inconnu-0"
        scoreSet.passages.append(stray)
        let whole = folder.appendingPathComponent("whole")
        let streamed = folder.appendingPathComponent("streamed")
        for url in [whole, streamed] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        let wholeOutcome = try EvidenceDatabase(judgments: ExportJudgmentTests.judgments).write(
            input(scoreSet, in: whole))

        let stream = EvidenceDatabaseStream(besideOutput: folder.appendingPathComponent("Evidence"))
        stream.start(documents: scoreSet.documents)
        for passage in scoreSet.passages { stream.add(passage) }
        let export = EvidenceDatabase(judgments: ExportJudgmentTests.judgments, stream: stream)
        let streamedInput = input(scoreSet, in: streamed)
        let outcome = try export.write(streamedInput, begun: export.begin(streamedInput.early))
        // The same count of rows written ("… rows, … s after the ranking").
        func written(_ outcomes: [EvidenceExportOutcome]) -> String? {
            outcomes.first?.notes.first?.split(separator: ",").first.map(String.init)
        }
        #expect(written(outcome) != nil && written(outcome) == written(wholeOutcome))

        let expected = try Self.rows(of: whole.appendingPathComponent("evidence.sqlite"))
        let found = try Self.rows(of: streamed.appendingPathComponent("evidence.sqlite"))
        #expect(found == expected)
        #expect(found["documents"]?.contains { $0.contains("inconnu") } == true)
        #expect(!FileManager.default.fileExists(atPath: stream.url.path), "the streamed file moved into the folder")
    }

    @Test func aRepeatedPassageIsWrittenOnceAndTheListsFindTheirPassages() throws {
        var scoreSet = TrendTests.corpus()
        let unique = scoreSet.passages.count
        // The same passage twice (same document, same id), as a damaged scores.json may hold.
        scoreSet.passages += scoreSet.passages.prefix(3)
        let url = folder.appendingPathComponent("repeated")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = try EvidenceDatabase(judgments: ExportJudgmentTests.judgments).write(input(scoreSet, in: url))
        let connection = try SQLiteConnection(path: url.appendingPathComponent("evidence.sqlite").path)
        #expect(try connection.rows("SELECT count(*) FROM passages") == [[.integer(Int64(unique))]])
        #expect(try connection.rows("SELECT count(*) FROM evidence WHERE passage IS NULL") == [[.integer(0)]])
        let listed = try connection.rows("SELECT count(*) FROM evidence")
        #expect(listed != [[.integer(0)]])
        // Every evidence row's passage has the row's document and passage id.
        let mismatched = try connection.rows(
            """
            SELECT count(*) FROM evidence e JOIN passages p ON p.key = e.passage
            WHERE p.key NOT IN (SELECT min(key) FROM passages GROUP BY document, id)
            """)
        #expect(mismatched == [[.integer(0)]])
    }

    @Test func droppedStreamRemovesItsFileAndLeftoversOfDeadRunsGo() throws {
        let output = folder.appendingPathComponent("Evidence")
        var stream: EvidenceDatabaseStream? = EvidenceDatabaseStream(besideOutput: output)
        let url = try #require(stream?.url)
        stream?.start(documents: TrendTests.corpus().documents)
        for passage in TrendTests.corpus().passages { stream?.add(passage) }
        stream = nil
        #expect(!FileManager.default.fileExists(atPath: url.path))

        // A file left by a run that was killed (its process is gone), and one of a live run.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = folder.appendingPathComponent(".Evidence.evidence-\(finished.processIdentifier).sqlite")
        let live = folder.appendingPathComponent(".Evidence.evidence-1.sqlite")
        for file in [dead, live] { try Data("SQLite".utf8).write(to: file) }
        EvidenceWriter.removeLeftovers(of: output)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }
}
