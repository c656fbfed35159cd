import Testing

@testable import EnjeuxLexicon

@Suite("Dictionary importers")
struct ImporterTests {
    @Test func quantedaNestedKeysBecomeCategories() throws {
        let yaml = """
            Gestion:
              Indicateurs:
                - statistique*
                - tableau de bord
              Lean:
                - lean
                - kaizen
            Accès aux services:
              - liste d'attente
              - "délai?"
              - "*attente"
            """
        let lexicon = try QuantedaDictionary.parse(yaml: yaml, file: "dict.yml")
        #expect(lexicon.categories.map(\.id) == ["gestion.indicateurs", "gestion.lean", "acces-aux-services"])
        #expect(lexicon.categories.map(\.label) == ["Gestion › Indicateurs", "Gestion › Lean", "Accès aux services"])
        #expect(lexicon.name == "dict")
        let first = try #require(lexicon.categories.first?.terms.first)
        #expect(first.pattern == .sequence(TermSequence(elements: [.prefix("statistique")], flexible: false)))
        #expect(
            lexicon.categories[1].terms.first?.pattern
                == .sequence(TermSequence(elements: [.norm("lean")], flexible: false)))
        // `délai?` and `*attente` use wildcards the lexicon does not have: warnings at their lines.
        #expect(lexicon.warnings.map(\.line) == [10, 11])
        #expect(lexicon.warnings.first?.column == 5)
        #expect(lexicon.categories[2].terms.count == 1)
    }

    @Test func quantedaImportScoresLikeAnyLexicon() throws {
        let lexicon = try QuantedaDictionary.parse(yaml: "lean:\n  - lean\n  - kaizen\n", file: "d.yml")
        let texts = Fixture.matchedTexts(lexicon, Fixture.passage("Un atelier kaizen et le Lean"), category: "lean")
        #expect(texts == ["kaizen", "Lean"])
    }

    @Test func quantedaRejectsANonMapping() {
        #expect(throws: LexiconError.self) { try QuantedaDictionary.parse(yaml: "- a\n- b\n", file: "d.yml") }
    }

    @Test func liwcHeaderAndWords() throws {
        let dic = "%\n1\ttravail\n2\tsanté mentale\n%\ncharge\t1\nsurcharg*\t1\t2\népuisement\t2\t9\n"
        let lexicon = try LIWCDictionary.parse(text: dic, file: "fr.dic")
        #expect(lexicon.categories.map(\.id) == ["travail", "sante-mentale"])
        #expect(lexicon.categories.map(\.label) == ["travail", "santé mentale"])
        #expect(lexicon.categories[0].terms.map(\.text) == ["charge", "surcharg*"])
        #expect(lexicon.categories[1].terms.map(\.text) == ["surcharg*", "épuisement"])
        #expect(
            lexicon.categories[0].terms[1].pattern
                == .sequence(TermSequence(elements: [.prefix("surcharg")], flexible: false)))
        // Category 9 is not in the header: a warning at its column.
        let warning = try #require(lexicon.warnings.first)
        #expect(warning.line == 7 && warning.column == 14)
    }

    @Test func liwcWithoutHeaderIsAnError() {
        do {
            _ = try LIWCDictionary.parse(text: "charge\t1\n", file: "x.dic")
            Issue.record("accepted a file without header")
        } catch {
            #expect(error.diagnostics.first?.line == 1)
        }
    }

    @Test func liwcUnclosedHeaderIsAnError() {
        do {
            _ = try LIWCDictionary.parse(text: "\n%\n1\ttravail\ncharge\t1\n", file: "x.dic")
            Issue.record("accepted an unclosed header")
        } catch {
            #expect(error.diagnostics.first?.line == 2)
            #expect(error.diagnostics.first?.message.contains("never closed") == true)
        }
    }
}
