import EnjeuxFrench
import Foundation

/// An author as a citation needs it, as CSL models names: a person, cited by the family name,
/// or an organisation, cited by its whole name (CSL's `literal`).
///
/// Metadata keep authors as strings; an organisation's name may be written in braces
/// (`{CIUSSS des Deux-Rives}`, the BibTeX convention) to say so explicitly — the catalog and
/// CSL-JSON `literal` names are stored that way. Otherwise the kind is read from the name
/// (see `docs/evidence.md`), and `isCertain` says whether that reading can be trusted: a
/// citation built on an uncertain name is flagged « à vérifier ».
public struct AuthorName: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case person, organisation }

    public var kind: Kind
    /// The name as it should be written in full (braces and stray punctuation removed).
    public var fullName: String
    /// A person's family name as cited: in `Given Family` order a leading `de`/`d’` is dropped
    /// (`Alexis de Tocqueville` → `Tocqueville`), other particles kept (`Vincent van Gogh` → `van Gogh`).
    public var family: String?
    /// An organisation's acronym, when its name ends with one in parentheses (`… (RIIPLQ)`).
    public var acronym: String?
    /// False when the name could be either (one word, an organisation word in a two-word name…).
    public var isCertain: Bool

    /// How the name stands in an in-text citation: the family name, or the organisation's
    /// whole name with its acronym in brackets (APA: `Ordre des … [OTSTCFQ]`).
    public var cited: String {
        switch kind {
        case .person: return family ?? fullName
        case .organisation:
            guard let acronym else { return fullName }
            let base = Self.removingTrailingAcronym(fullName)
            return base.isEmpty ? acronym : "\(base) [\(acronym)]"
        }
    }

    /// Reads an author string.
    public init(_ raw: String) {
        let text = Self.cleaned(raw)
        if text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2 {
            let inner = Self.cleaned(String(text.dropFirst().dropLast()))
            self.init(organisation: inner, certain: true)
            return
        }
        if let person = Self.person(text) {
            self = person
            return
        }
        let words = Self.words(text)
        let certain = words.count > 1 || Self.isAcronym(text)
        self.init(organisation: text, certain: certain && Self.hasOrganisationSign(text))
    }

    private init(organisation name: String, certain: Bool) {
        kind = .organisation
        fullName = name
        family = nil
        acronym = Self.trailingAcronym(name)
        isCertain = certain
    }

    private init(person fullName: String, family: String, certain: Bool) {
        kind = .person
        self.fullName = fullName
        self.family = family
        acronym = nil
        isCertain = certain
    }

    /// An organisation for sure: braces, or a name that can only be one.
    public var isCertainOrganisation: Bool { kind == .organisation && isCertain }

    // MARK: - Reading a name

    /// The name as a person, or nil when it does not read as one.
    private static func person(_ text: String) -> AuthorName? {
        guard !text.isEmpty, !text.contains(where: \.isNumber), !hasTrailingAcronym(text) else { return nil }
        let commaParts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if commaParts.count == 2 {
            // `Family, Given`.
            let familyWords = words(commaParts[0])
            let givenWords = words(commaParts[1])
            guard (1...4).contains(familyWords.count), (1...4).contains(givenWords.count),
                (familyWords + givenWords).allSatisfy(isNameWord)
            else { return nil }
            // `Ministère de la Santé, Direction générale` is an organisation; `Bureau, Marc`
            // is a person whose family name is also an organisation word.
            let organisationWords = (familyWords + givenWords).filter(isOrganisationWord)
            if let first = familyWords.first, isOrganisationWord(first), familyWords.count > 1 { return nil }
            // Written `Family, Given`, the family name is cited as written, particle included
            // (`de Koninck, Luc` → `de Koninck`, as CSL's non-dropping particle).
            return AuthorName(
                person: text, family: familyWords.joined(separator: " "), certain: organisationWords.isEmpty)
        }
        guard commaParts.count == 1 else { return nil }
        let all = words(text)
        guard (2...5).contains(all.count), all.allSatisfy(isNameWord) else { return nil }
        if let first = all.first, isOrganisationWord(first) { return nil }
        let inside = all.dropFirst().filter(isOrganisationWord)
        if !inside.isEmpty && all.count >= 3 { return nil }
        // The family name: the last word with the particles before it (`Jean de La Fontaine`).
        var start = all.count - 1
        while start > 1, isParticle(all[start - 1]) || startsWithParticleCapital(all[start - 1], next: all[start]) {
            start -= 1
        }
        let capitalised = all.filter { !isParticle($0) }
        // An organisation word as the family name (`Marc Bureau`) or a name in capitals only
        // (`CLINIQUE SOCIALE`) reads as a person but might not be one.
        let allCapitals = capitalised.allSatisfy { $0 == $0.uppercased() && $0.count > 1 }
        let certain = inside.isEmpty && !allCapitals
        return AuthorName(person: text, family: citedFamily(Array(all[start...])), certain: certain)
    }

    /// A family name as cited: a leading `de`/`d’` is dropped (`de Tocqueville` → `Tocqueville`).
    private static func citedFamily(_ words: [String]) -> String {
        var words = words
        while words.count > 1, let first = words.first, FrenchOrganisationWords.droppedParticles.contains(first) {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// A capitalised particle that belongs to the family name (`De Koninck`, `Van Gogh`,
    /// `La Fontaine`) when a capitalised word follows.
    private static func startsWithParticleCapital(_ word: String, next: String) -> Bool {
        ["De", "Van", "Von", "La", "Le", "Du", "Des", "Di", "Da", "Del", "Dos", "Ten", "Ter"].contains(word)
            && next.first?.isUppercase == true
    }

    /// A word a person's name can hold: capitalised (hyphens, apostrophes and initials
    /// allowed: `Jean-Pierre`, `O’Neil`, `J.-P.`) or a lowercase particle.
    private static func isNameWord(_ word: String) -> Bool {
        if isParticle(word) { return true }
        guard let first = word.first, first.isUppercase else { return false }
        return word.allSatisfy { $0.isLetter || "-'’.".contains($0) }
    }

    private static func isParticle(_ word: String) -> Bool { FrenchOrganisationWords.nameParticles.contains(word) }

    private static func isOrganisationWord(_ word: String) -> Bool {
        FrenchOrganisationWords.words.contains(folded(word))
    }

    /// An organisation word, an acronym, a digit or an acronym in parentheses.
    private static func hasOrganisationSign(_ text: String) -> Bool {
        let all = words(text)
        return all.contains(where: isOrganisationWord) || all.contains(where: isAcronym)
            || text.contains(where: \.isNumber) || hasTrailingAcronym(text)
    }

    /// Two or more letters, all capitals (`CIUSSS`, `OIRHQ`), roman numerals aside.
    private static func isAcronym(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, letters == letters.uppercased() else { return false }
        return !letters.allSatisfy { "IVXLCDM".contains($0) }
    }

    // MARK: - Acronyms in parentheses

    private static func trailingAcronym(_ name: String) -> String? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        let inside = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        return isAcronym(inside) && !inside.contains(" ") ? inside : nil
    }

    private static func hasTrailingAcronym(_ name: String) -> Bool { trailingAcronym(name) != nil }

    /// The name without the acronym in parentheses that ends it (`… du Québec (RIIPLQ)` → `… du Québec`).
    static func removingTrailingAcronym(_ name: String) -> String {
        guard trailingAcronym(name) != nil, let open = name.lastIndex(of: "(") else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Text

    /// Whitespace collapsed; spaces and stray separators (`,`, `;`, `:`) trimmed at the ends.
    private static func cleaned(_ raw: String) -> String {
        let collapsed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
    }

    /// The words of a name, split at spaces, parentheses aside.
    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "(),;:"))
        }.filter { !$0.isEmpty }
    }

    /// Lowercase without accents, for comparing with `FrenchOrganisationWords`.
    private static func folded(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
