/// Word lists of the French tokenizer: elided forms, inverted-pronoun clitics and abbreviations.
package enum FrenchTokenLists {
    /// Elided words, lowercase and without their apostrophe: `l’`, `qu’`, `jusqu’`…
    package static let elisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]

    /// What comes before `qu` in the longer elided words (`jusqu`, `lorsqu`…), as ASCII scalars.
    package static let elisionPrefixesBeforeQu: [[UInt32]] = ["jus", "lors", "puis", "quoi", "pres"].map {
        $0.unicodeScalars.map(\.value)
    }

    /// Pronouns split from a verb after a hyphen (`donne-moi`, `a-t-il`, `est-ce`), lowercase.
    package static let clitics: Set<String> = [
        "je", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous", "le", "la", "les", "lui", "leur",
        "moi", "toi", "y", "en", "ce",
    ]

    /// Elided words kept whole, lowercase with a straight apostrophe.
    package static let wholeElidedWords: Set<String> = [
        "c'est-à-dire", "l'on", "aujourd'hui", "prud'homme", "prud'hommes",
    ]

    /// Hyphenated words kept whole even though they end in a clitic-like part, lowercase.
    package static let hyphenatedWholeWords: Set<String> = ["rendez-vous", "vis-à-vis", "chez-nous", "chez-soi"]

    /// Abbreviations written with a final period, matched with their case (`M.`, `Mme.`, `Dr.`).
    package static let casedAbbreviations: Set<String> = [
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Dre", "Pr", "Me", "Mgr", "St", "Ste", "Mr", "Mrs", "Ms",
        "Jr", "Sr", "Inc", "Ltd", "Cie", "Co", "No", "Vol", "Art", "Chap", "Fig",
    ]

    /// Abbreviations written with a final period, matched in lowercase (`p.`, `art.`, `etc.`).
    package static let abbreviations: Set<String> = [
        "p", "pp", "art", "arts", "al", "etc", "chap", "vol", "vols", "no", "nos", "cf", "ex", "fig", "éd", "éds",
        "ed", "eds", "coll", "env", "av", "apr", "min", "max", "tél", "tel", "ibid", "id", "sq", "sqq", "suiv",
        "ch", "paragr", "par", "dir", "trad", "réf", "ref", "sect", "resp", "vs", "approx", "anc", "dép", "gén",
        "prof", "boul", "bd", "ave", "op", "cit", "nb", "ms", "mss", "hab", "ann", "inc", "ltée", "enr",
        "vv", "ff", "éq", "oct", "nov", "déc", "janv", "févr", "fév", "avr", "juil",
    ]

    /// Abbreviations that contain a space or a hyphen, kept as one token.
    package static let multipartAbbreviations: [[UInt32]] = [
        "c.-à-d.", "p. ex.", "op. cit.", "N. B.", "N.B.", "P.-S.", "p.ex.",
    ].map { $0.unicodeScalars.map(\.value) }

    /// Abbreviations after which a sentence may still end (`etc.` at the end of a list).
    package static let sentenceFinalAbbreviations: Set<String> = [
        "etc", "al", "ibid", "id", "min", "max", "inc", "ltée", "enr",
    ]
}
