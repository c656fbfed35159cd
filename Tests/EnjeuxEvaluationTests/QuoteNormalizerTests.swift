import EnjeuxEvaluation
import Testing

@Suite struct QuoteNormalizerTests {
    @Test func examplesOfTheEvaluationSet() {
        #expect(
            QuoteNormalizer.normalize(
                "Le comité observe une tendance à la rédaction de notes très brèves, calquées sur les catégories du système d'information statistique"
            )
                == "le comite observe une tendance a la redaction de notes tres breves calquees sur les categories du systeme d information statistique"
        )
        #expect(QuoteNormalizer.normalize("l’Ordre") == "l ordre")
        #expect(QuoteNormalizer.normalize("professionnel·le·s") == "professionnel le s")
        #expect(QuoteNormalizer.normalize("12\u{00A0}%") == "12")
    }

    @Test func compatibilityFormsCaseFoldingAndMarks() {
        #expect(QuoteNormalizer.normalize("ﬁnancement") == "financement")
        #expect(QuoteNormalizer.normalize("1ᵉʳ") == "1er")
        #expect(QuoteNormalizer.normalize("Straße") == "strasse")
        #expect(QuoteNormalizer.normalize("ÉCOLE") == "ecole")
        #expect(QuoteNormalizer.normalize("E\u{0301}cole") == "ecole")
        #expect(QuoteNormalizer.normalize("x²") == "x2")
    }

    @Test func ligaturesWithoutDecompositionStay() {
        #expect(QuoteNormalizer.normalize("marge de manœuvre") == "marge de manœuvre")
        #expect(QuoteNormalizer.normalize("Œuvre") == "œuvre")
        #expect(QuoteNormalizer.normalize("manœuvre") != QuoteNormalizer.normalize("manoeuvre"))
    }

    @Test func separatorsCollapseAndTrim() {
        #expect(QuoteNormalizer.normalize("  « Bonjour » — dit-il…\n\tFin.  ") == "bonjour dit il fin")
        #expect(QuoteNormalizer.normalize("organisa- tionnelle") == "organisa tionnelle")
        #expect(QuoteNormalizer.normalize("?!…") == "")
    }
}
