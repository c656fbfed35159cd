import EnjeuxEvaluation
import EnjeuxTestSupport
import Foundation
import Testing

/// The default lexicon's ranking on the team's development set (`../shared/eval/dev`),
/// with the set's own metrics: what researchers and staff can expect from it.
@Suite struct DevelopmentSetTests {
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared")) func rankingMeetsTheQualityBar() throws {
        let corpus = try #require(SharedData.url("eval/dev/corpus"))
        let goldURL = try #require(SharedData.url("eval/dev/gold.jsonl"))
        let scratch = try Scratch()
        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml"),
            work: scratch.path("work"), evidence: scratch.path("Evidence"))
        #expect(outputs.values.allSatisfy { $0.status == 0 })

        let entries = try EvidenceFile.load(from: scratch.path("Evidence/evidence.jsonl"))
        let summary = Evaluator(gold: try GoldFile.load(from: goldURL)).evaluate(entries)
        #expect(summary.issues.count == 10)
        print(
            "development set: nDCG@10 \(summary.meanNDCGAt10), P@5 \(summary.meanPrecisionAt5), "
                + "recall@20 \(summary.meanRecallAt20)")
        #expect(summary.meanNDCGAt10 >= 0.871, "mean nDCG@10 \(summary.meanNDCGAt10)")
        #expect(summary.meanPrecisionAt5 >= 0.98, "mean P@5 \(summary.meanPrecisionAt5)")
        #expect(summary.meanRecallAt20 >= 0.86, "mean recall@20 \(summary.meanRecallAt20)")
        for issue in summary.issues {
            #expect(issue.pagesCorrect == issue.pagesChecked, "page accuracy of \(issue.category)")
        }

        let distractors: Set = [
            "drones-autonomes.html", "blogue-lean-startup.html", "indicateurs-performance-sport.pdf",
        ]
        for entry in entries where entry.rank <= 5 {
            #expect(!distractors.contains(entry.source), "\(entry.source) in the top 5 of \(entry.category)")
        }
    }

    /// The development set mixed with long off-topic documents (Debian's manuals, in French):
    /// the manuals' weak, scattered words must not reach the lists.
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared")) func offTopicManualsStayOutOfTheLists() throws {
        let scratch = try Scratch()
        let corpus = scratch.path("mixed")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: corpus.appendingPathComponent("dev"),
            withDestinationURL: try #require(SharedData.url("eval/dev/corpus")))
        try FileManager.default.createSymbolicLink(
            at: corpus.appendingPathComponent("debian"),
            withDestinationURL: try #require(SharedData.url("corpus/debian")))
        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml"),
            work: scratch.path("work"), evidence: scratch.path("Evidence"))
        #expect(outputs.values.allSatisfy { $0.status == 0 })
        let entries = try EvidenceFile.load(from: scratch.path("Evidence/evidence.jsonl"))
        let manuals = entries.filter { $0.source.hasPrefix("debian/") }
        print("mixed corpus: \(manuals.count) of \(entries.count) listed passages from the manuals")
        #expect(!entries.isEmpty)
        #expect(Double(manuals.count) <= 0.02 * Double(entries.count))
        #expect(!manuals.contains { $0.rank <= 10 })
    }

    /// Debian's manuals, with every document listed (`--evidence-level 0`): their tables of
    /// contents and indexes are navigation blocks, never passages, so no listed passage is a
    /// run of titles and dot leaders.
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared")) func tablesOfContentsAreNotPassages() throws {
        let scratch = try Scratch()
        let work = scratch.path("work")
        _ = try StageRunner.pipeline(
            corpus: try #require(SharedData.url("corpus/debian")),
            lexicon: SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml"), work: work,
            evidence: scratch.path("Evidence"))
        let all = scratch.path("All")
        let rank = try StageRunner.run(
            "rank",
            [
                work.appendingPathComponent("scores.json").path, "--extracted",
                work.appendingPathComponent("extracted").path, "--out", all.path, "--evidence-level", "0",
            ])
        #expect(rank.status == 0)
        let entries = try EvidenceFile.load(from: all.appendingPathComponent("evidence.jsonl"))
        #expect(entries.count > 50)
        let leaders = try Regex(#"(\.\s?){4,}"#)
        for entry in entries {
            #expect(entry.text.firstMatch(of: leaders) == nil, "\(entry.source): \(entry.text.prefix(80))")
        }
    }
}
