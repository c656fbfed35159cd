import EnjeuxTestSupport
import Foundation
import Testing

/// Reruns: nothing changed, a lexicon edit, a new document, a removed document.
@Suite(.serialized) struct IncrementalRunTests {
    static let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")

    static func article(_ title: String, _ paragraphs: [String]) -> String {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined()
        return """
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>\(title) | Site</title>
            <meta name="author" content="Julie Gagnon"><meta property="article:published_time" content="2017-03-02">
            </head><body><nav><a href="/">Accueil</a> <a href="/lean">Lean santé</a></nav>
            <article><h1>\(title)</h1>\(body)</article><footer>© Ordre fictif</footer></body></html>
            """
    }

    static func makeCorpus(_ scratch: Scratch) throws {
        try scratch.write(
            "corpus/Rapport d'étape Lean.html",
            article(
                "Le Lean dans les services sociaux",
                [
                    "Depuis l’implantation de la méthode Lean, les intervenantes doivent suivre des protocoles standardisés qui réduisent leur autonomie professionnelle et leur jugement clinique.",
                    "Les gestionnaires mesurent chaque intervention par des indicateurs de performance et des statistiques de production inscrites dans l’entente de gestion.",
                ]))
        try scratch.write(
            "corpus/web/Les listes d'attente #2.htm",
            article(
                "Attendre des mois",
                [
                    "Les listes d’attente pour les services sociaux de première ligne s’allongent, et des familles vulnérables restent sans services pendant des mois.",
                    "Les compressions budgétaires imposées au réseau ont réduit le nombre de postes d’intervenantes.",
                ]))
    }

    func run(_ scratch: Scratch, lexicon: URL = Self.lexicon) throws -> [String: StageRunner.Output] {
        try StageRunner.pipeline(
            corpus: scratch.path("corpus"), lexicon: lexicon, work: scratch.path("work"),
            evidence: scratch.path("Evidence"))
    }

    func evidenceBytes(_ scratch: Scratch) throws -> [String: Data] {
        let folder = scratch.path("Evidence")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix("run.") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        // index.html carries the run date and timings in its footer, like run.json.
        if let page = files["index.html"].map({ String(decoding: $0, as: UTF8.self) }),
            let footer = page.range(of: "<footer id=\"execution\">")
        {
            files["index.html"] = Data(page[..<footer.lowerBound].utf8)
        }
        return files
    }

    @Test func secondRunDoesNoWorkAndGivesTheSameEvidence() throws {
        let scratch = try Scratch()
        try Self.makeCorpus(scratch)
        let first = try run(scratch)
        #expect(first.values.allSatisfy { $0.status == 0 }, "\(first.mapValues(\.stderr))")
        let before = try evidenceBytes(scratch)
        #expect(before["evidence.jsonl"]?.isEmpty == false)

        let second = try run(scratch)
        #expect(second["extract"]?.stderr.contains("no extraction work") == true)
        #expect(second["tokenize"]?.stderr.contains("no tokenization work") == true)
        #expect(second["score"]?.stderr.contains("no scoring work") == true)
        #expect(second["rank"]?.stderr.contains("evidence kept as it was") == true)
        #expect(try evidenceBytes(scratch) == before)
    }

    @Test func catalogEditRanksAgainWithoutRescoring() throws {
        let scratch = try Scratch()
        try Self.makeCorpus(scratch)
        _ = try run(scratch)
        try scratch.write(
            "corpus/catalog.csv",
            "path,title,authors,year\n\"Rapport d'étape Lean.html\",Rapport d'étape sur le Lean,\"Tremblay, Anne\",2018\n"
        )
        let outputs = try run(scratch)
        #expect(outputs["score"]?.stderr.contains("no scoring work") == true)
        #expect(outputs["rank"]?.stderr.contains("evidence kept as it was") == false)
        let entries = try readEvidence(scratch.path("Evidence"))
        #expect(entries.contains { ($0["citation"] as? String)?.contains("Tremblay, 2018") == true })
    }

    @Test func lexiconEditRescoresWithoutExtracting() throws {
        let scratch = try Scratch()
        try Self.makeCorpus(scratch)
        _ = try run(scratch)
        let edited = scratch.path("lexique.yaml")
        let original = try String(contentsOf: Self.lexicon, encoding: .utf8)
        try Data((original + "\n# édité\n").utf8).write(to: edited)
        let outputs = try run(scratch, lexicon: edited)
        #expect(outputs["extract"]?.stderr.contains("no extraction work") == true)
        #expect(outputs["tokenize"]?.stderr.contains("no tokenization work") == true)
        #expect(outputs["score"]?.stderr.contains("no scoring work") == false)
        #expect(outputs["score"]?.status == 0)
    }

    @Test func newDocumentIsExtractedAloneAndRemovedOneLeavesTheEvidence() throws {
        let scratch = try Scratch()
        try Self.makeCorpus(scratch)
        _ = try run(scratch)
        try scratch.write(
            "corpus/nouveau.html",
            Self.article(
                "Réforme",
                ["La loi 10 a fusionné les établissements en CISSS et CIUSSS et aboli les agences régionales."]))
        let added = try run(scratch)
        #expect(added["extract"]?.stderr.contains("3 documents (1 processed, 2 unchanged)") == true)
        #expect(try readEvidence(scratch.path("Evidence")).contains { $0["source"] as? String == "nouveau.html" })

        try FileManager.default.removeItem(at: scratch.path("corpus/nouveau.html"))
        _ = try run(scratch)
        #expect(try !readEvidence(scratch.path("Evidence")).contains { $0["source"] as? String == "nouveau.html" })
    }

    @Test func invalidLexiconKeepsThePreviousEvidence() throws {
        let scratch = try Scratch()
        try Self.makeCorpus(scratch)
        _ = try run(scratch)
        let before = try evidenceBytes(scratch)
        let broken = scratch.path("casse.yaml")
        try Data("name: cassé\ncategories:\n  autonomie:\n    label: Autonomie\n    terms: [\"a*\", 3]\n".utf8)
            .write(to: broken)
        let score = try StageRunner.run(
            "score",
            [
                scratch.path("work/passages").path, "--lexicon", broken.path, "--out",
                scratch.path("work/scores.json").path,
            ])
        #expect(score.status == 65)
        #expect(score.stderr.contains("casse.yaml:5:"))
        #expect(try evidenceBytes(scratch) == before)
    }
}
