/// One entry of the French function-word table: a word, its grammatical roles, and the
/// selections of the pipeline it belongs to.
package struct FrenchFunctionWord: Sendable {
    /// Lowercase with its accents; an elided form ends in a straight apostrophe (`l'`).
    package let spelling: String
    package let roles: Roles
    package let uses: Uses

    package init(_ spelling: String, _ roles: Roles, _ uses: Uses) {
        self.spelling = spelling
        self.roles = roles
        self.uses = uses
    }

    /// What a word is in a sentence; a word may have several roles (`le` is an article and a
    /// pronoun, `soit` a conjunction and a form of être).
    package struct Roles: OptionSet, Sendable {
        package let rawValue: UInt32
        package init(rawValue: UInt32) { self.rawValue = rawValue }

        package static let article = Roles(rawValue: 1 << 0)
        /// `du`, `au`, `aux`: a preposition and an article in one word.
        package static let contractedArticle = Roles(rawValue: 1 << 1)
        package static let demonstrative = Roles(rawValue: 1 << 2)
        package static let possessive = Roles(rawValue: 1 << 3)
        /// Other determiners: `quel`, `chaque`, `tout`, `aucun`, `autre`, `tel`…
        package static let determiner = Roles(rawValue: 1 << 4)
        package static let pronoun = Roles(rawValue: 1 << 5)
        package static let preposition = Roles(rawValue: 1 << 6)
        package static let conjunction = Roles(rawValue: 1 << 7)
        /// A form of être, or of avoir (auxiliaries).
        package static let etre = Roles(rawValue: 1 << 8)
        package static let avoir = Roles(rawValue: 1 << 9)
        /// A frequent form of another verb (`fait`, `peut`, `doit`).
        package static let verb = Roles(rawValue: 1 << 10)
        package static let adverb = Roles(rawValue: 1 << 11)
        /// A general noun (`cas`, `fois`, `façon`).
        package static let noun = Roles(rawValue: 1 << 12)
        /// Written before a vowel without its last letter, with an apostrophe (`l'`, `qu'`, `jusqu'`).
        package static let elided = Roles(rawValue: 1 << 13)
        /// A pronoun that can follow a verb after a hyphen (`donne-moi`, `est-ce`, `va-t-on`).
        package static let clitic = Roles(rawValue: 1 << 14)
        /// A clitic subject that takes a euphonic `t` after a vowel (`a-t-il`).
        package static let euphonicT = Roles(rawValue: 1 << 15)
    }

    /// The selections a word belongs to (see `FrenchFunctionWords` for what reads each).
    package struct Uses: OptionSet, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }

        /// A flexible phrase may skip it between two of its words; implies `notATerm`.
        package static let skippable = Uses(rawValue: 1 << 0)
        /// Too common to be a lexicon term by itself.
        package static let notATerm = Uses(rawValue: 1 << 1)
        /// In the stopword list the tests use (compared by their normalised forms).
        package static let stopword = Uses(rawValue: 1 << 2)
        /// Key in any small set of passages without saying anything of an issue: the
        /// suggestion finder ignores it.
        package static let uninformative = Uses(rawValue: 1 << 3)
    }
}
