import EnjeuxTestSupport
import Foundation
import Testing

/// The judgments loop through the executables: judging, re-extracting, editing the lexicon,
/// comparing two lexicons, and the simulation on the development set.
@Suite struct LearningFromJudgmentsTests {
    static let practice = """
        Les intervenantes disent perdre leur latitude dans le suivi des familles depuis la réforme des services sociaux.

        Le jugement clinique des travailleuses sociales cède devant les protocoles imposés par la direction du programme.

        La charge de travail des équipes augmente avec les nouvelles cibles de production fixées chaque trimestre.

        Cette charge de travail pousse plusieurs intervenantes vers l'épuisement et le congé de maladie prolongé.

        La liste d'attente pour un premier rendez-vous en santé mentale dépasse maintenant six mois dans la région.

        Le jugement clinique reste pourtant au cœur de l'évaluation des besoins des usagers et de leurs proches.

        """
    static let sport = """
        La latitude laissée au coureur pendant la course dépend de la météo et du parcours choisi par le club.

        La charge d'entraînement et la charge de la semaine suivante dépendent de la récupération de l'athlète.

        Une charge trop lourde en début de saison, puis une autre charge en fin de cycle, fatigue les muscles.

        La liste d'attente pour le camp d'été du club de course se remplit dès le mois de janvier chaque année.

        """

    static func lexicon(autonomie: String, charge: String) -> String {
        """
        name: essai
        version: "1"
        categories:
          autonomie:
            label: Autonomie professionnelle
            description: Latitude et jugement des professionnels.
            terms:
        \(autonomie)
          charge:
            label: Charge de travail
            description: La charge des équipes.
            terms:
        \(charge)
          acces:
            label: Accès aux services
            description: Les délais d'accès.
            terms:
              - liste d'attente

        """
    }

    static let oldLexicon = lexicon(autonomie: "      - latitude", charge: "      - charge de travail")
    static let newLexicon = lexicon(
        autonomie: "      - latitude\n      - {term: jugement clinique, weight: 3}",
        charge: "      - {term: charge de travail, weight: 0.2}\n      - {term: charge, weight: 3}")

    static func gold(_ lines: [(String, String, String)]) -> String {
        lines.map { category, source, quote in
            #"{"source": "\#(source)", "category": "\#(category)", "grade": 2, "quote": "\#(quote)", "page": null}"#
                + "\n"
        }.joined()
    }

