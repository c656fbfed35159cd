import EnjeuxModel
import Foundation

extension CSLItem {
    /// The CSL-JSON item of a document, from the same metadata as its `Citation` (catalog
    /// applied): its authors as people or organisations; without authors, the publisher as the
    /// group author (APA: the organisation that publishes a report without named authors is its
    /// author); the year only; the title, else the file name; a PDF is a `report` (with its
    /// publisher), a web page a `webpage` (with its site's name). A nil document (unknown to
    /// the score set) is described by its file name.
    package static func make(document: DocumentSummary?, source: String) -> CSLItem {
        let metadata = document?.metadata ?? DocumentMetadata()
        let names = metadata.authors.map(AuthorName.init).filter { !$0.fullName.isEmpty }
        let year = metadata.date.flatMap(Citation.year(in:)).flatMap { Int($0) }
        let title = nonEmpty(metadata.title) ?? (source.split(separator: "/").last.map(String.init) ?? source)
        var publisher = nonEmpty(metadata.publisher)
        let isWebPage = document?.format == .html

        var authors = names.map(CSLName.init)
        let citedName: String
        if let first = names.first {
            citedName = first.kind == .person ? (first.family ?? first.fullName) : (first.acronym ?? first.fullName)
        } else if let group = publisher {
            authors = [.organisation(group)]
            citedName = AuthorName(group).acronym ?? group
            publisher = nil
        } else {
            citedName = title
        }
        return CSLItem(
            id: CitationKey.make(citedName: citedName, year: year, source: source),
            type: isWebPage ? "webpage" : "report", title: title, authors: authors, issued: year.map(CSLDate.init),
            publisher: isWebPage ? nil : publisher, containerTitle: isWebPage ? publisher : nil,
            url: nonEmpty(metadata.url), language: nonEmpty(metadata.language), source: source)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let value = text?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
