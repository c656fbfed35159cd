import EnjeuxFrench
import EnjeuxText
import Testing

/// The selections of the function-word table, pinned: they replaced `FunctionWords`,
/// `FrenchStopwords` and `SuggestionFinder.commonWords` with the same words (outputs depend on
/// them), so their sizes, some members and their inclusions are checked.
@Suite("French function words: the table's selections")
struct FrenchFunctionWordTests {
    let analyzer = FrenchAnalyzer()

    @Test("each selection keeps its size and members")
    func selections() {
        #expect(FrenchFunctionWords.skippable.count == 40)
        #expect(Set(FrenchFunctionWords.skippable).count == 40)
        #expect(FrenchFunctionWords.notATerm.count == 96)
        #expect(Set(FrenchFunctionWords.notATerm).count == 96)
        #expect(FrenchFunctionWords.uninformative.count == 82)
        #expect(Set(FrenchFunctionWords.stopwords.map(analyzer.normalize)).count == 248)
        #expect(FrenchFunctionWords.clitics.count == 19)
        #expect(FrenchFunctionWords.elisions.count == 14)

        for word in ["le", "l'", "l’", "d’", "à", "a", "en", "ces", "leurs", "vos"] {
            #expect(FrenchFunctionWords.skippable.contains(word), "\(word)")
        }
        for word in ["mon", "tes", "et", "qu'", "jusqu'", "être"] {
            #expect(!FrenchFunctionWords.skippable.contains(word), "\(word)")
        }
        for word in ["être", "avoir", "est", "sont", "où", "qu’", "t'", "comme", "toutes"] {
            #expect(FrenchFunctionWords.notATerm.contains(word), "\(word)")
        }
        for word in ["suis", "jusqu'", "lorsque", "ça"] { #expect(!FrenchFunctionWords.notATerm.contains(word)) }
        for word in ["façon", "plutôt", "doivent", "toutefois", "qui", "été"] {
            #expect(FrenchFunctionWords.uninformative.contains(word), "\(word)")
        }
        #expect(
            FrenchFunctionWords.elisionPrefixesBeforeQu.map { String(decoding: $0, as: UTF32.self) } == [
                "jus", "lors", "puis", "quoi", "pres",
            ])
    }

    @Test("skippable ⊂ not a term ⊂ stopwords (normalised); clitics and elided forms are stopwords")
    func inclusions() {
        let stopwords = Set(FrenchFunctionWords.stopwords.map(analyzer.normalize))
        #expect(Set(FrenchFunctionWords.skippable).isSubset(of: FrenchFunctionWords.notATerm))
        #expect(Set(FrenchFunctionWords.notATerm.map(analyzer.normalize)).isSubset(of: stopwords))
        for clitic in FrenchFunctionWords.clitics {
            #expect(stopwords.isSuperset(of: [clitic, "-" + clitic].map(analyzer.normalize)), "\(clitic)")
        }
        #expect(stopwords.isSuperset(of: ["-t-il", "-t-elle", "-t-on", "ca", "etre", "deja", "ou", "des"]))
        #expect(Set(FrenchFunctionWords.elisions.map { $0 + "'" }).isSubset(of: stopwords))
        for word in FrenchFunctionWords.notATerm where word.hasSuffix("'") {
            #expect(FrenchFunctionWords.notATerm.contains(word.dropLast() + "’"), "\(word)")
        }
    }

    @Test("each word is in the table once, lowercase, with at least one role and one use")
    func table() {
        let spellings = FrenchFunctionWords.table.map(\.spelling)
        #expect(Set(spellings).count == spellings.count)
        for word in FrenchFunctionWords.table {
            #expect(word.spelling == word.spelling.lowercased() && !word.roles.isEmpty && !word.uses.isEmpty)
        }
    }
}
