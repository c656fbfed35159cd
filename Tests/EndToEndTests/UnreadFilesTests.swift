import EnjeuxTestSupport
import Foundation
import Testing

/// No file is left out in silence: a corpus with an old Word file, a presentation, lock files,
/// a hidden file and a saved page's resource folder beside a Word document and a text note.
@Suite struct UnreadFilesTests {
    static let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")
    static let fixtures = SharedData.repositoryRoot.appendingPathComponent("Tests/Fixtures/office")

    @Test func runSummaryAndRunMarkdownCountAndListUnreadFiles() throws {
        let scratch = try Scratch()
        let corpus = scratch.path("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("note-de-travail-word-fr.docx"),
            to: corpus.appendingPathComponent("Note de travail.DOCX"))
        try scratch.write("corpus/notes/constat.txt", "La charge de travail et l’autonomie professionnelle.\n")
        try scratch.write("corpus/ancien rapport.doc", "binaire")
        try scratch.write("corpus/notes/présentation.pptx", "diapositives")
        try scratch.write("corpus/~$te de travail.DOCX", "verrou Word")
        try scratch.write("corpus/notes/.~lock.constat.odt#", "verrou LibreOffice")
        try scratch.write("corpus/.DS_Store", "x")
        try scratch.write("corpus/page.html", "<html><body><p>Une page sur le Lean.</p></body></html>")
        try scratch.write("corpus/page_files/style.css", "p {}")

        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: evidence)
        for (stage, output) in outputs { #expect(output.status == 0, "\(stage) failed: \(output.stderr)") }
        let extract = try #require(outputs["extract"])
        #expect(extract.stderr.contains("3 documents"))
        #expect(
            extract.stderr.contains(
                "ancien rapport.doc: not read, unsupported format (.doc); convert it: soffice --headless --convert-to docx \"ancien rapport.doc\""
            ))
        #expect(extract.stderr.contains("~$te de travail.DOCX: not read, lock file"))
        #expect(extract.stderr.contains(".DS_Store: not read, hidden file"))

        // The line `make analyze` ends with.
        let summary = try StageRunner.run("rank", ["--summary", evidence.path])
        #expect(summary.status == 0)
        #expect(
            summary.stderr.contains(
                "\u{A0}; 5 fichiers non lus (1 .doc, 1 .pptx, 2 fichiers de verrouillage, 1 caché)\u{A0}; résultats dans"
            ),
            "\(summary.stderr)")

        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: evidence.appendingPathComponent("run.json")))
                as? [String: Any])
        let files = try #require(run["ignored_files"] as? [[String: Any]])
        #expect(
            files.map { $0["path"] as? String } == [
                ".DS_Store", "ancien rapport.doc", "notes/.~lock.constat.odt#", "notes/présentation.pptx",
                "~$te de travail.DOCX",
            ])
        #expect(
            files.map { $0["reason"] as? String } == ["hidden", "unsupported", "lock_file", "unsupported", "lock_file"])
        #expect((run["ignored_folders"] as? [[String: Any]])?.first?["path"] as? String == "page_files")

        let markdown = try String(contentsOf: evidence.appendingPathComponent("run.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "- 2 fichiers non pris en charge\u{A0}: 1 .doc, 1 .pptx — ancien rapport.doc, notes/présentation.pptx"))
        #expect(markdown.contains("soffice --headless --convert-to docx FICHIER"))
        #expect(markdown.contains("soffice --headless --convert-to pdf FICHIER"))
        #expect(markdown.contains("- 2 fichiers de verrouillage ignorés"))
        #expect(markdown.contains("- 1 fichier ou dossier caché ignoré\u{A0}: .DS_Store"))
        #expect(markdown.contains("- 1 dossier de ressources de page web ignoré"))
        let page = try String(contentsOf: evidence.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Fichiers non lus (5)"))
    }
}
