import EnjeuxFrench
import EnjeuxModel
import Foundation

/// An author–date citation in French (`(Tremblay et Roy, 2016, p. 12)`) and its reference line.
package struct Citation: Sendable, Hashable {
    /// The in-text citation, parentheses included.
    package var inText: String
    /// The full reference: authors, year, title, publisher or site, URL.
    package var reference: String
    /// True when the metadata was incomplete (no author, no year, no real title) and a person
    /// should check the citation before quoting it.
    package var needsCheck: Bool

    package init(inText: String, reference: String, needsCheck: Bool) {
        self.inText = inText
        self.reference = reference
        self.needsCheck = needsCheck
    }

    /// Cites a passage of `document` at `location`. A nil document (unknown to the score set)
    /// is cited by `source` and flagged.
    package static func make(document: DocumentSummary?, source: String, location: PageLocation) -> Citation {
        let metadata = document?.metadata ?? DocumentMetadata()
        let names = metadata.authors.map(AuthorName.init).filter { !$0.fullName.isEmpty }
        let year = metadata.date.flatMap(Self.year(in:))
        let title = nonEmpty(metadata.title)
        let publisher = nonEmpty(metadata.publisher)
        let url = nonEmpty(metadata.url)
        let fileName = source.split(separator: "/").last.map(String.init) ?? source
        let titleIsGuess = title == nil || metadata.titleSource == .fileName

        let citedAuthor: String
        let referenceLead: String
        var leadIsTitle = false
        var leadIsPublisher = false
        if !names.isEmpty {
            citedAuthor = shortAuthors(names)
            referenceLead = fullAuthors(names.map(\.fullName))
        } else if let publisher {
            citedAuthor = publisher
            referenceLead = publisher
            leadIsPublisher = true
        } else {
            citedAuthor = title ?? fileName
            referenceLead = citedAuthor
            leadIsTitle = true
        }

        let yearText = year ?? "s.d."
        var parts = [citedAuthor, yearText]
        if let pages = location.citationText { parts.append(pages) }
        let inText = "(" + parts.joined(separator: ", ") + ")"

        var reference = "\(referenceLead) (\(yearText))."
        if !leadIsTitle { reference += " " + sentence(title ?? fileName) }
        let site = publisher ?? (location.isPaged ? nil : url.flatMap { URL(string: $0)?.host })
        if let site, !leadIsPublisher { reference += " " + sentence(site) }
        if let url { reference += " " + url }

        return Citation(
            inText: inText, reference: reference,
            needsCheck: names.isEmpty || year == nil || titleIsGuess || document == nil
                || names.contains { !$0.isCertain })
    }

    /// `Nom` for one author, `Nom et Nom` for two, `Nom et al.` for three or more (APA in
    /// French); an organisation stands by its whole name.
    static func shortAuthors(_ names: [AuthorName]) -> String {
        let cited = names.map(\.cited)
        switch cited.count {
        case 0: return ""
        case 1: return cited[0]
        case 2: return "\(cited[0]) et \(cited[1])"
        default: return "\(cited[0]) et al."
        }
    }

    /// Every author as written, separated by commas (semicolons when a name has a comma) and
    /// `et` before the last.
    package static func fullAuthors(_ authors: [String]) -> String {
        guard let last = authors.last else { return "" }
        guard authors.count > 1 else { return last }
        let separator = authors.contains { $0.contains(",") } ? "; " : ", "
        return authors.dropLast().joined(separator: separator) + " et " + last
    }

    /// The publication year of an ISO 8601 date (`2016-04-01`, `2016`), or the first plausible
    /// four-digit year in a free-form date.
    package static func year(in date: String) -> String? {
        var run = ""
        for character in date + " " {
            if character.isASCII && character.isNumber {
                run.append(character)
                continue
            }
            if run.count == 4, let value = Int(run), (1000...2999).contains(value) { return run }
            run = ""
        }
        return nil
    }

    private static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!…".contains(last) ? text : text + "."
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let value = trimmed(text)
        return value.isEmpty ? nil : value
    }
}
