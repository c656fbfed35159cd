/// French function words: the articles and prepositions a flexible phrase may skip, and the
/// wider set that cannot identify an issue on its own.
package enum FunctionWords {
    /// Most function-word tokens a flexible phrase skips between two of its elements.
    package static let maximumGap = 2

    /// Articles, contracted articles, prepositions and elided forms (a flexible phrase skips them).
    package static let skippable: [String] = [
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "au", "aux", "à", "a",
        "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers",
        "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
    ]

    /// Every word too common to be a term by itself.
    package static let all: [String] =
        skippable + [
            "et", "ou", "qui", "que", "qu'", "qu’", "quoi", "dont", "où", "y", "ne", "n'", "n’", "pas", "plus", "se",
            "s'",
            "s’",
            "c'", "c’", "j'", "j’", "m'", "m’", "t'", "t’", "il", "elle", "ils", "elles", "on", "nous", "vous", "je",
            "tu", "est", "sont", "être", "avoir", "mon", "ma", "mes", "ton", "ta", "tes", "tout", "tous", "toute",
            "toutes", "si", "mais", "donc", "car", "ni", "or", "comme",
        ]
}
