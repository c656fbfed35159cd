import EnjeuxModel
import Testing

@testable import EnjeuxEvidence

@Suite("Ranker")
struct RankerTests {
    private func ids(_ issue: RankedIssue) -> [String] { issue.passages.map(\.passage.passageId) }

    /// Distinct texts so that no passage is a duplicate of another.
    private func text(_ n: Int) -> String {
        "Passage numéro \(n) : " + (0..<12).map { "mot\(n)x\($0)" }.joined(separator: " ")
    }

    @Test func keepsOnlyScoresAboveTheThreshold() {
        let set = Fixture.scoreSet(
            documents: [Fixture.document("a")],
            passages: [
                Fixture.passage("a", 0, text(0), scores: ["autonomie": 0.4]),
                Fixture.passage("a", 1, text(1), scores: ["autonomie": 0.5]),
                Fixture.passage("a", 2, text(2), scores: ["autonomie": 0.6]),
                Fixture.passage("a", 3, text(3), scores: ["indicateurs": 0.9]),
            ])
        let strict = Ranker().rank(set)
        #expect(strict.count == 1)
        #expect(ids(strict[0]) == ["a-2"])
        #expect(strict[0].candidateCount == 1)
        let lower = Ranker(options: EvidenceOptions(scoreThreshold: 0.3)).rank(set)
        #expect(ids(lower[0]) == ["a-2", "a-1", "a-0"])
        #expect(lower[0].passages.map(\.rank) == [1, 2, 3])
    }

    @Test func cutsToTheMaximumKeepingTheBest() {
        let documents = (0..<8).map { Fixture.document("d\($0)") }
        let passages = (0..<8).map {
            Fixture.passage("d\($0)", 0, text($0), scores: ["autonomie": 0.55 + Double($0) * 0.05])
        }
        let issue = Ranker(options: EvidenceOptions(maximumPassages: 3)).rank(
            Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(issue) == ["d7-0", "d6-0", "d5-0"])
        #expect(issue.candidateCount == 8)
    }

    @Test func breaksTiesBySourceThenIndex() {
        let documents = [
            Fixture.document("x", source: "b/rapport.pdf"), Fixture.document("y", source: "a/rapport.pdf"),
        ]
        let passages = [
            Fixture.passage("x", 0, text(0), scores: ["autonomie": 0.7]),
            Fixture.passage("y", 5, text(1), scores: ["autonomie": 0.7]),
            Fixture.passage("y", 2, text(2), scores: ["autonomie": 0.7]),
            Fixture.passage("x", 1, text(3), scores: ["autonomie": 0.8]),
        ]
        let issue = Ranker().rank(Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(issue) == ["x-1", "y-2", "y-5", "x-0"])
        let reversed = Ranker().rank(Fixture.scoreSet(documents: documents.reversed(), passages: passages.reversed()))[
            0]
        #expect(ids(reversed) == ids(issue))
    }

    @Test func capsOneDocumentInTheTopRanksAndMovesTheRestBelow() {
        let documents = ["a", "b", "c", "d"].map { Fixture.document($0) }
        var passages: [ScoredPassage] = []
        for i in 0..<5 {
            passages.append(Fixture.passage("a", i, text(i), scores: ["autonomie": 0.99 - Double(i) * 0.01]))
        }
        for i in 0..<4 {
            passages.append(Fixture.passage("b", i, text(10 + i), scores: ["autonomie": 0.90 - Double(i) * 0.01]))
        }
        for i in 0..<4 {
            passages.append(Fixture.passage("c", i, text(20 + i), scores: ["autonomie": 0.80 - Double(i) * 0.01]))
        }
        for i in 0..<2 {
            passages.append(Fixture.passage("d", i, text(30 + i), scores: ["autonomie": 0.70 - Double(i) * 0.01]))
        }
        let issue = Ranker().rank(Fixture.scoreSet(documents: documents, passages: passages))[0]
        let order = ids(issue)
        #expect(order.count == 15)
        #expect(Array(order.prefix(10)) == ["a-0", "a-1", "a-2", "b-0", "b-1", "b-2", "c-0", "c-1", "c-2", "d-0"])
        #expect(Array(order.suffix(5)) == ["a-3", "a-4", "b-3", "c-3", "d-1"])
        #expect(issue.passages.map(\.rank) == Array(1...15))
        let uncapped = Ranker(options: EvidenceOptions(perDocumentCap: 10)).rank(
            Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(uncapped).prefix(5).allSatisfy { $0.hasPrefix("a-") })
    }

    @Test func capYieldsWhenTooFewDocuments() {
        let passages = (0..<5).map {
            Fixture.passage("a", $0, text($0), scores: ["autonomie": 0.9 - Double($0) * 0.01])
        }
        let issue = Ranker().rank(Fixture.scoreSet(documents: [Fixture.document("a")], passages: passages))[0]
        #expect(ids(issue) == ["a-0", "a-1", "a-2", "a-3", "a-4"])
    }

