import EnjeuxModel
import Foundation
import SQLiteKit
import Testing

@testable import EnjeuxEvidence

/// The exports given judgments as plain values: in `enjeux.qdpx`, a user per judge and a
/// coding by that user with the code of the grade, on the judged passage's span; in
/// `evidence.sqlite`, a row each. A judgment of a passage that is not scored is reported.
struct ExportJudgmentTests {
    /// Texts made of the documents' passages between other paragraphs, and one original PDF.
    struct Texts: QDASourceProvider {
        var scoreSet: ScoreSet
        var pdf: URL

        func source(for document: DocumentSummary) throws(QDASourceError) -> QDASourceDocument {
            if document.id == "sans-date" { throw QDASourceError(path: "sans-date.json", reason: "unreadable") }
            let passages = scoreSet.passages.filter { $0.documentId == document.id }.sorted { $0.index < $1.index }
            let text = (["Titre – « \(document.id) »"] + passages.map(\.text) + ["Fin."]).joined(
                separator: "\n\nAutre paragraphe.\n\n")
            return QDASourceDocument(text: text, original: document.id == "a2016" ? pdf : nil)
        }
    }

    static let judgments = [
        EvidenceJudgment(
            passageId: "a2016-0", source: "a2016.pdf", issue: "autonomie", grade: 2, judge: "Marie Tremblay",
            time: "2026-12-01T10:00:00Z", note: "Très clair."),
        EvidenceJudgment(
            passageId: "a2016-0", source: "a2016.pdf", issue: "indicateurs", grade: 0, judge: "Luc Roy",
            time: "2026-12-02T09:30:00Z"),
        EvidenceJudgment(
            passageId: "disparu", source: "a2016.pdf", issue: "autonomie", grade: 1, judge: "Luc Roy",
            time: "2026-12-03T08:00:00Z"),
    ]

    static func export(into folder: URL) throws -> (input: EvidenceExportInput, outcomes: [EvidenceExportOutcome]) {
        let scoreSet = TrendTests.corpus()
        let options = EvidenceOptions(documentEvidenceLevel: 0)
        let evidence = Ranker(options: options).documentEvidence(scoreSet)
        let issues = EvidenceBuilder.build(scoreSet, options: options, evidence: evidence)
        let pdf = folder.appendingPathComponent("original.pdf")
        try Data("%PDF-1.4 un faux PDF".utf8).write(to: pdf)
        let input = EvidenceExportInput(
            issues: issues, scoreSet: scoreSet, evidence: evidence, report: Fixture.report(), options: options,
            folder: folder)
        let outcomes =
            try QDAExport(sources: Texts(scoreSet: scoreSet, pdf: pdf), judgments: judgments).write(input)
            + EvidenceDatabase(judgments: judgments).write(input)
        return (input, outcomes)
    }

    @Test func judgmentsAreCodingsByTheirJudges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-qda-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (input, outcomes) = try Self.export(into: folder)
        let archive = try XLSXReader(Data(contentsOf: folder.appendingPathComponent("enjeux.qdpx")))
        let elements = try XMLElements.parse(archive.part("project.qde"))

        let users = Dictionary(
            elements.filter { $0.name == "User" }.map { ($0.attributes["name"] ?? "", $0.attributes["guid"] ?? "") },
            uniquingKeysWith: { first, _ in first })
        #expect(users.keys.sorted() == ["Enjeux (classement par le lexique)", "Luc Roy", "Marie Tremblay"])
        let codes = Dictionary(
            elements.filter { $0.name == "Code" }.map { ($0.attributes["guid"] ?? "", $0.attributes["name"] ?? "") },
            uniquingKeysWith: { first, _ in first })
        #expect(codes.values.contains("Jugé très pertinent (2)"))
        #expect(codes.values.contains("Jugé non pertinent (0)"))

