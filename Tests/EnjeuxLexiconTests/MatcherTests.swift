import EnjeuxText
import Testing

@testable import EnjeuxLexicon

@Suite("Matching")
struct MatcherTests {
    @Test func wordMatchesEveryFormWithTheSameStem() throws {
        let lexicon = try Fixture.lexicon(terms: ["indicateur"])
        let stem = FrenchAnalyzer().stem(FrenchAnalyzer().normalize("indicateur"))
        // A stemmer that conflates the plural with the singular, as Snowball does.
        let passage = Fixture.handPassage([("Les", nil), ("indicateurs", stem), ("changent", nil)])
        #expect(Fixture.matchedTexts(lexicon, passage) == ["indicateurs"])
        let other = Fixture.handPassage([("Les", nil), ("indicateurs", "autre-racine"), ("changent", nil)])
        #expect(Fixture.matchedTexts(lexicon, other).isEmpty)
    }

    @Test func wordMatchIgnoresCase() throws {
        let lexicon = try Fixture.lexicon(terms: ["efficience"])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("L'EFFICIENCE avant tout")) == ["EFFICIENCE"])
    }

    @Test func prefixGlobMatchesOnTheNormalisedForm() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonom*"])
        let passage = Fixture.passage("Une Autonomie réelle, des professionnels autonomes, un automate.")
        #expect(Fixture.matchedTexts(lexicon, passage) == ["Autonomie", "autonomes"])
    }

    @Test func exactFormIsCaseSensitive() throws {
        let lexicon = try Fixture.lexicon(terms: ["=GMF", "=Lean"])
        let passage = Fixture.passage("Les GMF et la méthode Lean, pas les gmf ni une viande lean.")
        #expect(Fixture.matchedTexts(lexicon, passage) == ["GMF", "Lean"])
    }

    @Test func phraseNeedsConsecutiveWords() throws {
        let lexicon = try Fixture.lexicon(terms: ["tableau de bord"])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("Le tableau de bord du service")) == ["tableau de bord"])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("Le tableau noir de bord")).isEmpty)
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("Le tableau du bord")).isEmpty)
    }

    @Test func phraseWithOptionalArticle() throws {
        let lexicon = try Fixture.lexicon(terms: ["\"protection [du] public\""])
        #expect(
            Fixture.matchedTexts(lexicon, Fixture.passage("la protection du public prime")) == ["protection du public"])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("la protection public prime")) == ["protection public"])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("la protection des publics")).isEmpty)
    }

    @Test func optionalGroupWithSeveralWords() throws {
        let lexicon = try Fixture.lexicon(terms: ["\"réduction [de la|des] dépenses\""])
        let passage = Fixture.passage("la réduction de la dépenses, la réduction dépenses")
        #expect(Fixture.matchedTexts(lexicon, passage) == ["réduction de la dépenses", "réduction dépenses"])
    }

    @Test func flexiblePhraseSkipsArticlesAndPrepositions() throws {
        let lexicon = try Fixture.lexicon(terms: ["{term: perte autonomie, flexible: true}"])
        let passage = Fixture.passage("une perte de l'autonomie, une perte autonomie, une perte grave autonomie")
        #expect(Fixture.matchedTexts(lexicon, passage) == ["perte de l'autonomie", "perte autonomie"])
    }

    @Test func nearFindsBothSidesWithinTheDistance() throws {
        let lexicon = try Fixture.lexicon(terms: ["charge NEAR/3 travail"])
        let close = Fixture.passage("la charge de leur travail augmente")
        #expect(Fixture.matchedTexts(lexicon, close) == ["charge de leur travail"])
        let reversed = Fixture.passage("le travail et sa charge")
        #expect(Fixture.matchedTexts(lexicon, reversed) == ["travail et sa charge"])
        let far = Fixture.passage("la charge est lourde et variable selon le travail")
        #expect(Fixture.matchedTexts(lexicon, far).isEmpty)
    }

    @Test func nearStaysInsideOneSentence() throws {
        let lexicon = try Fixture.lexicon(terms: ["charge NEAR/5 travail"])
        let passage = Fixture.handPassage([("la", nil), ("charge", nil), (".", nil), ("Le", nil), ("travail", nil)])
        #expect(Fixture.matchedTexts(lexicon, passage).isEmpty)
    }

    @Test func overlappingExclusionCancelsTheMatch() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie"], exclude: ["\"autonomie [de] [la] batterie\""])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("l'autonomie de la batterie est faible")).isEmpty)
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("l'autonomie du professionnel")) == ["autonomie"])
    }

    @Test func sentenceExclusionCancelsOnlyItsSentence() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie"], exclude: ["{term: drone*, scope: sentence}"])
        let passage = Fixture.handPassage([
            ("autonomie", nil), ("des", nil), ("drones", nil), (".", nil), ("autonomie", nil), ("clinique", nil),
        ])
        let texts = Fixture.matchedTexts(lexicon, passage)
        #expect(texts == ["autonomie"])
        let scorer = Scorer(lexicon: lexicon)
        let score = scorer.score(
            passage: passage, statistics: scorer.statistics(documents: [Fixture.document([passage])]))
        #expect(score.first?.matches.first?.start == 23)
    }

    @Test func globalExclusionAppliesToEveryCategory() throws {
        let yaml = """
            name: g
            version: "1"
            exclude:
              - {term: lean startup, flexible: true}
            categories:
              optimisation:
                label: Optimisation
                description: d
                terms: [lean]
            """
        let lexicon = try Lexicon.parse(yaml: yaml, file: "g.yaml")
        let passage = Fixture.passage("la méthode lean startup puis le lean en santé")
        #expect(Fixture.matchedTexts(lexicon, passage, category: "optimisation") == ["lean"])
    }

    @Test func requiredGroupNeedsOneOfItsAlternatives() throws {
        let lexicon = try Fixture.lexicon(terms: ["\"latitude NEAR/4 (intervenant*|professionnel*)\""])
        #expect(
            Fixture.matchedTexts(lexicon, Fixture.passage("la latitude des intervenants")) == [
                "latitude des intervenants"
            ])
        #expect(Fixture.matchedTexts(lexicon, Fixture.passage("la latitude des pilotes")).isEmpty)
    }

    @Test func requiredGroupCanStartATerm() throws {
        let lexicon = try Fixture.lexicon(terms: ["\"(perte|recul) autonomie\""])
        let passage = Fixture.passage("un recul autonomie et une perte autonomie mais pas une hausse autonomie")
        #expect(Fixture.matchedTexts(lexicon, passage) == ["recul autonomie", "perte autonomie"])
    }

    @Test func termThatContainsTheExclusionSurvivesIt() throws {
        let lexicon = try Fixture.lexicon(
            terms: ["{term: signalement NEAR/3 protection jeunesse}", "protection"], exclude: ["protection jeunesse"])
        let texts = Fixture.matchedTexts(
            lexicon, Fixture.passage("un signalement à la protection jeunesse puis la protection jeunesse"))
        #expect(texts == ["signalement à la protection jeunesse"])
    }

    @Test func longerTermWinsOverAnOverlappingShorterOne() throws {
        let lexicon = try Fixture.lexicon(terms: ["autonomie", "autonomie professionnelle"])
        let texts = Fixture.matchedTexts(lexicon, Fixture.passage("leur autonomie professionnelle recule"))
        #expect(texts == ["autonomie professionnelle"])
    }
}