    static func paragraph(_ text: String, _ index: Int) -> String {
        text.components(separatedBy: "\n\n")[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func compareGivesTheExpectedVerdictsDeterministically() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/pratique.txt", Self.practice)
        try scratch.write("corpus/sport.txt", Self.sport)
        try scratch.write("ancien.yaml", Self.oldLexicon)
        try scratch.write("nouveau.yaml", Self.newLexicon)
        try scratch.write(
            "gold.jsonl",
            Self.gold(
                [0, 1, 5].map { ("autonomie", "pratique.txt", Self.paragraph(Self.practice, $0)) }
                    + [2, 3].map { ("charge", "pratique.txt", Self.paragraph(Self.practice, $0)) }
                    + [("acces", "pratique.txt", Self.paragraph(Self.practice, 4))]))
        let outputs = try StageRunner.pipeline(
            corpus: scratch.path("corpus"), lexicon: scratch.path("ancien.yaml"), work: scratch.path("work"),
            evidence: scratch.path("Evidence"))
        #expect(outputs.values.allSatisfy { $0.status == 0 })
        let arguments = [
            "compare", scratch.path("ancien.yaml").path, scratch.path("nouveau.yaml").path, "--gold",
            scratch.path("gold.jsonl").path, "--work", scratch.path("work").path,
        ]
        let first = try StageRunner.run("lexicon", arguments + ["--html", scratch.path("a.html").path])
        let second = try StageRunner.run("lexicon", arguments + ["--html", scratch.path("b.html").path])
        #expect(first.status == 0, "\(first.stderr)")
        print(first.stdout)
        #expect(first.stdout == second.stdout)
        #expect(try Data(contentsOf: scratch.path("a.html")) == Data(contentsOf: scratch.path("b.html")))
        let verdicts = first.stdout.components(separatedBy: "Verdicts\n").last ?? ""
        #expect(verdicts.contains("  autonomie : meilleur"))
        #expect(verdicts.contains("  charge : moins bon"))
        #expect(verdicts.contains("  acces : inchangé"))
        // The judged passages that entered autonomie's top 10, with the term responsible.
        #expect(first.stdout.contains("== autonomie : passages jugés qui entrent"))
        #expect(first.stdout.contains("+« jugement clinique »"))
        #expect(first.stdout.contains("▼"))
        let html = try String(contentsOf: scratch.path("a.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("moins bon"))
    }

    @Test func judgmentsSurviveReExtractionAndLexiconEdits() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/pratique.txt", Self.practice)
        try scratch.write("corpus/sport.txt", Self.sport)
        try scratch.write("lexique.yaml", Self.oldLexicon)
        let corpus = scratch.path("corpus")
        let work = scratch.path("work")
        let judgments = scratch.path("corpus/judgments.jsonl")
        _ = try StageRunner.pipeline(
            corpus: corpus, lexicon: scratch.path("lexique.yaml"), work: work, evidence: scratch.path("Evidence"))
        let rows = try readEvidence(scratch.path("Evidence"))
        func id(_ category: String, containing text: String) throws -> String {
            try #require(
                rows.first {
                    ($0["category"] as? String) == category && (($0["text"] as? String) ?? "").contains(text)
                }?[
                    "passage_id"] as? String)
        }
        let judged: [(String, String, Int)] = [
            (try id("autonomie", containing: "perdre leur latitude"), "autonomie", 2),
            (try id("autonomie", containing: "latitude laissée au coureur"), "autonomie", 0),
            (try id("charge", containing: "pousse plusieurs intervenantes"), "charge", 2),
            (try id("acces", containing: "camp d'été"), "acces", 0),
        ]
        for (passage, issue, grade) in judged {
            let output = try StageRunner.run(
                "lexicon", ["judge", passage, issue, "\(grade)", "--work", work.path, "--judge", "test"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stderr.contains("saved"))
        }
        // The judgments file is the corpus's, found through the work folder's record.
        #expect(try String(contentsOf: judgments, encoding: .utf8).split(separator: "\n").count == 4)

        // The practice document changes (every passage id with it) and loses the judged paragraph
        // on the workload; the lexicon gains a term.
        let changed = Self.practice.replacingOccurrences(
            of:
                "Cette charge de travail pousse plusieurs intervenantes vers l'épuisement et le congé de maladie prolongé.\n\n",
            with: ""
        ).replacingOccurrences(of: "six mois", with: "sept mois")
        try scratch.write("corpus/pratique.txt", changed)
        try scratch.write(
            "lexique.yaml",
            Self.lexicon(autonomie: "      - latitude\n      - jugement clinique", charge: "      - charge de travail"))
        _ = try StageRunner.pipeline(
            corpus: corpus, lexicon: scratch.path("lexique.yaml"), work: work, evidence: scratch.path("Evidence"))
        let rank = try StageRunner.run(
            "rank",
            [
                work.appendingPathComponent("scores.json").path, "--extracted",
                work.appendingPathComponent("extracted").path, "--out", scratch.path("Evidence").path, "--judgments",
                judgments.path,
            ])
        #expect(rank.status == 0, "\(rank.stderr)")
        #expect(rank.stderr.contains("1 judgment(s) whose passage was not found"))

        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.path("Evidence/run.json")))
                as? [String: Any])
        // The judgments file at the top of the corpus is not a document, nor a file not read.
        let ignored = (run["ignored_files"] as? [[String: Any]]) ?? []
        #expect(!ignored.contains { (($0["path"] as? String) ?? "").contains("judgments") })
        #expect(run["documents"] as? Int == 2)
        let record = try #require(run["judgments"] as? [String: Any])
        #expect(record["in_force"] as? Int == 4)
        #expect(record["attached"] as? Int == 3)
        let missing = try #require(record["missing"] as? [[String: Any]])
        #expect(missing.count == 1)
        #expect((missing.first?["quote"] as? String)?.contains("pousse plusieurs intervenantes") == true)
        let summary = try String(contentsOf: scratch.path("Evidence/run.md"), encoding: .utf8)
        #expect(summary.contains("1 jugement sans passage"))

