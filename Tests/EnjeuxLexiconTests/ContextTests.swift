import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxLexicon

/// The domain-context factor (`context:` section) and the footnote factor.
@Suite("Domain context")
struct ContextTests {
    static func yaml(passageFloor: Double = 0.5, documentFloor: Double = 0.2, documentShare: Double = 0.5) -> String {
        """
        name: test
        version: "1"
        context:
          description: Le réseau public.
          passage_floor: \(passageFloor)
          document_floor: \(documentFloor)
          document_share: \(documentShare)
          terms:
            - "intervenant*"
            - services sociaux
        categories:
          autonomie:
            label: Autonomie
            description: Test
            terms:
              - autonomie
        """
    }

    static func lexicon(_ yaml: String = ContextTests.yaml()) throws -> Lexicon {
        try Lexicon.parse(yaml: yaml, file: "context.yaml")
    }

    static func autonomyScores(_ documents: [TokenizedDocument], lexicon: Lexicon) -> [String: Double] {
        var result: [String: Double] = [:]
        for passage in Scorer(lexicon: lexicon).score(documents: documents) {
            result[passage.passageId] = passage.scores.first { $0.category == "autonomie" }?.score
        }
        return result
    }

    @Test func sectionIsReadWithItsFactors() throws {
        let lexicon = try Self.lexicon()
        let context = try #require(lexicon.context)
        #expect(context.terms.map(\.text) == ["intervenant*", "services sociaux"])
        #expect(context.passageFloor == 0.5 && context.documentFloor == 0.2 && context.documentShare == 0.5)
        #expect(lexicon.warnings.isEmpty)
    }

    @Test func factorsFollowTheDocumentedFormula() {
        let context = LexiconContext(terms: [], passageFloor: 0.9, documentFloor: 0.1, documentShare: 0.25)
        #expect(context.passageFactor(matches: 0) == 0.9)
        #expect(context.passageFactor(matches: 3) == 1)
        #expect(context.documentFactor(passages: 10, withContext: 0) == 0.1)
        #expect(abs(context.documentFactor(passages: 10, withContext: 1) - (0.1 + 0.9 * 0.16)) < 1e-12)
        #expect(context.documentFactor(passages: 4, withContext: 1) == 1)
        #expect(context.documentFactor(passages: 10, withContext: 9) == 1)
        #expect(context.documentFactor(passages: 0, withContext: 0) == 1)
    }

