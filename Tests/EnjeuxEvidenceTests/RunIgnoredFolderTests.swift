import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxEvidence

/// Resource folders of saved web pages in `run.json`, `run.md` and `index.html`.
@Suite struct RunIgnoredFolderTests {
    func report(_ folders: [RunIgnoredFolder]) -> RunReport {
        var report = Fixture.report()
        report.ignoredFolders = folders
        return report
    }

    @Test func runMarkdownSaysWhichFolderAndWhosePage() {
        let one = RunSummaryRenderer.markdown(
            report([RunIgnoredFolder(path: "page_files", page: "page.html", files: 12)]))
        #expect(one.contains("- Passages\u{A0}: 300\n- 1 dossier de ressources de page web ignoré\u{A0}: "))
        #expect(one.contains("ignoré\u{A0}: page_files/ (page de page.html)\n"))

        let two = RunSummaryRenderer.markdown(
            report([
                RunIgnoredFolder(path: "web/Artikel-Dateien", page: "web/Artikel.htm", files: 1),
                RunIgnoredFolder(path: "web/a_files", page: "web/a.html", files: 3),
            ]))
        #expect(
            two.contains(
                "- 2 dossiers de ressources de pages web ignorés\u{A0}: web/Artikel-Dateien/ (page de web/Artikel.htm), "
                    + "web/a_files/ (page de web/a.html)\n"))

        let many = RunSummaryRenderer.markdown(
            report((0..<25).map { RunIgnoredFolder(path: "p\($0)_files", page: "p\($0).html", files: 1) }))
        #expect(
            many.contains("- 25 dossiers de ressources de pages web ignorés\u{A0}: p0_files/ (page de p0.html), "))
        #expect(many.contains("p19_files/ (page de p19.html), … et 5 autres (voir run.json)\n"))
        #expect(!many.contains("p20_files"))

        #expect(!RunSummaryRenderer.markdown(report([])).contains("ignoré"))
    }

    @Test func runJSONListsThem() throws {
        let folder = RunIgnoredFolder(path: "page_files", page: "page.html", files: 12)
        let data = try JSONCoding.encode(report([folder]))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let folders = try #require(object["ignored_folders"] as? [[String: Any]])
        #expect(folders.count == 1)
        #expect(folders.first?["path"] as? String == "page_files")
        #expect(folders.first?["page"] as? String == "page.html")
        #expect(folders.first?["files"] as? Int == 12)
        #expect(try JSONCoding.decode(RunReport.self, from: data).ignoredFolders == [folder])
    }

    @Test func pageSummaryListsThem() {
        let page = PageTests.page(
            report: report([RunIgnoredFolder(path: "web/<page>_files", page: "web/<page>.html", files: 2)]))
        #expect(page.contains("<h3>Dossiers de ressources de pages web ignorés</h3>"))
        #expect(
            page.contains(
                "<li><span class=\"chemin\">web/&lt;page&gt;_files/</span> (page de <span class=\"chemin\">web/&lt;page&gt;.html</span>)</li>"
            ))
        #expect(!PageTests.page().contains("Dossiers de ressources"))
    }
}
