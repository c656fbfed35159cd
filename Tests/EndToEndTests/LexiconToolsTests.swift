import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

/// `enjeux-lexicon stats` and `diff` on the sample corpus, after the pipeline ran once.
@Suite(.serialized) struct LexiconToolsTests {
    static let root = SharedData.repositoryRoot
    static let lexicon = root.appendingPathComponent("Lexicons/enjeux.fr.yaml")

    /// The pipeline on Corpus/ into a scratch work folder.
    /// The sample corpus analysed in a scratch folder; `excluding` names top-level entries of
    /// `Corpus/` left out (the corpus is then a folder of links to the others).
    static func analyzedCorpus(excluding: Set<String> = []) throws -> Scratch {
        let scratch = try Scratch()
        var corpus = root.appendingPathComponent("Corpus")
        if !excluding.isEmpty {
            let links = scratch.path("corpus")
            try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where !excluding.contains(name)
            {
                try FileManager.default.createSymbolicLink(
                    at: links.appendingPathComponent(name), withDestinationURL: corpus.appendingPathComponent(name))
            }
            corpus = links
        }
        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        #expect(outputs.values.allSatisfy { $0.status == 0 })
        return scratch
    }

    /// The default lexicon without the lines that hold `term`.
    static func lexicon(without term: String, in scratch: Scratch) throws -> URL {
        let text = try String(contentsOf: lexicon, encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.contains("term: \(term),") && !$0.hasSuffix("- \(term)")
        }
        #expect(kept.count < text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let url = scratch.path("essai.yaml")
        try Data(kept.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    @Test func statsAgreeWithTheScoresAndListUnmatchedTerms() throws {
        let scratch = try Self.analyzedCorpus()
        let csv = scratch.path("stats.csv")
        let output = try StageRunner.run(
            "lexicon",
            ["stats", "--work", scratch.path("work").path, "--lexicon", Self.lexicon.path, "--csv", csv.path])
        #expect(output.status == 0, "\(output.stderr)")
        let scores = try ScoreSet(jsonFile: scratch.path("work/scores.json"))
        let autonomy = scores.passages.filter { $0.scores.contains { $0.category == "autonomie" } }.count
        #expect(output.stdout.contains("autonomie — Autonomie professionnelle: \(autonomy) passages"))
        #expect(output.stdout.contains("no match ("))
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\r\n")
        #expect(
            rows.first?.hasSuffix(
                "issue,label,term,weight,matches,passages,documents,score,share,issue_passages,issue_documents,issue_score"
            ) == true)
        #expect(rows.count > 100)
    }

    @Test func removingATermShowsItAsTheCause() throws {
        let scratch = try Self.analyzedCorpus()
        let edited = try Self.lexicon(without: "jugement clinique", in: scratch)
        let html = scratch.path("diff.html")
        let output = try StageRunner.run(
            "lexicon",
            [
                "diff", Self.lexicon.path, edited.path, "--work", scratch.path("work").path, "--top", "10", "--html",
                html.path,
            ])
        #expect(output.status == 0, "\(output.stderr)")
        // Known in advance: autonomy passages that matched the term fall or leave, with it as
        // the cause; no passage gains from the removal.
        #expect(output.stdout.contains("== autonomie — Autonomie professionnelle"))
        #expect(output.stdout.contains("−« jugement clinique »"))
        #expect(!output.stdout.contains("+« jugement clinique »"))
        #expect(output.stdout.contains(" sortent"))
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("jugement clinique"))

        let same = try StageRunner.run(
            "lexicon", ["diff", Self.lexicon.path, Self.lexicon.path, "--work", scratch.path("work").path])
        #expect(same.stdout.contains("Aucun changement"))
    }

