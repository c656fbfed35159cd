import EnjeuxEvidence
import EnjeuxTuning
import Testing

/// A lexicon edit whose effect is known in advance: "jugement clinique" removed.
@Suite struct LexiconDiffTests {
    let old = TuningFixture.scoreSet([
        TuningFixture.passage("a", 0, [("jugement clinique", 9)]),  // 1st, then gone
        TuningFixture.passage("a", 1, [("latitude", 5)]),  // 3rd, then 1st
        TuningFixture.passage("b", 0, [("jugement clinique", 4), ("latitude", 3)]),  // 2nd, then 2nd with 3
        TuningFixture.passage("b", 1, [("latitude", 2)]),  // 4th, then 3rd: enters the top 3
    ])
    let new = TuningFixture.scoreSet([
        TuningFixture.passage("a", 0, []),
        TuningFixture.passage("a", 1, [("latitude", 5)]),
        TuningFixture.passage("b", 0, [("latitude", 3)]),
        TuningFixture.passage("b", 1, [("latitude", 2)]),
    ])

    @Test func knownEditGivesKnownChanges() throws {
        let diff = LexiconDiff.compare(old: old, new: new, top: 3)
        let issue = try #require(diff.issues.first)
        #expect(issue.left.map(\.passageId) == ["a-0"])
        #expect(issue.left.first?.oldRank == 1)
        #expect(issue.left.first?.newRank == nil)
        #expect(issue.left.first?.terms == [TermChange(term: "jugement clinique", old: 9, new: 0)])
        #expect(issue.entered.map(\.passageId) == ["b-1"])
        #expect(issue.entered.first?.oldRank == 4)
        #expect(issue.entered.first?.newRank == 3)
        #expect(issue.moved.map(\.passageId) == ["a-1"])
        #expect(issue.rescored.map(\.passageId) == ["b-0"])
        #expect(issue.rescored.first?.oldScore == 7)
        #expect(issue.rescored.first?.newScore == 3)
        #expect(issue.rescored.first?.terms == [TermChange(term: "jugement clinique", old: 4, new: 0)])
    }

    @Test func sameScoresGiveNoDifference() {
        let diff = LexiconDiff.compare(old: old, new: old, top: 3)
        #expect(diff.isEmpty)
        #expect(DiffReport.text(diff, oldName: "a.yaml", newName: "a.yaml").contains("Aucun changement"))
    }

    @Test func reportsNameTheTermsResponsible() {
        let diff = LexiconDiff.compare(old: old, new: new, top: 3)
        let text = DiffReport.text(diff, oldName: "ancien.yaml", newName: "nouveau.yaml")
        #expect(text.contains("1 entrent, 1 sortent, 1 bougent, 1 changent de score"))
        #expect(text.contains("−« jugement clinique » 9.00 → 0.00"))
        let html = DiffReport.html(diff, oldName: "ancien.yaml", newName: "<nouveau>.yaml")
        #expect(html.contains("&lt;nouveau&gt;.yaml"))
        #expect(html.contains("class=\"left\""))
        #expect(!html.contains("<script"))
    }
}
