import EnjeuxModel
import LibXMLKit

/// The metadata of a Word document: title, authors, subject, keywords, language and dates
/// from `docProps/core.xml`; the company (as publisher) and the application (as producer)
/// from `docProps/app.xml`. The date is the creation date, else the last modification's.
enum DOCXMetadata {
    static func read(core: XMLTree?, app: XMLTree?) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        if let core, let root = core.root {
            let dc = OOXMLNamespaces.index(core, OOXMLNamespaces.dublinCore)
            let terms = OOXMLNamespaces.index(core, OOXMLNamespaces.dublinCoreTerms)
            let cp = OOXMLNamespaces.index(core, OOXMLNamespaces.coreProperties)
            let value = { (namespace: Int, name: String) -> String? in
                core.child(root, namespace, name).flatMap { PDFMetadataMapper.cleaned(core.text(of: $0)) }
            }
            if let title = value(dc, "title"), !PDFMetadataMapper.looksLikeFileName(title) {
                metadata.title = title
                metadata.titleSource = .documentProperties
            }
            metadata.authors = value(dc, "creator").map(PDFMetadataMapper.splitAuthors) ?? []
            metadata.subject = value(dc, "subject")
            metadata.keywords = OfficeMetadata.keywords(value(cp, "keywords"))
            metadata.language = value(dc, "language")
            metadata.date =
                OfficeMetadata.date(value(terms, "created")) ?? OfficeMetadata.date(value(terms, "modified"))
        }
        if let app, let root = app.root {
            let ns = OOXMLNamespaces.index(app, OOXMLNamespaces.extendedProperties)
            let value = { (name: String) -> String? in
                app.child(root, ns, name).flatMap { PDFMetadataMapper.cleaned(app.text(of: $0)) }
            }
            metadata.publisher = value("Company")
            metadata.producer = value("Application")
        }
        return metadata
    }
}

/// What Word and OpenDocument metadata share: dates and keyword lists.
enum OfficeMetadata {
    /// The calendar date of an ISO 8601 date-time (`2021-03-15T10:00:00Z` → `2021-03-15`), or
    /// nil when it does not start with one. Word writes `1601-01-01` and LibreOffice
    /// `0000-…` for an unknown date: ignored.
    static func date(_ value: String?) -> String? {
        guard let value else { return nil }
        let prefix = String(value.prefix(10))
        let parts = prefix.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), year > 1700,
            parts[1].count == 2, parts[2].count == 2, Int(parts[1]) != nil, Int(parts[2]) != nil
        else { return nil }
        return prefix
    }

    /// Keywords separated by commas or semicolons.
    static func keywords(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap {
            PDFMetadataMapper.cleaned(String($0))
        }
    }

    /// The title when the file has none of its own: the first heading.
    static func withFallbackTitle(_ metadata: DocumentMetadata, pages: [Page]) -> DocumentMetadata {
        guard metadata.title == nil else { return metadata }
        var result = metadata
        if let heading = pages.lazy.flatMap(\.blocks).first(where: { $0.kind == .heading }) {
            result.title = heading.text
            result.titleSource = .firstHeading
        }
        return result
    }
}