    @Test func kwicFindsEveryOccurrenceWithItsSource() throws {
        let scratch = try Self.analyzedCorpus()
        // Every word of the passages whose normalised form starts with "autonom".
        var expected = 0
        let passages = scratch.path("work/passages")
        for name in try FileManager.default.contentsOfDirectory(atPath: passages.path)
        where name.hasSuffix(".json") && name != "manifest.json" {
            let document = try TokenizedDocument(jsonFile: passages.appendingPathComponent(name))
            for passage in document.passages {
                expected += passage.tokens.filter { $0.kind == .word && $0.norm.hasPrefix("autonom") }.count
            }
        }
        #expect(expected > 10)
        let csv = scratch.path("kwic.csv")
        let output = try StageRunner.run(
            "lexicon",
            [
                "kwic", "autonom*", "--work", scratch.path("work").path, "--lexicon", Self.lexicon.path, "--sort",
                "right", "--csv", csv.path,
            ])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == expected)
        #expect(lines.allSatisfy { $0.contains(", p. ") && $0.contains("[") })
        #expect(output.stderr.contains("\(expected) occurrences"))
        #expect(try String(contentsOf: csv, encoding: .utf8).split(separator: "\r\n").count == expected + 1)

        let entry = try StageRunner.run(
            "lexicon",
            [
                "kwic", "--entry", "autonomie:jugement clinique", "--work", scratch.path("work").path, "--lexicon",
                Self.lexicon.path,
            ])
        #expect(entry.status == 0)
        #expect(entry.stdout.split(separator: "\n").allSatisfy { $0.lowercased().contains("[jugement clinique]") })
    }

    @Test func checkWarnsAboutTermsThatMatchNothingInTheCorpus() throws {
        let scratch = try Self.analyzedCorpus()
        let output = try StageRunner.run("lexicon", ["check", Self.lexicon.path, "--work", scratch.path("work").path])
        #expect(output.status == 0)
        let unmatched = output.stdout.split(separator: "\n").filter { $0.contains("matches nothing in") }
        #expect(!unmatched.isEmpty)
        #expect(unmatched.allSatisfy { $0.hasPrefix("\(Self.lexicon.path):") && $0.contains(": warning: ") })
        // The same terms as stats lists without a match.
        let stats = try StageRunner.run(
            "lexicon", ["stats", "--work", scratch.path("work").path, "--lexicon", Self.lexicon.path])
        let listed = stats.stdout.split(separator: "\n").filter { $0.hasPrefix("  no match (") }.compactMap {
            Int($0.dropFirst("  no match (".count).prefix { $0.isNumber })
        }
        #expect(unmatched.count == listed.reduce(0, +))
    }

    @Test func evaluateScoresTheEvidenceAndExplainsMisses() throws {
        let scratch = try Self.analyzedCorpus()
        let entries = try readEvidence(scratch.path("Evidence"))
        let top = try #require(entries.first { $0["category"] as? String == "autonomie" && $0["rank"] as? Int == 1 })
        let topText = try #require(top["text"] as? String)
        // A gold file written for the test: the first autonomy passage (found), and a
        // sentence of the battery review, which speaks of autonomy in another sense (missed).
        func line(_ source: String, _ quote: String, _ page: Int?) throws -> String {
            let object: [String: Any] = [
                "source": source, "category": "autonomie", "grade": 2, "quote": quote, "page": page ?? NSNull(),
            ]
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let battery = "web/essai-norvik-e-sentier-autonomie-hiver.html"
        let gold = [
            try line(try #require(top["source"] as? String), String(topText.prefix(80)), top["page"] as? Int),
            try line(battery, "Le constructeur annonce une autonomie de 480 km", nil),
        ].joined(separator: "\n")
        try scratch.write("gold.jsonl", gold + "\n")
        let output = try StageRunner.run(
            "lexicon",
            [
                "evaluate", "--gold", scratch.path("gold.jsonl").path, "--evidence", scratch.path("Evidence").path,
                "--work", scratch.path("work").path,
            ])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = output.stdout.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("autonomie") && $0.contains("1.000") })
        #expect(output.stdout.contains("Grade-2 quotes not in the top 20 (1):"))
        #expect(output.stdout.contains("[autonomie] \(battery)"))
    }

    @Test func missingWorkFolderIsAOneLineError() throws {
        let output = try StageRunner.run(
            "lexicon", ["stats", "--work", "/nonexistent/work", "--lexicon", Self.lexicon.path])
        #expect(output.status == 66)
        #expect(output.stderr.contains("no tokenized corpus in /nonexistent/work"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }
}
