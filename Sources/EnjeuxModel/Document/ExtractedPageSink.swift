/// Receives a document's content as an extractor finishes it: the metadata once, then the
/// pages in order. A long PDF is streamed page by page into the extracted file
/// (`ExtractedDocumentWriter`) instead of being held whole; `ExtractedContent` collects them.
public protocol ExtractedPageSink {
    /// Called once, before the first page, with the document's format and metadata.
    mutating func begin(format: DocumentFormat, metadata: DocumentMetadata)
    mutating func append(_ page: Page)
    /// Opens a page whose blocks come one by one (a 200 MB web page is a single page): its
    /// number, label and text source are `page`'s, its blocks are ignored.
    mutating func beginPage(_ page: Page)
    /// Adds a block to the page opened by `beginPage`.
    mutating func appendBlock(_ block: Block)
    /// Closes the page opened by `beginPage`.
    mutating func endPage()
}

extension ExtractedContent: ExtractedPageSink {
    public mutating func begin(format: DocumentFormat, metadata: DocumentMetadata) {
        self.metadata = metadata
    }

    public mutating func append(_ page: Page) {
        pages.append(page)
    }

    public mutating func beginPage(_ page: Page) {
        var page = page
        page.blocks = []
        pages.append(page)
    }

    public mutating func appendBlock(_ block: Block) {
        pages[pages.count - 1].blocks.append(block)
    }

    public mutating func endPage() {}

    /// Hands this content to `sink`, as an extractor that streams would.
    public func send(as format: DocumentFormat, to sink: inout some ExtractedPageSink) {
        sink.begin(format: format, metadata: metadata)
        for page in pages { sink.append(page) }
    }
}
