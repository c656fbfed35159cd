import EnjeuxModel
import EnjeuxText
import Testing

@testable import EnjeuxTuning

@Suite struct SuggestionFinderTests {
    let finder = SuggestionFinder(lexicon: TuningFixture.lexicon)
    let analyzer = FrenchAnalyzer()

    /// A passage and its columns, as the codec gives them, from plain text.
    func columns(_ text: String) -> (Passage, PassageTokenColumns, [(String, String)]) {
        let tokens = analyzer.tokens(in: text)
        var table: [(String, String)] = []
        var forms: [Int] = []
        for token in tokens {
            if let index = table.firstIndex(where: { $0 == (token.norm, token.stem) }) {
                forms.append(index)
            } else {
                forms.append(table.count)
                table.append((token.norm, token.stem))
            }
        }
        let passage = Passage(id: "p", index: 0, page: 3, blockKind: .paragraph, text: text, tokens: [])
        return (
            passage,
            PassageTokenColumns(
                start: tokens.map(\.start), end: tokens.map(\.end), kind: tokens.map(\.kind), form: forms),
            table
        )
    }

    @Test func logLikelihoodIsPositiveOnlyForOverUse() {
        #expect(SuggestionFinder.logLikelihood(10, 100, 10, 1000) > 0)
        #expect(SuggestionFinder.logLikelihood(1, 100, 100, 1000) < 0)
        // Same rate on both sides: no keyness.
        #expect(abs(SuggestionFinder.logLikelihood(10, 100, 100, 1000)) < 1e-9)
        // The classic example: 10 of 100 against 20 of 10,000 is strongly key.
        #expect(SuggestionFinder.logLikelihood(10, 100, 20, 10_000) > 40)
    }

    @Test func phrasesStopAtPunctuationAndFunctionWords() {
        let (_, cols, table) = columns("La reddition de comptes, les cibles du CISSS.")
        let grams = Set(finder.ngrams(SuggestionFinder.runs(cols, table: table)).map(\.key))
        #expect(grams.contains("reddit"))
        #expect(grams.contains("reddit de compt"))
        #expect(!grams.contains("reddit de"))  // ends with a function word
        #expect(!grams.contains("compt le cibl"))  // crosses the comma
        #expect(!grams.contains("la reddit"))
    }

    @Test func suggestsWhatTheTopPassagesOverUseAndTheLexiconLacks() {
        var counts = SuggestionFinder.Counts()
        let top = [
            ("a", "La reddition de comptes pèse sur le jugement clinique des intervenantes."),
            ("b", "Une reddition de comptes trimestrielle, et encore la reddition de comptes annuelle."),
        ]
        for (source, text) in top {
            let (passage, cols, table) = columns(text)
            finder.countTop(passage, columns: cols, table: table, source: source, into: &counts)
        }
        for text in top.map(\.1) + ["Le jardin communautaire ouvre en mai.", "Les intervenantes du quartier."] {
            let (_, cols, table) = columns(text)
            var flags = SuggestionFinder.FormFlags()
            finder.update(&flags, table: table, counts: counts)
            finder.countCorpus(cols, table: table, flags: flags, into: &counts)
        }
        let suggestions = finder.suggestions(counts, limit: 10)
        let texts = suggestions.map(\.text)
        #expect(texts.contains("reddition de comptes"))
        #expect(!texts.contains("jugement clinique"))  // already in the lexicon
        #expect(!texts.contains("intervenantes"))  // used in one top document only
        let first = suggestions.first { $0.text == "reddition de comptes" }
        #expect(first?.inTop == 3)
        #expect(first?.documents == 2)
        #expect(first?.source == "a")
        #expect(first?.example.contains("reddition de comptes") == true)
    }

    @Test func surfacesKeepAcronyms() {
        let scalars = Array("Les CISSS et la Loi".unicodeScalars)
        #expect(SuggestionFinder.surface(scalars, 0, scalars.count) == "les CISSS et la loi")
    }
}
