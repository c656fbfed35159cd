import EnjeuxModel
import EnjeuxSupport
import EnjeuxTestSupport
import Foundation
import Testing

/// Runs the four executables over the bundled sample corpus, like `make analyze`.
@Suite(.serialized) struct SampleCorpusTests {
    static let corpus = SharedData.repositoryRoot.appendingPathComponent("Corpus")
    static let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")
    static let issues = [
        "autonomie", "deontologie", "indicateurs", "optimisation", "ngp", "acces", "conditions", "protection",
        "austerite", "reforme",
    ]

    @Test func evidenceCoversEveryIssueWithVerbatimPassages() throws {
        let scratch = try Scratch()
        let outputs = try StageRunner.pipeline(
            corpus: Self.corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        for (stage, output) in outputs {
            #expect(output.status == 0, "\(stage) failed: \(output.stderr)")
        }
        let rows = try readEvidence(scratch.path("Evidence"))
        #expect(Set(rows.compactMap { $0["category"] as? String }) == Set(Self.issues))

        // Every passage reads exactly as in its document's extracted page text.
        var pages: [String: [Int: String]] = [:]
        for row in rows {
            let id = try #require(row["document_id"] as? String)
            if pages[id] == nil {
                let document = try ExtractedDocument(
                    jsonFile: scratch.path("work/extracted/\(id).json"))
                pages[id] = Dictionary(uniqueKeysWithValues: document.pages.map { ($0.number, $0.plainText) })
            }
            let page = try #require(row["page"] as? Int)
            let endPage = (row["end_page"] as? Int) ?? page
            let text = try #require(row["text"] as? String)
            let pageText = (page...endPage).compactMap { pages[id]?[$0] }.joined(separator: "\n\n")
            let flattened = pageText.replacingOccurrences(of: "\n\n", with: " ")
            #expect(pageText.contains(text) || flattened.contains(text), "not verbatim: \(text.prefix(60))")
            #expect((row["citation"] as? String)?.hasPrefix("(") == true)
            #expect((row["source"] as? String)?.isEmpty == false)
            for match in row["matches"] as? [[String: Any]] ?? [] {
                let start = try #require(match["start"] as? Int)
                let end = try #require(match["end"] as? Int)
                #expect(text.scalarSlice(start, end) == match["text"] as? String)
            }
        }
    }

    @Test func distractorsStayOutOfTheTopFive() throws {
        let scratch = try Scratch()
        _ = try StageRunner.pipeline(
            corpus: Self.corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        let distractors = [
            "Amélioration continue – usine de Saint-Aurèle 2020.pdf", "web/essai-norvik-e-sentier-autonomie-hiver.html",
            "web/marathon-indicateurs-de-performance.html", "web/atelier-lean-startup.html",
        ]
        let rows = try readEvidence(scratch.path("Evidence"))
        for row in rows where (row["rank"] as? Int ?? 99) <= 5 {
            #expect(
                !distractors.contains(row["source"] as? String ?? ""), "distractor in top 5: \(row["category"] ?? "")")
        }
    }
}