        let after = try readEvidence(scratch.path("Evidence"))
        let autonomie = after.filter { ($0["category"] as? String) == "autonomie" }
        // The relevant judgment leads its list, the non-relevant one is left out.
        #expect((autonomie.first?["text"] as? String)?.contains("perdre leur latitude") == true)
        #expect((autonomie.first?["learned"] as? [String: Any])?["judged_grade"] as? Int == 2)
        #expect(!autonomie.contains { (($0["text"] as? String) ?? "").contains("coureur") })
        #expect(
            !after.contains {
                ($0["category"] as? String) == "acces" && (($0["text"] as? String) ?? "").contains("camp")
            })
        // Without learning, the list is the lexicon's again.
        let plain = try StageRunner.run(
            "rank",
            [
                work.appendingPathComponent("scores.json").path, "--extracted",
                work.appendingPathComponent("extracted").path, "--out", scratch.path("Plain").path,
            ])
        #expect(plain.status == 0)
        #expect(try readEvidence(scratch.path("Plain")).allSatisfy { $0["learned"] == nil })
    }

    @Test func noJudgmentsFileLeavesTheEvidenceAsItWas() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/pratique.txt", Self.practice)
        try scratch.write("corpus/sport.txt", Self.sport)
        try scratch.write("lexique.yaml", Self.oldLexicon)
        let work = scratch.path("work")
        _ = try StageRunner.pipeline(
            corpus: scratch.path("corpus"), lexicon: scratch.path("lexique.yaml"), work: work,
            evidence: scratch.path("Without"))
        let rank = try StageRunner.run(
            "rank",
            [
                work.appendingPathComponent("scores.json").path, "--extracted",
                work.appendingPathComponent("extracted").path, "--out", scratch.path("With").path, "--judgments",
                scratch.path("corpus/judgments.jsonl").path,
            ])
        #expect(rank.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("Without").path).sorted()
        // These hold the run's date (the REFI-QDA project too, as its description).
        for name in names where !["run.json", "run.md", "index.html", "enjeux.qdpx"].contains(name) {
            #expect(
                try Data(contentsOf: scratch.path("Without/\(name)")) == Data(contentsOf: scratch.path("With/\(name)")),
                "\(name)")
        }
        let json = try String(contentsOf: scratch.path("With/run.json"), encoding: .utf8)
        #expect(!json.contains("judgments") && !json.contains("learning"))
    }

    /// The acceptance figure of issue 21: on the development set, with the default lexicon,
    /// 20 judgments per issue lift the mean nDCG@10 to 0.95 or more.
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared")) func simulationOnTheDevelopmentSet() throws {
        let scratch = try Scratch()
        let work = scratch.path("work")
        _ = try StageRunner.pipeline(
            corpus: try #require(SharedData.url("eval/dev/corpus")),
            lexicon: SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml"), work: work,
            evidence: scratch.path("Evidence"))
        let output = try StageRunner.run(
            "lexicon",
            [
                "simulate", "--gold", try #require(SharedData.url("eval/dev/gold.jsonl")).path, "--work", work.path,
                "--lexicon", SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml").path, "--json",
            ])
        #expect(output.status == 0, "\(output.stderr)")
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String: Any]])
        let mean = try #require(result["mean"])
        let ndcg = try #require(mean["ndcg10"] as? [String: Double])
        print("development set, simulated judging: nDCG@10 \(ndcg), WSS@95 \(mean["wss95"] ?? "-")")
        #expect(result.count == 11)
        let none = try #require(ndcg["0"])
        let twenty = try #require(ndcg["20"])
        let fifty = try #require(ndcg["50"])
        #expect(none >= 0.87)
        #expect(twenty >= 0.95)
        #expect(fifty >= none)
        for (issue, figures) in result where issue != "mean" {
            #expect(figures["wss95"] is Double, "\(issue)")
            #expect((figures["p5"] as? [String: Double])?.keys.sorted() == ["0", "10", "20", "5", "50"])
        }
    }
}
