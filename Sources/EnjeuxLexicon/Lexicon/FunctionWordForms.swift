import EnjeuxFrench
import EnjeuxText

extension Lexicon {
    /// The normalised forms of the French function words (articles, prepositions, pronouns,
    /// conjunctions, common auxiliaries) under this lexicon's normalisation: words too common
    /// to be a term by themselves.
    package var functionWordForms: Set<String> {
        Self.functionWordForms(FrenchFunctionWords.notATerm, by: FrenchAnalyzer(options: analyzerOptions))
    }

    /// The normalised forms of `words` under an analyzer's options.
    package static func functionWordForms(_ words: [String], by analyzer: FrenchAnalyzer) -> Set<String> {
        var forms = Set<String>()
        for word in words {
            forms.insert(analyzer.normalize(word))
            for token in analyzer.tokens(in: word) { forms.insert(token.norm) }
        }
        return forms
    }
}
