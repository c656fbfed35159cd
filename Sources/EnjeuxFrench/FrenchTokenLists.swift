/// Word lists of the French tokenizer and sentence splitter: words kept whole and abbreviations
/// (elided forms and clitics are selections of `FrenchFunctionWords`).
package enum FrenchTokenLists {
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
