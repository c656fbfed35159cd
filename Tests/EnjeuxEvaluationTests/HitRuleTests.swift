import EnjeuxEvaluation
import Testing

@Suite struct HitRuleTests {
    let quote = QuoteNormalizer.normalize(
        "Les intervenantes doivent saisir chaque rencontre dans le système statistique")

    @Test func aPassageThatContainsTheQuoteHits() {
        let passage = QuoteNormalizer.normalize(
            "Depuis janvier, les intervenantes doivent saisir chaque rencontre dans le système statistique. Rien d’autre."
        )
        #expect(HitRule.hits(passage: passage, quote: quote))
    }

    @Test func aLargeEnoughPieceOfTheQuoteHits() {
        let half = QuoteNormalizer.normalize("doivent saisir chaque rencontre dans le système statistique")
        #expect(half.count * 2 >= quote.count)
        #expect(HitRule.hits(passage: half, quote: quote))
        let small = QuoteNormalizer.normalize("le système statistique")
        #expect(!HitRule.hits(passage: small, quote: quote))
    }

    @Test func containmentIgnoresWordBoundaries() {
        #expect(
            HitRule.hits(
                passage: "xles intervenantes doivent saisir chaque rencontre dans le systeme statistiquey", quote: quote
            ))
    }

    @Test func differentTextDoesNotHit() {
        #expect(!HitRule.hits(passage: QuoteNormalizer.normalize("Une autre phrase entièrement."), quote: quote))
        #expect(!HitRule.hits(passage: "", quote: quote))
    }

    @Test func entriesMustComeFromTheSameDocument() {
        let gold = GoldLine(
            source: "a.pdf", category: "indicateurs", grade: 2,
            quote: "Les intervenantes doivent saisir chaque rencontre dans le système statistique", page: 1)
        let same = RankedEntry(category: "indicateurs", rank: 1, source: "a.pdf", page: 1, text: gold.quote)
        let other = RankedEntry(category: "indicateurs", rank: 1, source: "b.pdf", page: 1, text: gold.quote)
        #expect(HitRule.hits(same, gold))
        #expect(!HitRule.hits(other, gold))
    }
}