    @Test func badFactorsAndWeightsAreReported() {
        let tooBig = Self.yaml(passageFloor: 1.5)
        #expect(
            LexiconChecker.check(yaml: tooBig, file: "c.yaml").contains {
                $0.severity == .error && $0.message.contains("passage_floor") && $0.line == 5
            })
        let weighted = Self.yaml().replacingOccurrences(
            of: "- services sociaux", with: "- {term: services sociaux, weight: 2}")
        #expect(
            LexiconChecker.check(yaml: weighted, file: "c.yaml").contains {
                $0.severity == .error && $0.message.contains("weight")
            })
        let noTerms =
            "name: t\nversion: \"1\"\ncontext:\n  passage_floor: 0.5\ncategories:\n  a:\n    label: A\n    description: A\n    terms: [x]\n"
        #expect(LexiconChecker.check(yaml: noTerms, file: "c.yaml").contains { $0.message.contains("no 'terms'") })
    }

    @Test func passagesWithoutContextScoreLessAndContributionsStillAddUp() throws {
        let lexicon = try Self.lexicon()
        let with = Fixture.passage("Les intervenants défendent leur autonomie face aux gestionnaires.", index: 0)
        let without = Fixture.passage("Les joueurs défendent leur autonomie face aux gestionnaires.", index: 1)
        let document = Fixture.document([with, without])
        let scored = Scorer(lexicon: lexicon).score(documents: [document])
        let scores = Self.autonomyScores([document], lexicon: lexicon)
        let high = try #require(scores["p0"])
        let low = try #require(scores["p1"])
        // Same words and length; the document (1 of 2 passages with context) is not damped.
        #expect(abs(low - high * 0.5) < 0.0002)
        for passage in scored {
            for score in passage.scores {
                let sum = score.matches.reduce(0) { $0 + $1.contribution }
                #expect(abs(sum - score.score) < 1e-9)
            }
        }
    }

    @Test func documentsThatNeverMentionTheContextAreDamped() throws {
        let lexicon = try Self.lexicon()
        let inDomain = Fixture.document(
            [
                Fixture.passage("Les services sociaux manquent de moyens depuis des années.", index: 0),
                Fixture.passage("Les cadres mesurent tout et réduisent notre autonomie au travail.", index: 1),
            ], id: "reseau")
        let outside = Fixture.document(
            [
                Fixture.passage("La piste était enneigée et glissante tout le long du parcours.", index: 0),
                Fixture.passage("Les cadres mesurent tout et réduisent notre autonomie au travail.", index: 1),
            ], id: "course")
        let scorer = Scorer(lexicon: lexicon)
        let scored = scorer.score(documents: [inDomain, outside])
        let byDocument = Dictionary(
            scored.map { ($0.documentId, $0.scores.first { $0.category == "autonomie" }?.score ?? 0) },
            uniquingKeysWith: max)
        let relevant = try #require(byDocument["reseau"])
        let distractor = try #require(byDocument["course"])
        // Both passages lack context terms (factor 0.5); only the second document is damped (0.2).
        #expect(abs(distractor - relevant * 0.2) < 0.0002)

        // The two-pass API with document ids gives the same scores; without them, no document factor.
        var statistics = scorer.emptyStatistics()
        for document in [inDomain, outside] {
            for passage in document.passages { scorer.record(passage, document: document.id, into: &statistics) }
        }
        #expect(statistics.contextByDocument["course"] == DocumentContextCount(passages: 2, withContext: 0))
        #expect(statistics.contextByDocument["reseau"] == DocumentContextCount(passages: 2, withContext: 1))
        let twoPass = scorer.score(passage: outside.passages[1], document: "course", statistics: statistics)
        #expect(twoPass.first?.score == distractor)
        let undamped = scorer.score(passage: outside.passages[1], statistics: statistics)
        #expect(undamped.first?.score == relevant)
    }

    @Test func statisticsMergePerDocumentCounts() throws {
        let scorer = Scorer(lexicon: try Self.lexicon())
        let passages = [
            Fixture.passage("Les intervenants et leur autonomie.", index: 0),
            Fixture.passage("Une autonomie sans contexte.", index: 1),
        ]
        var whole = scorer.emptyStatistics()
        for passage in passages { scorer.record(passage, document: "d", into: &whole) }
        var first = scorer.emptyStatistics()
        scorer.record(passages[0], document: "d", into: &first)
        var second = scorer.emptyStatistics()
        scorer.record(passages[1], document: "d", into: &second)
        first.merge(second)
        #expect(first == whole)
    }

    @Test func lexiconsWithoutContextAreUnchanged() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie"])
        #expect(lexicon.context == nil)
        let passage = Fixture.passage("Les joueurs défendent leur autonomie face aux gestionnaires.")
        let scorer = Scorer(lexicon: lexicon)
        let document = Fixture.document([passage])
        let oneCall = scorer.score(documents: [document]).first?.scores
        let statistics = scorer.statistics(documents: [document])
        #expect(oneCall == scorer.score(passage: passage, statistics: statistics))
    }

    @Test func footnotesScoreLessThanBodyText() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie"])
        let body = Fixture.passage(
            "Les intervenantes revendiquent une véritable autonomie dans leur pratique.", index: 0)
        var note = Fixture.passage(
            "Les intervenantes revendiquent une véritable autonomie dans leur pratique.", index: 1)
        note.blockKind = .footnote
        note.id = "p1"
        let scores = Self.autonomyScores([Fixture.document([body, note])], lexicon: lexicon)
        let bodyScore = try #require(scores["p0"])
        let noteScore = try #require(scores["p1"])
        #expect(abs(noteScore - bodyScore * ScoringParameters().footnoteFactor) < 0.0002)
    }
}
