import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxEvidence

/// Files not read in `run.json`, `run.md`, `index.html` and the summary line.
@Suite struct RunIgnoredFileTests {
    static let files = [
        RunIgnoredFile(path: ".git", reason: .hidden, files: 40),
        RunIgnoredFile(path: "a.doc", reason: .unsupported, fileExtension: "doc"),
        RunIgnoredFile(path: "b.doc", reason: .unsupported, fileExtension: "doc"),
        RunIgnoredFile(path: "c.pptx", reason: .unsupported, fileExtension: "pptx"),
        RunIgnoredFile(path: "LISEZMOI", reason: .unsupported),
        RunIgnoredFile(path: "~$a.docx", reason: .lockFile, fileExtension: "docx"),
    ]

    func report() -> RunReport {
        var report = Fixture.report()
        report.ignoredFiles = Self.files
        return report
    }

    @Test func runMarkdownCountsByKindWithHints() {
        let markdown = RunSummaryRenderer.markdown(report())
        #expect(
            markdown.contains(
                "- 4 fichiers non pris en charge\u{A0}: 2 .doc, 1 .pptx, 1 sans extension — a.doc, b.doc, c.pptx, LISEZMOI\n"
            ))
        #expect(
            markdown.contains(
                "- Conseil\u{A0}: convertir les fichiers .doc en docx avec LibreOffice (`soffice --headless --convert-to docx FICHIER`)"
            ))
        #expect(markdown.contains("convertir les fichiers .pptx en PDF avec LibreOffice"))
        #expect(markdown.contains("- 1 fichier de verrouillage ignoré (document ouvert dans un traitement de texte)"))
        #expect(markdown.contains("- 1 fichier ou dossier caché ignoré\u{A0}: .git/ (40 fichiers)"))
    }

    @Test func summaryLineCountsThem() {
        let line = report().summaryLine(evidenceFolder: "Evidence")
        #expect(
            line.contains(
                "\u{A0}; 6 fichiers non lus (2 .doc, 1 .pptx, 1 sans extension, 1 fichier de verrouillage, 1 caché)\u{A0}; "
            ))
        #expect(!Fixture.report().summaryLine(evidenceFolder: "Evidence").contains("non lu"))
    }

    @Test func pageListsThem() {
        let page = EvidencePage.summary(report())
        #expect(page.contains("<h3>Fichiers non lus (6)</h3>"))
        #expect(
            page.contains("a.doc</span> (format non pris en charge (.doc)\u{A0}; à convertir en docx avec LibreOffice)")
        )
        #expect(page.contains(".git/</span> (caché, 40 fichiers)"))
    }

    @Test func runJSONWithoutTheListReadsWithNone() throws {
        let data = try JSONCoding.encode(report())
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["ignored_files"] as? [[String: Any]])?.first?["reason"] as? String == "hidden")
        object["ignored_files"] = nil
        let older = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONCoding.decode(RunReport.self, from: older).ignoredFiles.isEmpty)
    }
}
