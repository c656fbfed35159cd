/// Words that, capitalised after `;` or `:`, open a new sentence. Read by the sentence splitter.
package enum FrenchSentenceOpeners {
    /// Lowercase, accents kept.
    package static let words: Set<String> = [
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "en", "il", "elle", "ils", "elles", "on", "ce",
        "cet", "cette", "ces", "c'", "qu'", "que", "dans", "pour", "par", "sur", "au", "aux", "à", "depuis", "après",
        "avant", "mais", "puis", "ainsi", "cependant", "naturellement", "enfin", "toutefois", "nous", "je", "j'",
        "son", "sa", "ses", "leur", "leurs",
    ]
}
