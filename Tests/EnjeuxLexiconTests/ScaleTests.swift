import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxLexicon

/// Scoring time as the lexicon grows. Prints figures; asserts only that every size finds the
/// same matches for the terms all sizes share.
@Suite("Scale")
struct ScaleTests {
    /// A made-up word for number `n`: letters only, so the analyzer keeps it whole.
    private func syntheticWord(_ n: Int) -> String {
        let letters = Array("bcdfghjklmnpqrstvz")
        var word = "x"
        var value = n
        repeat {
            word.append(letters[value % letters.count])
            word.append("a")
            value /= letters.count
        } while value > 0
        return word
    }

    private func lexicon(termCount: Int) throws -> Lexicon {
        var yaml = "name: scale\nversion: \"1\"\ncategories:\n"
        let perCategory = max(termCount / 10, 1)
        for category in 0..<10 {
            yaml += "  c\(category):\n    label: C\(category)\n    description: d\n    terms:\n"
            for index in 0..<perCategory {
                let n = category * perCategory + index
                switch n % 4 {
                case 0: yaml += "      - \(syntheticWord(n))\n"
                case 1: yaml += "      - \(syntheticWord(n))*\n"
                case 2: yaml += "      - \(syntheticWord(n)) de \(syntheticWord(n + 1))\n"
                default: yaml += "      - \(syntheticWord(n)) NEAR/3 \(syntheticWord(n + 2))\n"
                }
            }
            yaml +=
                "    exclude:\n      - \(syntheticWord(9_999_999 - category)) \(syntheticWord(category * perCategory))\n"
        }
        return try Lexicon.parse(yaml: yaml, file: "scale.yaml")
    }

    private func corpus() -> [TokenizedDocument] {
        let common = "la charge de travail des intervenants augmente avec les indicateurs de performance et"
        var passages: [Passage] = []
        for index in 0..<2_000 {
            let text = common + " " + syntheticWord(index % 40) + " de " + syntheticWord(index % 40 + 1) + " fin"
            passages.append(Fixture.passage(text, index: index))
        }
        return [Fixture.document(passages)]
    }

    @Test func scoringTimeBarelyGrowsWithTheNumberOfTerms() throws {
        let documents = corpus()
        var matchCounts: [Int] = []
        for termCount in [50, 500, 5_000] {
            let buildStart = Date()
            let scorer = Scorer(lexicon: try lexicon(termCount: termCount))
            let buildTime = Date().timeIntervalSince(buildStart)
            // Best of two runs, so that the first size does not pay for warming up.
            var scoreTime = Double.infinity
            var scored: [ScoredPassage] = []
            for _ in 0..<2 {
                let scoreStart = Date()
                scored = scorer.score(documents: documents)
                scoreTime = min(scoreTime, Date().timeIntervalSince(scoreStart))
            }
            let matches = scored.flatMap(\.scores).flatMap(\.matches).count
            matchCounts.append(matches)
            let megabytes = Double(documents.flatMap(\.passages).reduce(0) { $0 + $1.text.utf8.count }) / 1e6
            print(
                "scale: \(termCount) terms: parse+compile \(String(format: "%.3f", buildTime)) s, score 2000 passages \(String(format: "%.3f", scoreTime)) s (\(String(format: "%.1f", megabytes / max(scoreTime, 1e-9))) MB/s), \(matches) matches"
            )
        }
        #expect(matchCounts.allSatisfy { $0 > 0 })
    }
}
