import EnjeuxTestSupport
import Foundation
import Testing

/// `enjeux-brief` on the evidence of the sample corpus: a brief as DOCX and ODT, read back as
/// text by LibreOffice, quotes every selected passage exactly, cites it in APA 7th edition with
/// the fr-CA locale and the right page, and lists each cited document once.
@Suite(.serialized) struct BriefTests {
    static let pandoc: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pandoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()
    static let apa = "/usr/share/citation-style-language/styles/apa.csl"
    static let canConvert = pandoc != nil && Writer.soffice != nil && FileManager.default.fileExists(atPath: apa)

    /// How citeproc cites each document of the sample corpus with APA and fr-CA, page aside:
    /// `et` between two authors (French APA: the default style is derived from `apa.csl`), organisations by their whole name, the title without author,
    /// `s. d.` (with a no-break space) without year.
    static let citations: [String: String] = [
        "Amélioration continue – usine de Saint-Aurèle 2020.pdf": "Vachon, 2021",
        "Bulletin Éthique et pratique, printemps 2018.pdf": "Vaillancourt-Roy, 2018",
        "Rapport d'évaluation Lean 2016.pdf": "Dufresne-Boileau et Benslimane, 2016",
        "Sondage conditions de pratique 2019.pdf": "Nadeau et Arsenault-Lévesque, 2019",
        "rapports/Mémoire sur l'accès aux services.pdf":
            "Regroupement des intervenantes et intervenants de première ligne du Québec, 2017",
        "rapports/Synthèse_réforme_du_réseau.pdf":
            "La réforme de la gouvernance du réseau : repères pour les équipes psychosociales, s.\u{00A0}d.",
        "web/Témoignage d'une intervenante en protection de la jeunesse.html":
            "Syndicat des professionnelles et professionnels en intervention sociale, section Rive-Sud, 2017",
        "web/atelier-lean-startup.html": "Incubateur Rive-Nord Techno, 2024",
        "web/autonomie-professionnelle-et-exigences-de-l-employeur.html":
            "Direction du développement et du soutien professionnel, OIRHQ, 2019",
        "web/compressions-services-sociaux-estuaire-2015.html": "Tanguay-Fortin, 2015",
        "web/essai-norvik-e-sentier-autonomie-hiver.html": "Laroche-Dubé, 2022",
        "web/gestion-axee-sur-les-resultats-services-sociaux.html": "Poitras-Gendron, 2018",
        "web/lean-en-santé-mentale.html": "Tremblay-Arsenault, 2020",
        "web/marathon-indicateurs-de-performance.html": "Rousseau-Caron, 2023",
        "notes/Notes de consultation – charge de travail et indicateurs 2022.docx": "Gagnon-Bérubé, 2022",
        "notes/Note au comité – autonomie en GMF 2020.odt": "Ouellet, 2020",
    ]

    /// How each document's entry of the reference list starts: people as `Family, I.`,
    /// organisations and titles whole, the year in parentheses.
    static let references: [String: String] = [
        "Amélioration continue – usine de Saint-Aurèle 2020.pdf": "Vachon, T. (2021). ",
        "Bulletin Éthique et pratique, printemps 2018.pdf": "Vaillancourt-Roy, H. (2018). ",
        "Rapport d'évaluation Lean 2016.pdf": "Dufresne-Boileau, M.-È. et Benslimane, K. (2016). ",
        "Sondage conditions de pratique 2019.pdf": "Nadeau, L.-P. et Arsenault-Lévesque, S. (2019). ",
        "rapports/Mémoire sur l'accès aux services.pdf":
            "Regroupement des intervenantes et intervenants de première ligne du Québec. (2017). ",
        "rapports/Synthèse_réforme_du_réseau.pdf":
            "La réforme de la gouvernance du réseau : repères pour les équipes psychosociales. (s.\u{00A0}d.).",
        "web/Témoignage d'une intervenante en protection de la jeunesse.html":
            "Syndicat des professionnelles et professionnels en intervention sociale, section Rive-Sud. (2017). ",
        "web/atelier-lean-startup.html": "Incubateur Rive-Nord Techno. (2024). ",
        "web/autonomie-professionnelle-et-exigences-de-l-employeur.html":
            "Direction du développement et du soutien professionnel, OIRHQ. (2019). ",
        "web/compressions-services-sociaux-estuaire-2015.html": "Tanguay-Fortin, O. (2015). ",
        "web/essai-norvik-e-sentier-autonomie-hiver.html": "Laroche-Dubé, V. (2022). ",
        "web/gestion-axee-sur-les-resultats-services-sociaux.html": "Poitras-Gendron, A. (2018). ",
        "web/lean-en-santé-mentale.html": "Tremblay-Arsenault, G. (2020). ",
        "web/marathon-indicateurs-de-performance.html": "Rousseau-Caron, É. (2023). ",
    ]

