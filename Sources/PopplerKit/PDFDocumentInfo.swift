/// The document information dictionary and XMP packet of a PDF.
package struct PDFDocumentInfo: Sendable, Hashable {
    package var title: String?
    package var author: String?
    package var subject: String?
    package var keywords: String?
    package var creator: String?
    package var producer: String?
    /// Creation date as `YYYY-MM-DD`, when the file has a valid one.
    package var creationDate: String?
    /// The raw XMP metadata packet (XML), when present.
    package var xmp: String?

    package init(
        title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
        creator: String? = nil, producer: String? = nil, creationDate: String? = nil, xmp: String? = nil
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
        self.xmp = xmp
    }
}
