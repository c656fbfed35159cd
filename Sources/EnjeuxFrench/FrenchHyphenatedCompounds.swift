/// The halves of French words written with a hyphen (`peut-être`, `celui-ci`, `non-respect`).
/// Read by the PDF extractor to tell a compound's hyphen from a line-end hyphenation.
package enum FrenchHyphenatedCompounds {
    /// Second halves that make a compound with a hyphen, lowercase.
    package static let endings: Set<String> = [
        "ci", "là", "être", "même", "mêmes", "t-il", "t-elle", "t-on", "t-ils", "t-elles", "il", "elle", "on",
        "ils", "elles", "je", "tu", "nous", "vous", "moi", "toi", "lui", "eux", "leur", "y", "dessus", "dessous",
        "delà", "deçà",
    ]

    /// First halves that always take a hyphen before a word (`non-respect`), lowercase.
    package static let prefixes: Set<String> = [
        "non", "quasi", "socio", "ex", "néo", "vice", "demi", "semi", "médico", "sans", "nord", "sud",
    ]
}
