import EnjeuxEvaluation
import EnjeuxTestSupport
import Foundation
import Testing

/// The team's development gold file reads as its README describes it.
@Suite struct DevelopmentGoldTests {
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
    func goldFileHasTheDocumentedCounts() throws {
        let url = try #require(SharedData.url("eval/dev/gold.jsonl"))
        let gold = try GoldFile.load(from: url)
        #expect(gold.count == 337)
        #expect(gold.filter { $0.grade == 2 }.count == 187)
        #expect(Set(gold.map(\.quote)).count == 225)
        #expect(gold.filter { $0.page != nil }.count == 224)
        let evaluator = Evaluator(gold: gold)
        #expect(evaluator.categories.count == 10)
        #expect(evaluator.goldByCategory["indicateurs"]?.filter { $0.grade == 2 }.count == 28)
    }

    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
    func aRankingOfTheGoldQuotesThemselvesIsPerfect() throws {
        let url = try #require(SharedData.url("eval/dev/gold.jsonl"))
        let gold = try GoldFile.load(from: url)
        var entries: [RankedEntry] = []
        for category in Evaluator(gold: gold).categories {
            let lines = gold.filter { $0.category == category }.sorted { $0.grade > $1.grade }
            for (offset, line) in lines.enumerated() {
                entries.append(
                    RankedEntry(
                        category: category, rank: offset + 1, source: line.source, page: line.page, text: line.quote))
            }
        }
        let summary = Evaluator(gold: gold).evaluate(entries)
        for issue in summary.issues {
            #expect(abs(issue.ndcgAt10 - 1) < 1e-9, "\(issue.category)")
            #expect(issue.precisionAt5 == 1)
        }
        #expect(summary.pageAccuracy == 1)
    }
}
