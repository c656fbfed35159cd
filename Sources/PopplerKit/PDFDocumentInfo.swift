/// The document information dictionary and XMP packet of a PDF.
public struct PDFDocumentInfo: Sendable, Hashable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String?
    /// Creation date as `YYYY-MM-DD`, when the file has a valid one.
    public var creationDate: String?
    /// The raw XMP metadata packet (XML), when present.
    public var xmp: String?

    public init(
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
