import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("Evidence folder")
struct WriterTests {
    struct InjectedFailure: Error {}

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var files: [String: Data] = [:]
        for name in names { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return files
    }

    @Test func writesEveryFile() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Evidence")
        let report = try EvidenceWriter.write(scoreSet: Fixture.varied(), report: Fixture.report(), to: folder)
        let files = try snapshot(folder)
        #expect(
            Set(files.keys) == [
                "evidence.jsonl", "references.json", "autonomie.md", "autonomie.csv", "indicateurs.md",
                "indicateurs.csv", "all.csv", "evidence.xlsx", "index.html", "run.json", "run.md",
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Evidence"])
        let decoded = try JSONCoding.decode(RunReport.self, from: try #require(files["run.json"]))
        #expect(decoded == report)
        #expect(decoded.issues.map(\.shown) == [3, 3])
        #expect(decoded.issues.map(\.candidates) == [4, 3])
        #expect(decoded.ranking == EvidenceOptions())
        let runMarkdown = String(decoding: try #require(files["run.md"]), as: UTF8.self)
        #expect(
            runMarkdown.contains(
                "- mot de passe requis (ajoutez-le à passwords.tsv dans le dossier du corpus)\u{00A0}: 1 document\n"
                    + "  - corpus/verrouillé.pdf\n"))
        #expect(
            runMarkdown.contains("- aucune couche de texte (document numérisé\u{00A0}?)\u{00A0}: 1 document\n"))
        #expect(!runMarkdown.contains("password_required") && !runMarkdown.contains("no text layer"))
        #expect(runMarkdown.contains("- Lexique\u{00A0}: enjeux, version 3"))
        #expect(runMarkdown.contains("| [Autonomie professionnelle](autonomie.md) (autonomie) | 4 | 3 |"))
        #expect(runMarkdown.contains("2026-11-23T18:00:00Z"))
    }

    @Test func rerunsGiveTheSameBytesExceptTheRunReport() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("one/Evidence")
        let second = root.appendingPathComponent("two/Evidence")
        try EvidenceWriter.write(scoreSet: Fixture.varied(), report: Fixture.report(), to: first)
        let before = try snapshot(first)
        try EvidenceWriter.write(
            scoreSet: Fixture.varied(), report: Fixture.report(startedAt: "2027-01-01T00:00:00Z", seconds: 9.5),
            to: second)
        let other = try snapshot(second)
        #expect(before.keys.sorted() == other.keys.sorted())
        for name in before.keys where !name.hasPrefix("run.") && name != "index.html" {
            #expect(before[name] == other[name], "\(name) differs")
        }
        #expect(before["run.json"] != other["run.json"])
        let pages = [before["index.html"], other["index.html"]].map { String(decoding: $0 ?? Data(), as: UTF8.self) }
        #expect(pages[0] != pages[1])
        #expect(PageTests.withoutFooter(pages[0]) == PageTests.withoutFooter(pages[1]))
        try EvidenceWriter.write(scoreSet: Fixture.varied(), report: Fixture.report(), to: first)
        #expect(try snapshot(first) == before)
    }

    @Test func failureMidwayKeepsThePreviousFolder() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Evidence")
        try EvidenceWriter.write(scoreSet: Fixture.varied(), report: Fixture.report(), to: folder)
        let before = try snapshot(folder)
        var written: [String] = []
        #expect(throws: EvidenceWriteError.self) {
            try EvidenceWriter.write(
                scoreSet: Fixture.scoreSet(documents: [], passages: []), report: Fixture.report(),
                options: EvidenceOptions(), to: folder,
                beforeEachFile: { name in
                    if name == "all.csv" { throw InjectedFailure() }
                    written.append(name)
                })
        }
        #expect(written == ["evidence.jsonl", "references.json", "autonomie.md", "autonomie.csv"])
        #expect(try snapshot(folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Evidence"])
    }

    @Test func unwritableLocationThrowsATypedError() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: EvidenceWriteError.self) {
            try EvidenceWriter.write(
                scoreSet: Fixture.varied(), report: Fixture.report(), to: blocker.appendingPathComponent("Evidence"))
        }
    }

    @Test func removesFilesOfIssuesNoLongerInTheLexicon() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Evidence")
        try EvidenceWriter.write(scoreSet: Fixture.varied(), report: Fixture.report(), to: folder)
        var smaller = Fixture.varied()
        smaller.categories = [Fixture.autonomie]
        try EvidenceWriter.write(scoreSet: smaller, report: Fixture.report(), to: folder)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(
            names == [
                "evidence.jsonl", "references.json", "autonomie.md", "autonomie.csv", "all.csv", "evidence.xlsx",
                "index.html", "run.json",
                "run.md",
            ])
    }

    @Test func removesLeftoversOfDeadRuns() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let leftover = root.appendingPathComponent("Evidence.tmp-999999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        let unrelated = root.appendingPathComponent("Evidence.tmp-notapid")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        try EvidenceWriter.write(
            scoreSet: Fixture.varied(), report: Fixture.report(), to: root.appendingPathComponent("Evidence"))
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Evidence", "Evidence.tmp-notapid"])
    }

    @Test func restoresThePreviousFolderLeftAsideByADeadRun() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let leftAside = root.appendingPathComponent("Evidence.old-999999")
        try FileManager.default.createDirectory(at: leftAside, withIntermediateDirectories: true)
        try Data("précédent".utf8).write(to: leftAside.appendingPathComponent("evidence.jsonl"))
        let folder = root.appendingPathComponent("Evidence")
        #expect(throws: EvidenceWriteError.self) {
            try EvidenceWriter.write(
                scoreSet: Fixture.varied(), report: Fixture.report(), options: EvidenceOptions(), to: folder,
                beforeEachFile: { _ in throw InjectedFailure() })
        }
        #expect(try snapshot(folder) == ["evidence.jsonl": Data("précédent".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Evidence"])
    }

    @Test func refusesToReplaceAFile() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Evidence")
        try Data("à garder".utf8).write(to: folder)
        #expect(throws: EvidenceWriteError.self) {
            try EvidenceWriter.write(scoreSet: Fixture.varied(), report: Fixture.report(), to: folder)
        }
        #expect(try Data(contentsOf: folder) == Data("à garder".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Evidence"])
    }

    @Test func issueFileNamesAreSafe() {
        #expect(IssueFileNames.name(for: "autonomie") == "autonomie")
        #expect(IssueFileNames.name(for: "conditions_de-pratique2") == "conditions_de-pratique2")
        let reserved = IssueFileNames.name(for: "all")
        #expect(reserved.hasPrefix("enjeu-all-") && reserved != "all")
        let slashed = IssueFileNames.name(for: "../Réforme")
        #expect(slashed.hasPrefix("enjeu-reforme-"))
        #expect(!slashed.contains("/"))
        let names = IssueFileNames(ids: ["acces", "Acces", "acces"])
        #expect(names.baseName(for: "acces") == "acces")
        #expect(names.baseName(for: "Acces").hasPrefix("enjeu-acces-"))
    }
}