        // The selections with their codings, in document order.
        var selections:
            [(source: String, start: Int, end: Int, codings: [(code: String, user: String, date: String?)])] =
                []
        var source = ""
        for element in elements {
            switch element.name {
            case "TextSource", "PDFSource": source = element.attributes["name"] ?? ""
            case "PlainTextSelection":
                selections.append(
                    (
                        source, Int(element.attributes["startPosition"] ?? "") ?? -1,
                        Int(element.attributes["endPosition"] ?? "") ?? -1, []
                    ))
            case "Coding":
                selections[selections.count - 1].codings.append(
                    (
                        code: "", user: element.attributes["creatingUser"] ?? "",
                        date: element.attributes["creationDateTime"]
                    ))
            case "CodeRef":
                let last = selections.count - 1
                selections[last].codings[selections[last].codings.count - 1].code =
                    codes[element.attributes["targetGUID"] ?? ""] ?? "?"
            default: break
            }
        }
        let judged = try #require(selections.first { $0.codings.contains { $0.user == users["Marie Tremblay"] } })
        #expect(judged.source == "a2016.pdf")
        #expect(
            judged.codings.map(\.code).sorted() == [
                "Autonomie professionnelle", "Indicateurs de performance et mesure", "Jugé non pertinent (0)",
                "Jugé très pertinent (2)",
            ])
        #expect(judged.codings.first { $0.user == users["Marie Tremblay"] }?.code == "Jugé très pertinent (2)")
        #expect(judged.codings.first { $0.user == users["Marie Tremblay"] }?.date == "2026-12-01T10:00:00Z")
        #expect(judged.codings.first { $0.user == users["Luc Roy"] }?.code == "Jugé non pertinent (0)")
        // Its span is the passage's text in the source file, counted in code points.
        let pdfSource = try #require(elements.first { $0.name == "Representation" })
        let path = try #require(pdfSource.attributes["plainTextPath"]).replacingOccurrences(
            of: "internal://", with: "sources/")
        let scalars = Array(try archive.text(path).unicodeScalars)
        var quote = String.UnicodeScalarView()
        quote.append(contentsOf: scalars[judged.start..<judged.end])
        #expect(String(quote) == "Autonomie et indicateurs.")
        // The original PDF is beside its text; the document whose text is unreadable is left out, and said.
        let pdfPath = try #require(elements.first { $0.name == "PDFSource" }?.attributes["path"])
        #expect(
            try archive.text(pdfPath.replacingOccurrences(of: "internal://", with: "sources/"))
                == "%PDF-1.4 un faux PDF")
        let notes = outcomes.flatMap(\.notes)
        #expect(notes.contains { $0.contains("disparu") && $0.contains("not among the scored passages") })
        #expect(notes.contains { $0.contains("sans-date.pdf: not in the project (sans-date.json: unreadable)") })
        #expect(notes.contains { $0.contains("b2016.pdf: original PDF not found") })
        // Every listed passage of the documents in the project is coded by Enjeux.
        let enjeux = selections.flatMap(\.codings).filter { $0.user == users["Enjeux (classement par le lexique)"] }
        let listed = input.issues.flatMap(\.entries).filter { $0.documentId != "sans-date" }
        #expect(enjeux.count == listed.count)

        // The database has every judgment, with its document when the source is known.
        let database = try SQLiteConnection(path: folder.appendingPathComponent("evidence.sqlite").path, readOnly: true)
        let rows = try database.rows(
            """
            SELECT d.id, j.passage_id, j.issue_id, j.grade, j.judge, j.time, j.note
            FROM judgments AS j LEFT JOIN passages AS p ON p.key = j.passage LEFT JOIN documents AS d ON d.key = p.document
            ORDER BY j.time
            """)
        #expect(rows.count == 3)
        #expect(
            rows[0] == [
                .text("a2016"), .text("a2016-0"), .text("autonomie"), .integer(2), .text("Marie Tremblay"),
                .text("2026-12-01T10:00:00Z"), .text("Très clair."),
            ])
        #expect(rows[1][6] == .null)
        // The judgment of a passage that is not in the database has no passage key.
        #expect(rows[2][0] == .null)
        #expect(rows[2][1] == .text("disparu"))
        let graded = try database.rows(
            "SELECT j.judge, e.rank FROM judgments AS j JOIN evidence AS e ON e.passage = j.passage "
                + "AND e.issue_id = j.issue_id WHERE j.grade = 2")
        #expect(graded.count == 1)
        #expect(graded.first?.first == .text("Marie Tremblay"))
    }

    @Test func withoutJudgmentsTheCodebookHasTheIssuesOnly() throws {
        let codebook = QDACodebook(lexicon: Fixture.lexicon, categories: TrendTests.categories, judgments: [])
        let xml = codebook.codebookXML()
        #expect(xml.components(separatedBy: "<Code guid=").count - 1 == 4)
        #expect(xml.contains("name=\"enjeux\" isCodable=\"false\""))
        #expect(xml.contains("color=\"#2E6DB4\""))
        // GUIDs come from the ids: the same codebook twice, a different one for another lexicon.
        #expect(QDACodebook(lexicon: Fixture.lexicon, categories: TrendTests.categories, judgments: []) == codebook)
        var other = Fixture.lexicon
        other.name = "autre"
        #expect(
            QDACodebook(lexicon: other, categories: TrendTests.categories, judgments: []).folder.guid
                != codebook.folder.guid)
        #expect(
            codebook.folder.guid.range(
                of: "^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$", options: .regularExpression
            )
                != nil)
    }
}
