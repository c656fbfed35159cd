/// One bibliographic item as CSL-JSON describes it, the format citation processors (pandoc's
/// citeproc) read and reference managers (Zotero) import: what the reference list shows of one
/// document, under the citation key that cites it.
public struct CSLItem: Sendable, Hashable {
    /// The citation key (`[@key, p. 12]` in pandoc Markdown).
    public var id: String
    /// The CSL item type: `report` for a PDF document, `webpage` for a web page.
    public var type: String
    public var title: String?
    public var authors: [CSLName]
    public var issued: CSLDate?
    public var publisher: String?
    /// For a web page, the site's name.
    public var containerTitle: String?
    public var url: String?
    /// BCP 47 language tag (`fr`, `fr-CA`).
    public var language: String?
    /// The document's path relative to the corpus folder (`enjeux-source`, a field of our own
    /// that citation processors ignore; `catalog.json` reads it back).
    public var source: String?

    public init(
        id: String, type: String, title: String? = nil, authors: [CSLName] = [], issued: CSLDate? = nil,
        publisher: String? = nil, containerTitle: String? = nil, url: String? = nil, language: String? = nil,
        source: String? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.authors = authors
        self.issued = issued
        self.publisher = publisher
        self.containerTitle = containerTitle
        self.url = url
        self.language = language
        self.source = source
    }
}

/// A CSL date reduced to what citations use: the year.
public struct CSLDate: Sendable, Hashable {
    public var year: Int

    public init(year: Int) { self.year = year }
}