    @Test func showsExactDuplicatesOnceWithTheOtherSources() {
        let documents = [
            Fixture.document("a", source: "a.pdf"), Fixture.document("b", source: "b.html", format: .html),
        ]
        let passages = [
            Fixture.passage("b", 3, "LES ÉQUIPES — sont   épuisées…", scores: ["autonomie": 0.7]),
            Fixture.passage("a", 0, "Les équipes sont épuisées.", scores: ["autonomie": 0.9], page: 4),
            Fixture.passage("a", 1, "Les équipes sont fatiguées.", scores: ["autonomie": 0.6]),
        ]
        let issue = Ranker().rank(Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(issue) == ["a-0", "a-1"])
        #expect(
            issue.passages[0].alsoIn == [
                DuplicateSource(source: "b.html", documentId: "b", page: 1, isPaged: false, passageId: "b-3")
            ])
        #expect(issue.passages[1].alsoIn.isEmpty)
        #expect(issue.candidateCount == 3)
    }

    @Test func mergesNearDuplicatesButNotDifferentPassages() {
        let words = (0..<40).map { "terme\($0)" }
        let original = words.joined(separator: " ")
        let lastWordChanged = (words.dropLast() + ["autre"]).joined(separator: " ")
        var scattered = words
        for i in stride(from: 0, to: 40, by: 4) { scattered[i] = "changé\(i)" }
        let passages = [
            Fixture.passage("a", 0, original, scores: ["autonomie": 0.9]),
            Fixture.passage("b", 0, lastWordChanged, scores: ["autonomie": 0.8]),
            Fixture.passage("c", 0, scattered.joined(separator: " "), scores: ["autonomie": 0.7]),
        ]
        let documents = ["a", "b", "c"].map { Fixture.document($0) }
        let issue = Ranker().rank(Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(issue) == ["a-0", "c-0"])
        #expect(issue.passages[0].alsoIn.map(\.passageId) == ["b-0"])
        let strict = Ranker(options: EvidenceOptions(nearDuplicateSimilarity: 0.99)).rank(
            Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(strict) == ["a-0", "b-0", "c-0"])
    }

    @Test func listsDuplicatesFoundAfterTheListIsFull() {
        let documents = ["a", "b", "c"].map { Fixture.document($0) }
        let passages = [
            Fixture.passage("a", 0, "Le jugement clinique recule.", scores: ["autonomie": 0.9]),
            Fixture.passage("b", 0, "Autre chose entièrement.", scores: ["autonomie": 0.8]),
            Fixture.passage("c", 0, "le jugement clinique recule", scores: ["autonomie": 0.7]),
        ]
        let issue = Ranker(options: EvidenceOptions(maximumPassages: 1)).rank(
            Fixture.scoreSet(documents: documents, passages: passages))[0]
        #expect(ids(issue) == ["a-0"])
        #expect(issue.passages[0].alsoIn.map(\.passageId) == ["c-0"])
    }

    @Test func ranksIssuesInLexiconOrderWithTheirOwnScoresAndSortedMatches() {
        let set = Fixture.varied()
        let issues = Ranker().rank(set)
        #expect(issues.map(\.category.id) == ["autonomie", "indicateurs"])
        #expect(ids(issues[1]) == ["a-1", "a-0", "c-7"])
        #expect(issues[1].passages.map(\.score) == [0.95, 0.6, 0.55])
        for issue in issues {
            for passage in issue.passages {
                #expect(passage.matches.map(\.start) == passage.matches.map(\.start).sorted())
            }
        }
    }

    @Test func ignoresScoresThatAreNotNumbers() {
        let passages = [Fixture.passage("a", 0, text(0), scores: ["autonomie": .nan])]
        let issue = Ranker().rank(Fixture.scoreSet(documents: [Fixture.document("a")], passages: passages))[0]
        #expect(issue.passages.isEmpty)
    }

    @Test func similarityOfShingles() {
        let a = TextFingerprint(text: "un deux trois quatre", shingleSize: 3)
        let c0 = TextFingerprint(text: "un deux trois quatre cinq", shingleSize: 3)
        let b = TextFingerprint(text: "Un, DEUX; trois… quatre!", shingleSize: 3)
        #expect(TextFingerprint.normalisedText("Un, DEUX; trois… quatre!") == "un deux trois quatre")
        #expect(a.key == TextFingerprint.key(of: "un deux trois quatre"))
        #expect(a.key != c0.key)
        #expect(a == b)
        #expect(a.similarity(to: b) == 1)
        let c = TextFingerprint(text: "un deux trois cinq", shingleSize: 3)
        #expect(abs(a.similarity(to: c) - 1.0 / 3.0) < 1e-12)
        #expect(TextFingerprint(text: "ab c", shingleSize: 2) != TextFingerprint(text: "a bc", shingleSize: 2))
        #expect(TextFingerprint(text: "…", shingleSize: 3).shingles.isEmpty)
        #expect(TextFingerprint.normalisedText("Œuvre élevée") == "oeuvre elevee")
        let repeated = TextFingerprint(text: "a b a b a b", shingleSize: 2)
        #expect(repeated.shingles.count == 2 && repeated.shingles == repeated.shingles.sorted())
        #expect(repeated.similarity(to: TextFingerprint(text: "a b a", shingleSize: 2)) == 1)
    }
}