    /// The evidence of the sample corpus, in `scratch`.
    static func evidence(_ scratch: Scratch) throws -> (URL, [[String: Any]]) {
        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: SampleCorpusTests.corpus, lexicon: SampleCorpusTests.lexicon, work: scratch.path("work"),
            evidence: evidence)
        for (stage, output) in outputs { #expect(output.status == 0, "\(stage) failed: \(output.stderr)") }
        return (evidence, try readEvidence(evidence))
    }

    /// A selection as staff write it: comments, blank lines, a repeated id; the best passage of
    /// every document, and the passages that open with a list number (`2. Remplacer…`).
    static func selection(_ rows: [[String: Any]]) -> (text: String, rows: [[String: Any]]) {
        var chosen: [[String: Any]] = []
        var sources = Set<String>()
        for row in rows where sources.insert(row["source"] as? String ?? "").inserted { chosen.append(row) }
        for row in rows where (row["text"] as? String)?.first?.isNumber == true {
            if !chosen.contains(where: { $0["passage_id"] as? String == row["passage_id"] as? String }) {
                chosen.append(row)
            }
        }
        let ids = chosen.compactMap { $0["passage_id"] as? String }
        let text = "# Mémoire au comité\n\n" + ids.map { "\($0)  # à citer\n" }.joined() + "\n\(ids[0])\n"
        return (text, chosen)
    }

    @Test(
        .enabled(
            if: canConvert,
            "skipped: needs pandoc, its CSL styles and LibreOffice Writer (apt-get install pandoc citation-style-language-styles libreoffice-writer-nogui)"
        ))
    func docxAndOdtQuoteEveryPassageExactlyWithItsCitationAndOneReferencePerDocument() throws {
        let scratch = try Scratch()
        let (evidence, rows) = try Self.evidence(scratch)
        let (selectionText, chosen) = Self.selection(rows)
        try scratch.write("choix.txt", selectionText)
        let out = scratch.path("Brief")
        let run = try StageRunner.run(
            "brief",
            [
                "--evidence", evidence.path, "--selection", scratch.path("choix.txt").path, "--out", out.path,
                "--title", "Autonomie et méthodes Lean : extraits", "--date", "1er mai 2026",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        // The documents the evidence lists (the sample corpus's off-topic documents may be left out).
        let cited = Set(chosen.compactMap { $0["source"] as? String })
        #expect(cited.isSubset(of: Set(Self.citations.keys)) && cited.count >= 10)
        #expect(run.stderr.contains("\(chosen.count) passages from \(cited.count) documents"), "\(run.stderr)")
        #expect(run.stderr.contains("« à vérifier »): rapports/Synthèse_réforme_du_réseau.pdf"))

        let bibliography = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("brief.json")))
                as? [[String: Any]])
        #expect(bibliography.count == cited.count)
        #expect(Set(bibliography.compactMap { $0["enjeux-source"] as? String }) == cited)

