import EnjeuxFrench
import EnjeuxText
import Testing

/// Pins every selection of the function-word table to the lists it replaced (`FunctionWords`,
/// `FrenchStopwords`, `SuggestionFinder.commonWords`, the tokenizer's elisions and clitics).
@Suite("French function words: selections equal the former lists")
struct FrenchFunctionWordTests {
    static let oldSkippable: [String] = [
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "au", "aux", "à", "a",
        "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers",
        "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
    ]
    static let oldAll: [String] =
        oldSkippable + [
            "et", "ou", "qui", "que", "qu'", "qu’", "quoi", "dont", "où", "y", "ne", "n'", "n’", "pas", "plus", "se",
            "s'", "s’", "c'", "c’", "j'", "j’", "m'", "m’", "t'", "t’", "il", "elle", "ils", "elles", "on", "nous",
            "vous", "je", "tu", "est", "sont", "être", "avoir", "mon", "ma", "mes", "ton", "ta", "tes", "tout", "tous",
            "toute", "toutes", "si", "mais", "donc", "car", "ni", "or", "comme",
        ]
    static let oldCommonWords: [String] = [
        "avait", "avoir", "aussi", "autre", "autres", "bien", "cela", "celle", "celles", "celui", "ceux", "ici", "déjà",
        "encore", "été", "fait", "faire", "font", "peut", "peuvent", "plusieurs", "selon", "soit", "sont", "très",
        "trop", "même", "mêmes", "lors", "dont", "après", "avant", "alors", "ainsi", "chaque", "depuis", "doit",
        "doivent", "entre", "était", "étaient", "sera", "seront", "serait", "ont", "qui", "quand", "non", "oui",
        "parce", "puis", "pendant", "moins", "beaucoup", "peu", "fois", "cas", "aucun", "aucune", "elle", "elles",
        "nous", "vous", "leur", "leurs", "notre", "votre", "ceci", "partie", "part", "façon", "manière", "chose",
        "lorsque", "comment", "pourquoi", "toujours", "jamais", "souvent", "plutôt", "cependant", "toutefois",
    ]
    static let oldStopwords: [String] = [
        "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "mon", "ma", "mes",
        "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "quel", "quelle",
        "quels", "quelles", "chaque", "plusieurs", "certains", "certaines", "quelques", "aucun", "aucune", "tout",
        "toute", "tous", "toutes",
        "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "te", "se", "moi", "toi", "soi",
        "lui", "eux", "y", "en", "qui", "que", "quoi", "dont", "ou", "lequel", "laquelle", "lesquels", "lesquelles",
        "auquel", "duquel", "celui", "celle", "ceux", "celles", "ceci", "cela", "ca", "rien", "personne",
        "quiconque", "-t-il", "-t-elle", "-t-on", "-il", "-elle", "-on", "-ils", "-elles", "-je", "-tu", "-nous",
        "-vous", "-ce", "-moi", "-toi", "-le", "-la", "-les", "-lui", "-leur", "-y", "-en",
        "a", "de", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers", "contre", "depuis",
        "pendant", "avant", "apres", "selon", "malgre", "parmi", "envers", "hors", "via", "jusque", "des", "lors",
        "aupres", "afin", "outre", "durant",
        "et", "ou", "mais", "donc", "or", "ni", "car", "si", "comme", "quand", "lorsque", "puisque", "quoique",
        "parce", "tandis", "soit", "ainsi", "alors", "cependant", "pourtant", "toutefois",
        "etre", "suis", "es", "est", "sommes", "etes", "sont", "etait", "etaient", "etais", "etions", "etiez",
        "sera", "seront", "serait", "seraient", "serai", "seras", "serons", "serez", "fut", "furent", "soit",
        "soient", "sois", "soyons", "soyez", "ete", "etant", "avoir", "ai", "as", "avons", "avez", "ont", "avait",
        "avaient", "avais", "avions", "aviez", "aura", "auront", "aurait", "auraient", "aurai", "auras", "aurons",
        "aurez", "eu", "eut", "eurent", "ait", "aient", "aie", "aies", "ayant", "ayons", "ayez",
        "ne", "pas", "plus", "moins", "tres", "trop", "peu", "bien", "aussi", "encore", "deja", "meme", "memes",
        "non", "oui", "ici", "la", "autre", "autres", "tel", "telle", "tels", "telles", "dont", "etc",
        "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "presqu'",
    ]
    static let oldElisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]
    static let oldClitics: Set<String> = [
        "je", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous", "le", "la", "les", "lui", "leur",
        "moi", "toi", "y", "en", "ce",
    ]

    @Test("each selection equals the list it replaced, word for word")
    func selectionsEqualFormerLists() {
        #expect(FrenchFunctionWords.skippable.count == Self.oldSkippable.count)
        #expect(Set(FrenchFunctionWords.skippable) == Set(Self.oldSkippable))
        #expect(FrenchFunctionWords.notATerm.count == Self.oldAll.count)
        #expect(Set(FrenchFunctionWords.notATerm) == Set(Self.oldAll))
        #expect(FrenchFunctionWords.uninformative.count == Self.oldCommonWords.count)
        #expect(Set(FrenchFunctionWords.uninformative) == Set(Self.oldCommonWords))
        let analyzer = FrenchAnalyzer()
        #expect(Set(FrenchFunctionWords.stopwords.map(analyzer.normalize)) == Set(Self.oldStopwords))
        #expect(FrenchFunctionWords.elisions == Self.oldElisions)
        #expect(FrenchFunctionWords.clitics == Self.oldClitics)
        #expect(
            FrenchFunctionWords.elisionPrefixesBeforeQu
                == ["jus", "lors", "puis", "quoi", "pres"].map { $0.unicodeScalars.map(\.value) })
    }

    @Test("each word is in the table once")
    func wordsAreUnique() {
        let spellings = FrenchFunctionWords.table.map(\.spelling)
        #expect(Set(spellings).count == spellings.count)
    }
}
