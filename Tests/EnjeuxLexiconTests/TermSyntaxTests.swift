import EnjeuxText
import Testing

@testable import EnjeuxLexicon

@Suite("Term syntax")
struct TermSyntaxTests {
    let analyzer = FrenchAnalyzer()

    private func stem(_ word: String) -> TermElement { .stem(analyzer.stem(analyzer.normalize(word))) }

    private func onlyTerm(_ yamlItem: String) throws -> LexiconTerm {
        let lexicon = try Fixture.lexicon(terms: [yamlItem])
        return try #require(lexicon.categories.first?.terms.first)
    }

    @Test func plainWordIsMatchedOnItsStem() throws {
        let term = try onlyTerm("indicateur")
        #expect(term.pattern == .sequence(TermSequence(elements: [stem("indicateur")], flexible: false)))
        #expect(term.weight == 1)
        #expect(term.position == SourcePosition(line: 8, column: 9))
    }

    @Test func trailingStarIsAPrefixGlobOnTheNormalisedForm() throws {
        let term = try onlyTerm("Autonom*")
        #expect(term.pattern == .sequence(TermSequence(elements: [.prefix("autonom")], flexible: false)))
    }

    @Test func equalsSignIsAnExactSurfaceForm() throws {
        let term = try onlyTerm("=GMF")
        #expect(term.pattern == .sequence(TermSequence(elements: [.exact("GMF")], flexible: false)))
    }

    @Test func phraseWithOptionalGroup() throws {
        let term = try onlyTerm("indicateurs [de|du] performance")
        let expected = TermSequence(
            elements: [stem("indicateurs"), .optional([[stem("de")], [stem("du")]]), stem("performance")],
            flexible: false)
        #expect(term.pattern == .sequence(expected))
    }

    @Test func parenthesesMakeARequiredGroup() throws {
        let term = try onlyTerm("\"(perte|recul) [de] autonomie\"")
        let expected = TermSequence(
            elements: [.choice([[stem("perte")], [stem("recul")]]), .optional([[stem("de")]]), stem("autonomie")],
            flexible: false)
        #expect(term.pattern == .sequence(expected))
    }

    @Test func flexiblePhraseDropsItsArticles() throws {
        let term = try onlyTerm("{term: \"charge de travail\", flexible: true}")
        #expect(term.pattern == .sequence(TermSequence(elements: [stem("charge"), stem("travail")], flexible: true)))
    }

    @Test func nearHasTwoSidesAndADistance() throws {
        let term = try onlyTerm("charge NEAR/5 travail")
        let left = TermSequence(elements: [stem("charge")], flexible: false)
        let right = TermSequence(elements: [stem("travail")], flexible: false)
        #expect(term.pattern == .near(left, right, distance: 5))
    }

    @Test func mappingFormCarriesWeightAndUnstemmedOption() throws {
        let term = try onlyTerm("{term: efficience, weight: 2.5, stem: false}")
        #expect(term.weight == 2.5)
        #expect(term.pattern == .sequence(TermSequence(elements: [.norm("efficience")], flexible: false)))
        #expect(term.text == "efficience")
    }

    @Test func normalizationSwitchesMapToAnalyzerOptions() throws {
        let yaml = """
            name: n
            version: "2"
            normalization:
              fold_accents: false
              stem: false
            categories:
              a:
                label: A
                description: d
                terms: [mot]
            """
        let lexicon = try Lexicon.parse(yaml: yaml, file: "n.yaml")
        #expect(lexicon.analyzerOptions.foldAccents == false)
        #expect(lexicon.analyzerOptions.stem == false)
        #expect(lexicon.analyzerOptions.foldCase == true)
        #expect(
            lexicon.categories.first?.terms.first?.pattern
                == .sequence(TermSequence(elements: [.norm("mot")], flexible: false)))
    }

    @Test func exclusionScopeIsRead() throws {
        let lexicon = try Fixture.lexicon(
            terms: ["autonomie"], exclude: ["{term: drone*, scope: sentence}", "batterie"])
        let exclusions = try #require(lexicon.categories.first?.exclusions)
        #expect(exclusions.map(\.scope) == [.sentence, .overlap])
    }
}
