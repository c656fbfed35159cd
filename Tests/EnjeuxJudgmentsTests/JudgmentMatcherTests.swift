import EnjeuxJudgments
import Testing

@Suite struct JudgmentMatcherTests {
    static let passages = [
        JudgeablePassage(passageId: "p1", source: "a.pdf", text: "La cible est fixée à cinq interventions par jour."),
        JudgeablePassage(
            passageId: "p2", source: "a.pdf",
            text: "Les intervenantes perdent leur latitude clinique. Elles le disent au comité."),
        JudgeablePassage(passageId: "p3", source: "b.html", text: "La cible est fixée à cinq interventions par jour."),
    ]

    static func judgment(_ quote: String, id: String, source: String = "a.pdf") -> Judgment {
        Judgment(
            source: source, category: "indicateurs", grade: 2, quote: quote, page: nil, passageId: id, judge: "m",
            time: "2026-12-07T11:20:05Z")
    }

    @Test func aJudgmentFindsItsPassageByIdOrByText() {
        let matcher = JudgmentMatcher(passages: Self.passages)
        #expect(
            matcher.attach(Self.judgment("La cible est fixée à cinq interventions par jour.", id: "p1"))
                == .same(passageId: "p1"))
        // Re-extracted: the id changed, the text did not (typography aside).
        #expect(
            matcher.attach(Self.judgment("La cible est fixée à cinq interventions par jour", id: "old"))
                == .same(passageId: "p1"))
        // Same text in another document: the source decides.
        #expect(
            matcher.attach(
                Self.judgment("La cible est fixée à cinq interventions par jour.", id: "old", source: "b.html"))
                == .same(passageId: "p3"))
    }

    @Test func aJudgmentFollowsItsTextIntoANewPassageBoundary() {
        let matcher = JudgmentMatcher(passages: Self.passages)
        // The judged passage was one sentence; the passage now holds two.
        #expect(
            matcher.attach(Self.judgment("Les intervenantes perdent leur latitude clinique.", id: "old"))
                == .overlapping(passageId: "p2"))
    }

    @Test func aJudgmentWhosePassageIsGoneIsMissing() {
        let matcher = JudgmentMatcher(passages: Self.passages)
        #expect(matcher.attach(Self.judgment("Un paragraphe retiré du document.", id: "p9")) == .missing)
        #expect(matcher.attach(Self.judgment("Elles le disent.", id: "p2")) == .missing)
        #expect(
            matcher.attach(
                Self.judgment("La cible est fixée à cinq interventions par jour.", id: "p1", source: "c.pdf"))
                == .missing)
    }
}
