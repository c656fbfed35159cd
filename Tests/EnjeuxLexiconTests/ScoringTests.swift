import EnjeuxModel
import Testing

@testable import EnjeuxLexicon

@Suite("Scoring")
struct ScoringTests {
    private func scores(_ lexicon: Lexicon, _ passages: [Passage]) -> [String: [CategoryScore]] {
        let scorer = Scorer(lexicon: lexicon)
        let statistics = scorer.statistics(documents: [Fixture.document(passages)])
        var result: [String: [CategoryScore]] = [:]
        for passage in passages { result[passage.id] = scorer.score(passage: passage, statistics: statistics) }
        return result
    }

    private let filler = Array(repeating: "la réunion a eu lieu hier au bureau", count: 6)

    @Test func contributionsAddUpToTheScore() throws {
        let lexicon = try Fixture.lexicon(terms: [
            "autonomie", "jugement clinique", "latitude", "{term: marge de manœuvre, weight: 2}",
        ])
        let passages =
            [
                Fixture.passage(
                    "L'autonomie et le jugement clinique, la latitude, la marge de manœuvre et encore l'autonomie.",
                    index: 0),
                Fixture.passage("Une latitude certaine.", index: 1),
            ] + filler.enumerated().map { Fixture.passage($1, index: $0 + 2) }
        for (_, categoryScores) in scores(lexicon, passages) {
            for score in categoryScores {
                let sum = score.matches.map(\.contribution).reduce(0, +)
                #expect(abs(sum - score.score) < 1e-9)
                #expect(score.matches.allSatisfy { ($0.contribution * 10_000).rounded() == $0.contribution * 10_000 })
            }
        }
        let first = try #require(scores(lexicon, passages)["p0"]?.first)
        #expect(first.matches.count == 5)
        #expect(first.score > 0)
    }

    @Test func repeatedHitsSaturate() throws {
        let lexicon = try Fixture.lexicon(terms: ["latitude"])
        let once = Fixture.passage(
            "la latitude " + Array(repeating: "du travail", count: 9).joined(separator: " "), index: 0)
        let tenTimes = Fixture.passage(Array(repeating: "la latitude", count: 10).joined(separator: " "), index: 1)
        let result = scores(lexicon, [once, tenTimes] + filler.enumerated().map { Fixture.passage($1, index: $0 + 2) })
        let one = try #require(result["p0"]?.first?.score)
        let ten = try #require(result["p1"]?.first?.score)
        #expect(ten > one)
        #expect(ten < 3 * one)
        #expect(ten < 10 * one)
    }

    @Test func distinctTermsScoreMoreThanOneRepeatedTerm() throws {
        let lexicon = try Fixture.lexicon(terms: ["latitude", "discrétion"])
        let repeated = Fixture.passage("latitude latitude réunion", index: 0)
        let distinct = Fixture.passage("latitude discrétion réunion", index: 1)
        let balance = Fixture.passage("discrétion latitude bureau", index: 2)
        let result = scores(lexicon, [repeated, distinct, balance])
        let r = try #require(result["p0"]?.first?.score)
        let d = try #require(result["p1"]?.first?.score)
        #expect(d > r)
    }

    @Test func rarerTermScoresMore() throws {
        let lexicon = try Fixture.lexicon(terms: ["latitude", "discrétion"])
        var passages = [
            Fixture.passage("une latitude réelle", index: 0), Fixture.passage("une discrétion réelle", index: 1),
        ]
        for index in 2..<8 { passages.append(Fixture.passage("une latitude encore", index: index)) }
        let result = scores(lexicon, passages)
        let common = try #require(result["p0"]?.first?.score)
        let rare = try #require(result["p1"]?.first?.score)
        #expect(rare > common)
    }

    @Test func weightMultipliesTheContribution() throws {
        let light = try Fixture.lexicon(terms: ["latitude"])
        let heavy = try Fixture.lexicon(terms: ["{term: latitude, weight: 2}"])
        let passages = [Fixture.passage("une latitude réelle", index: 0), Fixture.passage("autre chose", index: 1)]
        let one = try #require(scores(light, passages)["p0"]?.first?.score)
        let two = try #require(scores(heavy, passages)["p0"]?.first?.score)
        #expect(abs(two - 2 * one) < 0.0002)
    }

    @Test func longerPassageScoresSomewhatLess() throws {
        let lexicon = try Fixture.lexicon(terms: ["latitude"])
        let sentence = "une latitude réelle pour les intervenants du réseau public dans leur travail"
        let short = Fixture.passage(sentence, index: 0)
        let long = Fixture.passage(
            sentence + " " + Array(repeating: "et du travail", count: 20).joined(separator: " "), index: 1)
        let result = scores(lexicon, [short, long])
        let s = try #require(result["p0"]?.first?.score)
        let l = try #require(result["p1"]?.first?.score)
        #expect(l < s)
        #expect(l > s / 3)
    }

    @Test func fragmentsShorterThanTenWordsAreScaledDown() throws {
        let lexicon = try Fixture.lexicon(terms: ["latitude"])
        let heading = Fixture.passage("Redonner de la latitude", index: 0)
        let sentence = Fixture.passage(
            "Il faut redonner de la latitude aux équipes qui travaillent dans ces services", index: 1)
        let result = scores(lexicon, [heading, sentence])
        let h = try #require(result["p0"]?.first?.score)
        let s = try #require(result["p1"]?.first?.score)
        #expect(h < s)
    }

    @Test func excludedPassagesScoreNothing() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie"], exclude: ["{term: autonomie batterie, flexible: true}"])
        let passages = [Fixture.passage("l'autonomie de la batterie", index: 0)]
        #expect(scores(lexicon, passages)["p0"]?.isEmpty == true)
        #expect(Scorer(lexicon: lexicon).score(documents: [Fixture.document(passages)]).isEmpty)
    }

    @Test func scoringIsDeterministicAndTwoPhaseEqualsOneCall() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie", "latitude", "jugement clinique"])
        let passages = (0..<5).map { Fixture.passage("autonomie \($0) latitude et jugement clinique", index: $0) }
        let document = Fixture.document(passages)
        let scorer = Scorer(lexicon: lexicon)
        let once = scorer.score(documents: [document])
        #expect(once == scorer.score(documents: [document]))
        var statistics = scorer.emptyStatistics()
        for passage in passages { scorer.record(passage, into: &statistics) }
        #expect(statistics.passageCount == 5)
        var half = scorer.emptyStatistics()
        scorer.record(passages[0], into: &half)
        var rest = scorer.emptyStatistics()
        for passage in passages.dropFirst() { scorer.record(passage, into: &rest) }
        half.merge(rest)
        #expect(half == statistics)
        #expect(once.map(\.scores) == passages.map { scorer.score(passage: $0, statistics: statistics) })
    }

    @Test func matchesReportSurfaceTextAndOffsets() throws {
        let lexicon = try Fixture.lexicon(terms: ["jugement clinique"])
        let passage = Fixture.passage("Son « jugement  clinique » compte.", index: 0)
        let match = try #require(scores(lexicon, [passage])["p0"]?.first?.matches.first)
        #expect(match.text == "jugement  clinique")
        #expect(match.start == 6 && match.end == 24)
        #expect(match.term == "jugement clinique")
    }
}
