import EnjeuxJudgments
import Foundation
import Testing

@Suite struct JudgmentFileTests {
    static func judgment(_ quote: String, grade: Int = 2, category: String = "autonomie", note: String? = nil)
        -> Judgment
    {
        Judgment(
            source: "notes/note-service.pdf", category: category, grade: grade, quote: quote, page: 2,
            passageId: "3f9a1c2b7d4e5f60", judge: "marie", time: "2026-12-07T11:20:05Z", note: note)
    }

    static func temporaryFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("judgments-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("judgments.jsonl")
    }

    @Test func appendedJudgmentsReadBackInOrder() throws {
        let file = try Self.temporaryFile()
        let first = Self.judgment("L’autonomie « professionnelle » des intervenantes\trecule.", note: "clair")
        let second = Self.judgment("Les cibles de production augmentent.", grade: 0, category: "indicateurs")
        try JudgmentFile.append([first], to: file)
        try JudgmentFile.append([second], to: file)
        let reading = try JudgmentFile.read(file)
        #expect(reading.judgments == [first, second])
        #expect(reading.skipped.isEmpty)
        let text = try String(contentsOf: file, encoding: .utf8)
        // One line each, human-readable: accents and guillemets as written, fixed key order.
        #expect(text.split(separator: "\n").count == 2)
        #expect(
            text.hasPrefix(
                #"{"source": "notes/note-service.pdf", "category": "autonomie", "grade": 2, "quote": "L’autonomie « professionnelle » des intervenantes\trecule.", "page": 2, "passage_id": "3f9a1c2b7d4e5f60", "judge": "marie", "time": "2026-12-07T11:20:05Z", "note": "clair"}"#
            ))
    }

    @Test func aTornLastLineIsReportedAndSkippedAndTheNextAppendStartsANewLine() throws {
        let file = try Self.temporaryFile()
        try JudgmentFile.append([Self.judgment("Premier passage jugé.")], to: file)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"source": "a.pdf", "category": "autono"#.utf8))
        try handle.close()

        var reading = try JudgmentFile.read(file)
        #expect(reading.judgments.count == 1)
        #expect(reading.skipped.count == 1)
        #expect(reading.skipped.first?.line == 2)
        #expect(reading.skipped.first?.reason.contains("incomplete last line") == true)

        try JudgmentFile.append([Self.judgment("Troisième passage jugé.")], to: file)
        reading = try JudgmentFile.read(file)
        #expect(reading.judgments.map(\.quote) == ["Premier passage jugé.", "Troisième passage jugé."])
        #expect(reading.skipped.map(\.line) == [2])
        #expect(reading.skipped.first?.reason.contains("not a judgment") == true)
    }

    @Test func invalidLinesAreListedWithTheirNumber() {
        let text = """
            {"source": "a.pdf", "category": "autonomie", "grade": 3, "quote": "Un texte."}

            {"source": "a.pdf", "category": "autonomie", "grade": 1}
            {"source": "a.pdf", "category": "autonomie", "grade": 1, "quote": "Un texte."}

            """
        let reading = JudgmentFile.parse(text, path: "j.jsonl")
        #expect(reading.judgments.count == 1)
        #expect(reading.skipped.map(\.line) == [1, 3])
        #expect(reading.skipped[0].description == "j.jsonl:1: grade must be 0, 1 or 2, not 3")
        #expect(reading.skipped[1].description.contains("missing 'quote'"))
    }

    @Test func aMissingFileHoldsNoJudgments() throws {
        let reading = try JudgmentFile.read(try Self.temporaryFile())
        #expect(reading.judgments.isEmpty && reading.skipped.isEmpty)
    }

    @Test func anInvalidJudgmentIsNotAppended() throws {
        let file = try Self.temporaryFile()
        #expect(throws: JudgmentFileError.self) {
            try JudgmentFile.append([Self.judgment("Texte", grade: 5)], to: file)
        }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func theLatestJudgmentOfAPassageForAnIssueWins() {
        let log = JudgmentLog([
            Self.judgment("L’autonomie recule.", grade: 2),
            Self.judgment("L’autonomie recule.", grade: 1, category: "indicateurs"),
            Self.judgment("Autre passage.", grade: 1),
            // Same text up to punctuation and case: the same passage.
            Self.judgment("l'autonomie RECULE", grade: 0),
        ])
        #expect(log.current.map(\.grade) == [1, 1, 0])
        #expect(log.judgments(for: "autonomie").map(\.quote) == ["Autre passage.", "l'autonomie RECULE"])
        #expect(log.categories == ["indicateurs", "autonomie"])
    }
}
