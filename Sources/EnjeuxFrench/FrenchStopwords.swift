/// French stopwords: function words (articles, pronouns, prepositions, conjunctions, auxiliary
/// forms of être and avoir, frequent adverbs), as normalised forms (lowercase, accents folded,
/// straight apostrophe), so they compare directly with `Token.norm` under the default options.
package enum FrenchStopwords {
    /// The stopword set.
    package static let words: Set<String> = Set(
        articlesAndDeterminers + pronouns + prepositions + conjunctions
            + etreAndAvoir + adverbs + elided)

    /// Whether a normalised form is a stopword.
    package static func contains(_ norm: String) -> Bool { words.contains(norm) }

    static let articlesAndDeterminers = [
        "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "mon", "ma", "mes",
        "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "quel", "quelle",
        "quels", "quelles", "chaque", "plusieurs", "certains", "certaines", "quelques", "aucun", "aucune", "tout",
        "toute", "tous", "toutes",
    ]
    static let pronouns = [
        "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "te", "se", "moi", "toi", "soi",
        "lui", "eux", "y", "en", "qui", "que", "quoi", "dont", "ou", "lequel", "laquelle", "lesquels", "lesquelles",
        "auquel", "duquel", "celui", "celle", "ceux", "celles", "ceci", "cela", "ca", "rien", "personne",
        "quiconque", "-t-il", "-t-elle", "-t-on", "-il", "-elle", "-on", "-ils", "-elles", "-je", "-tu", "-nous",
        "-vous", "-ce", "-moi", "-toi", "-le", "-la", "-les", "-lui", "-leur", "-y", "-en",
    ]
    static let prepositions = [
        "a", "de", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers", "contre", "depuis",
        "pendant", "avant", "apres", "selon", "malgre", "parmi", "envers", "hors", "via", "jusque", "des", "lors",
        "aupres", "afin", "outre", "durant",
    ]
    static let conjunctions = [
        "et", "ou", "mais", "donc", "or", "ni", "car", "si", "comme", "quand", "lorsque", "puisque", "quoique",
        "parce", "tandis", "soit", "ainsi", "alors", "cependant", "pourtant", "toutefois",
    ]
    static let etreAndAvoir = [
        "etre", "suis", "es", "est", "sommes", "etes", "sont", "etait", "etaient", "etais", "etions", "etiez",
        "sera", "seront", "serait", "seraient", "serai", "seras", "serons", "serez", "fut", "furent", "soit",
        "soient", "sois", "soyons", "soyez", "ete", "etant", "avoir", "ai", "as", "avons", "avez", "ont", "avait",
        "avaient", "avais", "avions", "aviez", "aura", "auront", "aurait", "auraient", "aurai", "auras", "aurons",
        "aurez", "eu", "eut", "eurent", "ait", "aient", "aie", "aies", "ayant", "ayons", "ayez",
    ]
    static let adverbs = [
        "ne", "pas", "plus", "moins", "tres", "trop", "peu", "bien", "aussi", "encore", "deja", "meme", "memes",
        "non", "oui", "ici", "la", "autre", "autres", "tel", "telle", "tels", "telles", "dont", "etc",
    ]
    static let elided = [
        "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "presqu'",
    ]

    /// Capitalised words that, after `;` or `:`, open a new sentence (lowercase, accents kept).
    package static let sentenceOpeners: Set<String> = [
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "en", "il", "elle", "ils", "elles", "on", "ce",
        "cet", "cette", "ces", "c'", "qu'", "que", "dans", "pour", "par", "sur", "au", "aux", "à", "depuis", "après",
        "avant", "mais", "puis", "ainsi", "cependant", "naturellement", "enfin", "toutefois", "nous", "je", "j'",
        "son", "sa", "ses", "leur", "leurs",
    ]
}
