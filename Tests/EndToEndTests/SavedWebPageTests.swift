import Foundation
import Testing

/// Web pages as the working group saves them, through the four executables: an article body
/// saved without its wrapper, text in UTF-16 named `.htm`, Chrome's single-file `.mhtml`,
/// and a page saved "complete" with its `page_files/` folder, which is not read but reported.
@Suite struct SavedWebPageTests {
    static let lexicon = SampleCorpusTests.lexicon

    /// A page saved by Chrome as one file: the article in quoted-printable (with soft line
    /// breaks and UTF-8 escapes), a style sheet and an advertising frame.
    static let archive = """
        From: <Saved by Blink>\r
        Snapshot-Content-Location: https://exemple.org/2024/02/03/lean-cisss\r
        Subject: =?utf-8?Q?Le_Lean_au_CISSS?=\r
        Date: Sat, 3 Feb 2024 10:00:00 -0000\r
        MIME-Version: 1.0\r
        Content-Type: multipart/related;\r
        \ttype="text/html";\r
        \tboundary="----MultipartBoundary--Qm9uam91cg----"\r
        \r
        \r
        ------MultipartBoundary--Qm9uam91cg----\r
        Content-Type: text/html\r
        Content-ID: <frame-0@mhtml.blink>\r
        Content-Transfer-Encoding: quoted-printable\r
        Content-Location: https://exemple.org/2024/02/03/lean-cisss\r
        \r
        <!DOCTYPE html><html lang=3D"fr"><head><meta http-equiv=3D"Content-Type" co=\r
        ntent=3D"text/html; charset=3DUTF-8"><title>Le Lean au CISSS</title></head>=\r
        <body><article><h1>Le Lean au CISSS</h1><p>La m=C3=A9thode Lean a =C3=A9t=\r
        =C3=A9 implant=C3=A9e par une firme priv=C3=A9e dans un projet d=E2=80=99op=\r
        timisation des services sociaux g=C3=A9n=C3=A9raux.</p></article><iframe sr=\r
        c=3D"cid:frame-1@mhtml.blink"></iframe></body></html>\r
        ------MultipartBoundary--Qm9uam91cg----\r
        Content-Type: text/css\r
        Content-Transfer-Encoding: quoted-printable\r
        Content-Location: cid:css-0@mhtml.blink\r
        \r
        article { margin: 0 auto; }\r
        ------MultipartBoundary--Qm9uam91cg----\r
        Content-Type: text/html\r
        Content-ID: <frame-1@mhtml.blink>\r
        Content-Transfer-Encoding: quoted-printable\r
        Content-Location: cid:frame-1@mhtml.blink\r
        \r
        <html><body><p>Publicit=C3=A9 : la charge de travail des publicitaires d=\r
        =C3=A9passe tout.</p></body></html>\r
        ------MultipartBoundary--Qm9uam91cg------\r

        """

    func corpus(in scratch: Scratch) throws -> URL {
        try scratch.write(
            "corpus/fragment.html",
            "<div class=\"corps\"><p>Les travailleuses sociales défendent leur autonomie professionnelle et leur "
                + "jugement clinique face aux indicateurs.</p></div>")
        let text = "Témoignage\n\nLa charge de travail des intervenantes ne cesse d’augmenter depuis la réforme.\n"
        try Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: scratch.path("corpus/texte.htm"))
        try scratch.write("corpus/Le Lean au CISSS.mhtml", Self.archive)
        try scratch.write(
            "corpus/page.html",
            "<!doctype html><html lang=fr><body><article><h1>Page</h1><p>Une page enregistrée avec ses ressources, "
                + "sur l’épuisement professionnel.</p></article></body></html>")
        try scratch.write(
            "corpus/page_files/saved_resource.html",
            "<p>Bannière : la méthode Lean et la charge de travail, en promotion.</p>")
        try scratch.write("corpus/page_files/style.css", "p {}")
        try scratch.write(
            "corpus/archives_files/rapport.html",
            "<p>Un rapport rangé dans un dossier au nom trompeur, sur l’amélioration continue, la méthode Lean et "
                + "l’optimisation des processus.</p>")
        return scratch.path("corpus")
    }

    @Test func savedPagesGiveEvidenceAndResourceFoldersAreReported() throws {
        let scratch = try Scratch()
        let corpus = try corpus(in: scratch)
        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: evidence)
        for (stage, output) in outputs { #expect(output.status == 0, "\(stage) failed: \(output.stderr)") }
        let extract = try #require(outputs["extract"])
        #expect(
            extract.stderr.contains(
                "enjeux-extract: page_files/: ignored, resources of the saved web page page.html (2 files)"))
        #expect(extract.stderr.contains("5 documents"))

        let rows = try readEvidence(evidence)
        let sources = Set(rows.compactMap { $0["source"] as? String })
        #expect(
            sources == [
                "fragment.html", "texte.htm", "Le Lean au CISSS.mhtml", "page.html", "archives_files/rapport.html",
            ])
        let texts = rows.compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.contains("leur autonomie professionnelle et leur jugement clinique") })
        #expect(texts.contains("La charge de travail des intervenantes ne cesse d’augmenter depuis la réforme."))
        #expect(
            texts.contains(
                "La méthode Lean a été implantée par une firme privée dans un projet d’optimisation des services sociaux généraux."
            ))
        #expect(!texts.contains { $0.contains("Bannière") || $0.contains("Publicité") })

        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: evidence.appendingPathComponent("run.json")))
                as? [String: Any])
        #expect(run["documents"] as? Int == 5)
        #expect((run["failures"] as? [Any])?.isEmpty == true)
        let ignored = try #require(run["ignored_folders"] as? [[String: Any]])
        #expect(ignored.map { $0["path"] as? String } == ["page_files"])
        #expect(ignored.map { $0["page"] as? String } == ["page.html"])
        #expect(ignored.map { $0["files"] as? Int } == [2])
        let runMarkdown = try String(contentsOf: evidence.appendingPathComponent("run.md"), encoding: .utf8)
        #expect(
            runMarkdown.contains(
                "- 1 dossier de ressources de page web ignoré\u{A0}: page_files/ (page de page.html)"))

        let extracted = scratch.path("work/extracted")
        let archiveDocument = try #require(
            try FileManager.default.contentsOfDirectory(atPath: extracted.path).first {
                $0.hasPrefix("le-lean-au-cisss")
            })
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: extracted.appendingPathComponent(archiveDocument)))
                as? [String: Any])
        #expect(document["format"] as? String == "html")
        let metadata = document["metadata"] as? [String: Any]
        #expect(metadata?["url"] as? String == "https://exemple.org/2024/02/03/lean-cisss")
        #expect(metadata?["title"] as? String == "Le Lean au CISSS")
    }

    @Test func printReadsAWebArchive() throws {
        let scratch = try Scratch()
        try scratch.write("page.mhtml", Self.archive)
        let output = try StageRunner.run("extract", ["--print", scratch.path("page.mhtml").path])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(
            output.stdout
                == "Le Lean au CISSS\n\nLa méthode Lean a été implantée par une firme privée dans un projet d’optimisation des services sociaux généraux.\n"
        )
        // Renamed .html, it is still read, with a word about its name.
        try scratch.write("renommée.html", Self.archive)
        let renamed = try StageRunner.run("extract", ["--print", scratch.path("renommée.html").path])
        #expect(renamed.status == 0)
        #expect(renamed.stderr.contains("file named .html contains a web archive (MHTML); read as mhtml"))
    }
}
