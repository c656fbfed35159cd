/// The selections of the function-word table each user reads, built once.
extension FrenchFunctionWords {
    /// Words a flexible phrase may skip between two of its words: articles, contracted
    /// articles, the commonest prepositions, demonstratives and most possessives. Read by the
    /// lexicon's term syntax and compiled matcher.
    package static let skippable: [String] = spellings { $0.uses.contains(.skippable) }

    /// Words too common to be a lexicon term by themselves (the skippable ones included).
    /// Read by the lexicon's term syntax and by the suggestion finder.
    package static let notATerm: [String] = spellings { !$0.uses.isDisjoint(with: [.skippable, .notATerm]) }

    /// Further words the suggestion finder ignores: frequent enough to be key in any small
    /// set of passages without saying anything of an issue.
    package static let uninformative: [String] = spellings { $0.uses.contains(.uninformative) }

    /// The stopword list, with the hyphenated forms of the clitics (`-il`, `-t-il`): spellings,
    /// to compare by their normalised forms. Read by tests.
    package static let stopwords: [String] =
        spellings { $0.uses.contains(.stopword) }
        + table.filter { $0.roles.contains(.clitic) }.map { "-" + $0.spelling }
        + table.filter { $0.roles.contains(.euphonicT) }.map { "-t-" + $0.spelling }

    /// Pronouns split from a verb after a hyphen (`donne-moi`, `a-t-il`, `est-ce`). Read by the tokenizer.
    package static let clitics = Set(table.filter { $0.roles.contains(.clitic) }.map(\.spelling))

    /// Elided words without their apostrophe: `l`, `qu`, `jusqu`… The tokenizer matches them by
    /// their letters (`elisionPrefixesBeforeQu` and single letters); tests check it splits each one.
    package static let elisions = Set(elidedStems)

    /// What comes before `qu` in the longer elided words (`jusqu`, `lorsqu`…), as scalars.
    /// Read by the tokenizer.
    package static let elisionPrefixesBeforeQu: [[UInt32]] = elidedStems.filter { $0.hasSuffix("qu") && $0.count > 2 }
        .map { $0.dropLast(2).unicodeScalars.map(\.value) }

    private static let elidedStems = table.filter { $0.roles.contains(.elided) }.map { String($0.spelling.dropLast()) }

    /// The spellings of the selected words; an elided form is given with both apostrophes
    /// (`l'`, `l’`): an analyzer that does not unify punctuation keeps the typographic one.
    private static func spellings(where isSelected: (FrenchFunctionWord) -> Bool) -> [String] {
        table.filter(isSelected).flatMap { word in
            guard word.roles.contains(.elided) else { return [word.spelling] }
            return [word.spelling, String(word.spelling.dropLast()) + "\u{2019}"]
        }
    }
}
