import EnjeuxFrench
import Foundation

/// A name as CSL-JSON stores it: a person in parts (`family`, `given`, particles), or an
/// organisation as one `literal` string that citation processors never split or abbreviate.
public struct CSLName: Sendable, Hashable {
    public var family: String?
    public var given: String?
    /// A particle dropped when the family name stands alone (`Alexis de Tocqueville` → `Tocqueville`).
    public var droppingParticle: String?
    public var literal: String?

    public init(family: String? = nil, given: String? = nil, droppingParticle: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.droppingParticle = droppingParticle
        self.literal = literal
    }

    /// An organisation's name.
    public static func organisation(_ name: String) -> CSLName { CSLName(literal: name) }
}

extension CSLName {
    /// The CSL form of an author: an organisation by its whole name without the acronym in
    /// parentheses that may end it (APA spells a group author out in the reference list); a
    /// person by family name (as cited) and given names, a French `de`/`d’` between them kept
    /// as a dropping particle.
    public init(_ author: AuthorName) {
        switch author.kind {
        case .organisation:
            let base = AuthorName.removingTrailingAcronym(author.fullName)
            self.init(literal: base.isEmpty ? author.fullName : base)
        case .person:
            self = Self.person(author)
        }
    }

    private static func person(_ author: AuthorName) -> CSLName {
        let family = author.family ?? author.fullName
        let commaParts = author.fullName.split(separator: ",", maxSplits: 1).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if commaParts.count == 2 {
            // Written `Family, Given`: both parts as written.
            return CSLName(family: commaParts[0], given: commaParts[1].isEmpty ? nil : commaParts[1])
        }
        let words = author.fullName.split(whereSeparator: \.isWhitespace).map(String.init)
        let familyWords = family.split(whereSeparator: \.isWhitespace).map(String.init)
        guard familyWords.count < words.count, Array(words.suffix(familyWords.count)) == familyWords else {
            return CSLName(family: family)
        }
        var givenWords = Array(words.dropLast(familyWords.count))
        var particles: [String] = []
        while givenWords.count > 1, let last = givenWords.last, FrenchOrganisationWords.droppedParticles.contains(last)
        {
            particles.insert(last, at: 0)
            givenWords.removeLast()
        }
        return CSLName(
            family: family, given: givenWords.joined(separator: " "),
            droppingParticle: particles.isEmpty ? nil : particles.joined(separator: " "))
    }
}