        for format in ["docx", "odt"] {
            let text = try Writer.text(of: out.appendingPathComponent("brief.\(format)"), scratch: scratch)
            let lines = text.components(separatedBy: "\n")
            #expect(lines.first == "Autonomie et méthodes Lean : extraits", "\(format)")
            #expect(lines.dropFirst().first == "1er mai 2026", "\(format)")
            for row in chosen {
                let source = row["source"] as? String ?? ""
                let passage = try #require(row["text"] as? String)
                let author = try #require(Self.citations[source], "\(source)")
                // The page as cited; citeproc writes a page range with a non-breaking hyphen.
                // A document cited by paragraph: APA in French writes `paragr.`.
                let page =
                    (row["pages"] as? String).map { ", p. " + $0.replacingOccurrences(of: "-", with: "\u{2011}") }
                    ?? (row["paragraph"] as? Int).map { ", paragr. \($0)" }
                let expected = passage + " (" + author + (page ?? "") + ")"
                #expect(lines.contains(expected), "\(format): \(source), passage \(row["passage_id"] ?? "")")
            }
            let start = try #require(lines.lastIndex(of: "Références"), "\(format): no reference list")
            let entries = lines[(start + 1)...].filter { !$0.isEmpty }
            #expect(entries.count == cited.count, "\(format): \(entries.count) references")
            for (source, lead) in Self.references where cited.contains(source) {
                #expect(entries.filter { $0.hasPrefix(lead) }.count == 1, "\(format): \(source)")
            }
        }
    }

    @Test func withoutPandocTheMarkdownAndTheBibliographyAreStillWritten() throws {
        let scratch = try Scratch()
        let (evidence, rows) = try Self.evidence(scratch)
        let out = scratch.path("Brief")
        let run = try StageRunner.run(
            "brief", ["--evidence", evidence.path, "--top", "2", "--out", out.path, "--date", "1er mai 2026"],
            environment: ["PATH": "/nonexistent"])
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains("pandoc is not installed"), "\(run.stderr)")
        #expect(run.stderr.contains("apt-get install pandoc citation-style-language-styles"), "\(run.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("brief.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("---\ntitle: 'Extraits de la documentation'\nlang: fr-CA\ndate: '1er mai 2026'\n"))
        #expect(markdown.contains("\n# Références {#references .unnumbered}\n\n::: {#refs}\n:::\n"))
        let issues = Set(rows.compactMap { $0["category"] as? String })
        #expect(markdown.components(separatedBy: "\n> ").count - 1 >= issues.count)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("brief.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("brief.docx").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["brief.csl", "brief.json", "brief.md"], "no temporary file left")
    }

    @Test func mistakesAreReportedWithTheirStatusAndNothingIsWritten() throws {
        let scratch = try Scratch()
        let (evidence, rows) = try Self.evidence(scratch)
        let known = try #require(rows.first?["passage_id"] as? String)
        try scratch.write("choix.txt", "\(known)\n# commentaire\n0123456789abcdef\n")
        let out = scratch.path("Brief")
        let unknown = try StageRunner.run(
            "brief", ["--evidence", evidence.path, "--selection", scratch.path("choix.txt").path, "--out", out.path])
        #expect(unknown.status == 65)
        #expect(
            unknown.stderr.contains(
                "choix.txt:3: unknown passage id 0123456789abcdef: no passage of evidence.jsonl has it"),
            "\(unknown.stderr)")
        let issue = try StageRunner.run(
            "brief", ["--evidence", evidence.path, "--top", "1", "--issue", "autonomy", "--out", out.path])
        #expect(issue.status == 64)
        #expect(
            issue.stderr.contains("unknown issue autonomy; the issues of this run are: autonomie"), "\(issue.stderr)")
        let noEvidence = try StageRunner.run(
            "brief", ["--evidence", scratch.path("nowhere").path, "--top", "1", "--out", out.path])
        #expect(noEvidence.status == 66)
        let both = try StageRunner.run("brief", ["--top", "1", "--selection", "x.txt", "--out", out.path])
        #expect(both.status == 64)
        let style = try StageRunner.run(
            "brief", ["--evidence", evidence.path, "--top", "1", "--out", out.path, "--csl", "pas-un-style"])
        #expect(style.status == 66)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let help = try StageRunner.run("brief", ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit status") && help.stdout.contains("--selection"))
    }
}
