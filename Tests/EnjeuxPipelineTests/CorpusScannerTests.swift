import EnjeuxCommandLine
import EnjeuxPipeline
import Foundation
import Testing

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
        let files = try CorpusScanner.scan(corpus.url)
        #expect(
            files.map(\.relativePath) == [
                "Rapport d'évaluation Lean 2016.PDF", "b.html", "sous dossier/#1 « note ».htm",
            ])
        #expect(files[1].size == 8)
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
