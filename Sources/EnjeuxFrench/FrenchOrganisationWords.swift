/// Words that name an organisation rather than a person (`Ministère de la Santé…`), French
/// and English. Read by the citations, which cite an organisation by its whole name.
package enum FrenchOrganisationWords {
    /// Lowercase with accents folded, as `TextFingerprint.normalisedWords` gives them.
    package static let words: Set<String> = [
        "agence", "alliance", "association", "bureau", "centre", "coalition", "collectif", "comite", "commissaire",
        "commission", "confederation", "conseil", "direction", "federation", "gouvernement", "government",
        "institut", "institute", "ministere", "ministry", "observatoire", "office", "ordre", "protecteur",
        "regroupement", "reseau", "secretariat", "syndicat", "universite", "university", "verificateur",
    ]
}
