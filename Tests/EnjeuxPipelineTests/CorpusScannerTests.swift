import EnjeuxCommandLine
import EnjeuxEvidence
import Foundation
import Testing

@testable import EnjeuxPipeline

/// A temporary folder removed at the end of a test.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}

@Suite struct CorpusScannerTests {
    @Test func findsDocumentsRecursivelyInPathOrder() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("b.html", "<p>b</p>")
        try corpus.write("Rapport d'évaluation Lean 2016.PDF", "%PDF-1.4")
        try corpus.write("sous dossier/#1 « note ».htm", "<p>c</p>")
        try corpus.write("notes.txt", "ignored")
        try corpus.write(".cache/hidden.html", "<p>hidden</p>")
        try corpus.write("passwords.tsv", "x\ty")
        try corpus.write("Rapport.pptx", "diapositives")
        let listing = try CorpusScanner.scan(corpus.url)
        let files = listing.files
        #expect(
            files.map(\.relativePath) == [
                "Rapport d'évaluation Lean 2016.PDF", "b.html", "notes.txt", "sous dossier/#1 « note ».htm",
            ])
        #expect(files[1].size == 8)
        #expect(
            listing.ignoredFiles == [
                RunIgnoredFile(path: ".cache", reason: .hidden, files: 1),
                RunIgnoredFile(path: "Rapport.pptx", reason: .unsupported, fileExtension: "pptx"),
            ])
    }

    @Test func wordOpenDocumentTextAndMarkdownInAnyCaseAreDocuments() throws {
        let corpus = try TemporaryFolder()
        for name in ["a.docx", "b.DOCM", "c.odt", "d.FODT", "e.Txt", "f.md", "g.markdown", "h.doc", "i.rtf", "README"] {
            try corpus.write(name, "x")
        }
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(
            listing.files.map(\.relativePath) == ["a.docx", "b.DOCM", "c.odt", "d.FODT", "e.Txt", "f.md", "g.markdown"])
        #expect(listing.ignoredFiles.map(\.fileExtension) == ["", "doc", "rtf"])
        #expect(listing.ignoredFiles.map(\.conversionTarget) == [nil, "docx", "docx"])
    }

    @Test func lockFilesAreReportedAsSuch() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("rapport.docx", "x")
        try corpus.write("~$rapport.docx", "x")
        try corpus.write("notes/.~lock.note.odt#", "x")
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.files.map(\.relativePath) == ["rapport.docx"])
        #expect(listing.ignoredFiles.map(\.reason) == [.lockFile, .lockFile])
        #expect(listing.ignoredFiles.map(\.path) == ["notes/.~lock.note.odt#", "~$rapport.docx"])
    }

    @Test func webArchivesAndXHTMLAreDocuments() throws {
        let corpus = try TemporaryFolder()
        for name in ["a.mhtml", "b.MHT", "c.xhtml", "d.eml", "e.webarchive"] { try corpus.write(name, "x") }
        #expect(try CorpusScanner.scan(corpus.url).files.map(\.relativePath) == ["a.mhtml", "b.MHT", "c.xhtml"])
    }

    @Test func resourceFolderBesideItsPageIsIgnoredAndReported() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("page.html", "<p>page</p>")
        try corpus.write("page_files/saved_resource.html", "<p>publicité</p>")
        try corpus.write("page_files/cadre/saved_resource(1).html", "<p>cadre</p>")
        try corpus.write("page_files/style.css", "p {}")
        try corpus.write("web/Artikel.htm", "<p>Artikel</p>")
        try corpus.write("web/Artikel-Dateien/werbung.html", "<p>Werbung</p>")
        try corpus.write("web/article.xhtml", "<p>article</p>")
        try corpus.write("web/article_fichiers/pub.htm", "<p>pub</p>")
        try corpus.write("web/Note de service.HTM", "<p>note</p>")
        try corpus.write("web/Note de service.files/header.htm", "<p>en-tête</p>")
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(
            listing.files.map(\.relativePath) == [
                "page.html", "web/Artikel.htm", "web/Note de service.HTM", "web/article.xhtml",
            ])
        #expect(
            listing.ignoredFolders == [
                RunIgnoredFolder(path: "page_files", page: "page.html", files: 3),
                RunIgnoredFolder(path: "web/Artikel-Dateien", page: "web/Artikel.htm", files: 1),
                RunIgnoredFolder(path: "web/Note de service.files", page: "web/Note de service.HTM", files: 1),
                RunIgnoredFolder(path: "web/article_fichiers", page: "web/article.xhtml", files: 1),
            ])
    }

    @Test func folderNamedLikeResourcesWithoutItsPageIsRead() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("rapports_files/rapport.pdf", "%PDF-1.4")
        try corpus.write("notes.pdf", "%PDF-1.4")
        try corpus.write("notes_files/annexe.html", "<p>annexe</p>")  // beside a PDF, not a page
        try corpus.write("sous/page.html", "<p>page</p>")
        try corpus.write("page_files/ailleurs.html", "<p>la page est dans sous/</p>")
        try corpus.write("page.html_files/x.html", "<p>x</p>")
        try corpus.write("page_documents/y.html", "<p>y</p>")
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.ignoredFolders.isEmpty)
        #expect(
            listing.files.map(\.relativePath) == [
                "notes.pdf", "notes_files/annexe.html", "page.html_files/x.html", "page_documents/y.html",
                "page_files/ailleurs.html", "rapports_files/rapport.pdf", "sous/page.html",
            ])
    }

    @Test func resourceFolderNames() {
        let pages = PageResourceFolders.pagesByBaseName(["a.html", "a.htm", "b.HTM", "c.pdf", "d.xhtml", ".html", "e"])
        #expect(pages == ["a": "a.htm", "b": "b.HTM", "d": "d.xhtml"])
        for folder in [
            "a_files", "a-Dateien", "a_fichiers", "a.files", "a_archivos", "a-filer", "a_FILES", "a_bestanden",
        ] {
            #expect(PageResourceFolders.page(ofFolder: folder, pages: pages) == "a.htm", "\(folder)")
        }
        for folder in ["a", "a_", "_files", "a files", "a_fotos", "c_files", "e_files", "ab_files", "a_files_old"] {
            #expect(PageResourceFolders.page(ofFolder: folder, pages: pages) == nil, "\(folder)")
        }
        let dotted = PageResourceFolders.pagesByBaseName(["v1.2_rapport.html"])
        #expect(PageResourceFolders.page(ofFolder: "v1.2_rapport_files", pages: dotted) == "v1.2_rapport.html")
    }

    @Test func missingFolderIsAOneLineError() {
        #expect(throws: StageError.self) {
            try CorpusScanner.scan(URL(fileURLWithPath: "/nonexistent/enjeux-corpus"))
        }
        do {
            _ = try CorpusScanner.scan(URL(fileURLWithPath: "/nonexistent/enjeux-corpus"))
        } catch {
            #expect(error.status == .missingInput)
            #expect(!error.message.contains("\n"))
        }
    }
}

@Suite struct PasswordBookTests {
    @Test func byPathThenByFileName() {
        let book = PasswordBook.parse(
            "# comment\nrapports/secret.pdf\tlecture2017\r\nautre.pdf\tmot de passe\n\nsans-tab\n")
        #expect(book.password(for: "rapports/secret.pdf") == "lecture2017")
        #expect(book.password(for: "ailleurs/autre.pdf") == "mot de passe")
        #expect(book.password(for: "secret.pdf") == nil)
        #expect(book.password(for: "sans-tab") == nil)
    }
}
