import Foundation

/// Scores rankings against graded gold quotes with the metrics of the evaluation set:
/// nDCG@10, P@5, recall@20 of grade-2 lines and page accuracy, per issue and averaged.
package struct Evaluator: Sendable {
    /// The gold lines by issue, in file order.
    package let goldByCategory: [String: [GoldLine]]
    /// The issues in the order they first appear in the gold file.
    package let categories: [String]

    package init(gold: [GoldLine]) {
        var byCategory: [String: [GoldLine]] = [:]
        var order: [String] = []
        for line in gold {
            if byCategory[line.category] == nil { order.append(line.category) }
            byCategory[line.category, default: []].append(line)
        }
        self.goldByCategory = byCategory
        self.categories = order
    }

    /// Evaluates every issue of the gold file. `entries` may hold every issue's ranking;
    /// they are grouped by issue and ordered by rank. An issue without entries scores 0.
    /// `order` lists issues to report first (e.g. the lexicon's order); gold issues missing
    /// from it follow in gold-file order.
    package func evaluate(_ entries: [RankedEntry], order: [String] = []) -> EvaluationSummary {
        var byCategory: [String: [RankedEntry]] = [:]
        for entry in entries { byCategory[entry.category, default: []].append(entry) }
        let ordered = order.filter { goldByCategory[$0] != nil } + categories.filter { !order.contains($0) }
        var seen = Set<String>()
        let issues = ordered.filter { seen.insert($0).inserted }.map { category in
            evaluate(category: category, ranking: (byCategory[category] ?? []).sorted { $0.rank < $1.rank })
        }
        return EvaluationSummary(issues: issues)
    }

    /// Evaluates one issue's ranking, given best first.
    package func evaluate(category: String, ranking: [RankedEntry]) -> IssueEvaluation {
        let gold = goldByCategory[category] ?? []
        var credited = Set<Int>()
        var gains: [Int] = []
        var firstHit: [Int: Int] = [:]  // gold index → position in the ranking
        for (position, entry) in ranking.enumerated() {
            let hits = gold.indices.filter { HitRule.hits(entry, gold[$0]) }
            let gain = hits.filter { !credited.contains($0) }.map { gold[$0].grade }.max() ?? 0
            gains.append(gain)
            credited.formUnion(hits)
            for index in hits where firstHit[index] == nil { firstHit[index] = position }
        }

        let dcg = Self.dcg(gains.prefix(10))
        let ideal = Self.dcg(gold.map(\.grade).sorted(by: >).prefix(10))
        let precision = Double(gains.prefix(5).filter { $0 >= 1 }.count) / 5

        let gradeTwo = gold.indices.filter { gold[$0].grade == 2 }
        let foundInTop20 = { (index: Int) in (firstHit[index] ?? Int.max) < 20 }
        let recalled = gradeTwo.filter(foundInTop20)
        let recall = gradeTwo.isEmpty ? 0 : Double(recalled.count) / Double(gradeTwo.count)

        var checked = 0
        var correct = 0
        for index in gold.indices where foundInTop20(index) {
            guard let page = gold[index].page, let position = firstHit[index] else { continue }
            checked += 1
            if ranking[position].covers(page: page) { correct += 1 }
        }
        return IssueEvaluation(
            category: category, ndcgAt10: ideal > 0 ? dcg / ideal : 0, precisionAt5: precision, recallAt20: recall,
            pagesChecked: checked, pagesCorrect: correct, gains: gains,
            missed: gradeTwo.filter { !foundInTop20($0) }.map { gold[$0] },
            gradeTwoCount: gradeTwo.count, goldCount: gold.count)
    }

    /// Σ gain_i / log2(i + 1), ranks from 1.
    static func dcg(_ gains: some Sequence<Int>) -> Double {
        var total = 0.0
        for (offset, gain) in gains.enumerated() where gain > 0 {
            total += Double(gain) / log2(Double(offset + 2))
        }
        return total
    }
}
