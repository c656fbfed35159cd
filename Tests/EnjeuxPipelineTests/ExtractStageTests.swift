import EnjeuxEvidence
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation
import Testing

/// The extraction stage's incremental behaviour, run in-process on small HTML files.
@Suite struct ExtractStageTests {
    static func page(_ body: String) -> String {
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Essai</title></head><body><article><h1>Essai</h1><p>\(body)</p></article></body></html>"
    }

    func stage(_ corpus: TemporaryFolder, _ work: TemporaryFolder) -> ExtractStage {
        ExtractStage(corpus: corpus.url, output: work.url.appendingPathComponent("extracted"), isolation: nil, jobs: 2)
    }

    @Test func secondRunReadsNothing() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write(
            "un.html", Self.page("La charge de travail des intervenantes augmente sans cesse depuis la réforme."))
        try corpus.write(
            "dossier/deux d'été.htm",
            Self.page("Les listes d’attente s’allongent dans les services sociaux de première ligne."))
        let first = try stage(corpus, work).run()
        #expect(first.documents == 2)
        #expect(first.extracted == 2)
        #expect(first.failures.isEmpty)
        let second = try stage(corpus, work).run()
        #expect(second.extracted == 0)
        #expect(second.reused == 2)
    }

    @Test func changedAddedAndRemovedDocuments() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write(
            "un.html", Self.page("Premier texte sur l’autonomie professionnelle des travailleuses sociales."))
        try corpus.write("deux.html", Self.page("Deuxième texte sur les compressions budgétaires dans le réseau."))
        _ = try stage(corpus, work).run()

        try corpus.write(
            "un.html", Self.page("Premier texte, revu : le jugement clinique des intervenantes est contraint."))
        try corpus.write("trois.html", Self.page("Troisième texte sur la reddition de comptes et les indicateurs."))
        try FileManager.default.removeItem(at: corpus.url.appendingPathComponent("deux.html"))
        let outcome = try stage(corpus, work).run()
        #expect(outcome.documents == 2)
        #expect(outcome.extracted == 2)
        #expect(outcome.reused == 0)

        let extracted = work.url.appendingPathComponent("extracted")
        let files = try FileManager.default.contentsOfDirectory(atPath: extracted.path).sorted()
        #expect(files.count == 3)  // two documents and the manifest
        #expect(!files.contains("\(DocumentID.make(relativePath: "deux.html")).json"))
        let un = try ExtractedDocument(
            jsonFile: extracted.appendingPathComponent("\(DocumentID.make(relativePath: "un.html")).json"))
        #expect(un.plainText.contains("jugement clinique"))
    }

    @Test func touchedButUnchangedFileIsNotExtractedAgain() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write("un.html", Self.page("Un texte qui ne change pas."))
        _ = try stage(corpus, work).run()
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes(
            [.modificationDate: later], ofItemAtPath: corpus.url.appendingPathComponent("un.html").path)
        let outcome = try stage(corpus, work).run()
        #expect(outcome.extracted == 0)
        #expect(outcome.reused == 1)
    }

    @Test func badDocumentIsReportedAndOthersGoOn() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write("bon.html", Self.page("Un texte lisible sur la protection du public."))
        try corpus.write("vide.pdf", "")
        try corpus.write("bruit.pdf", String(repeating: "\u{1}\u{2}\u{3}zq", count: 300))
        let outcome = try stage(corpus, work).run()
        #expect(outcome.documents == 3)
        #expect(Set(outcome.failures.map { $0.path }) == Set(["vide.pdf", "bruit.pdf"]))
        #expect(outcome.failures.first { $0.path == "vide.pdf" }?.reason == "empty file")
        // Failures are remembered: an unchanged bad file is reported again without being read.
        let again = try stage(corpus, work).run()
        #expect(again.extracted == 0)
        #expect(again.failures.count == 2)
    }

    @Test func savedPagesFragmentsAndArchives() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write(
            "fragment.html", "<div class=\"corps\"><p>Un fragment sur l’autonomie professionnelle.</p></div>")
        try corpus.write("texte.htm", "Premier paragraphe.\n\nSecond paragraphe.")
        try corpus.write(
            "archive.mhtml",
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>Page archiv=C3=A9e.</p>\r\n--b--\r\n")
        try corpus.write("page.html", Self.page("La page enregistrée avec ses ressources."))
        try corpus.write("page_files/saved_resource.html", "<p>Publicité</p>")
        let outcome = try stage(corpus, work).run()
        #expect(outcome.failures.isEmpty)
        #expect(outcome.documents == 4)
        #expect(outcome.ignoredFolders == [RunIgnoredFolder(path: "page_files", page: "page.html", files: 1)])
        let extracted = work.url.appendingPathComponent("extracted")
        func text(_ path: String) throws -> String {
            try ExtractedDocument(
                jsonFile: extracted.appendingPathComponent("\(DocumentID.make(relativePath: path)).json")
            ).plainText
        }
        #expect(try text("fragment.html") == "Un fragment sur l’autonomie professionnelle.")
        #expect(try text("texte.htm") == "Premier paragraphe.\n\nSecond paragraphe.")
        #expect(try text("archive.mhtml") == "Page archivée.")
        let manifest = try #require(ExtractionManifest.load(from: extracted))
        #expect(manifest.ignoredFolders == outcome.ignoredFolders)
        #expect(manifest.entries.first { $0.source == "archive.mhtml" }?.format == .html)
        // A rerun reads nothing and still reports the folder.
        let again = try stage(corpus, work).run()
        #expect(again.extracted == 0)
        #expect(again.ignoredFolders == outcome.ignoredFolders)
    }

    @Test func emptyCorpusIsAnError() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write("notes.rtf", "rien à extraire")
        do {
            _ = try stage(corpus, work).run()
            Issue.record("an empty corpus must fail")
        } catch {
            #expect(error.status == .missingInput)
        }
    }

    @Test func corpusIsNeverModified() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        try corpus.write("un.html", Self.page("Texte."))
        try corpus.write("vide.pdf", "")
        let before = try FileManager.default.contentsOfDirectory(atPath: corpus.url.path).sorted()
        _ = try stage(corpus, work).run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.url.path).sorted() == before)
    }
}
