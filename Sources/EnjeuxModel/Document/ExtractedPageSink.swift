/// Receives a document's content as an extractor finishes it: the metadata once, then the
/// pages in order. A long PDF is streamed page by page into the extracted file
/// (`ExtractedDocumentWriter`) instead of being held whole; `ExtractedContent` collects them.
public protocol ExtractedPageSink {
    /// Called once, before the first page, with the document's format and metadata.
    mutating func begin(format: DocumentFormat, metadata: DocumentMetadata)
    mutating func append(_ page: Page)
}

extension ExtractedContent: ExtractedPageSink {
    public mutating func begin(format: DocumentFormat, metadata: DocumentMetadata) {
        self.metadata = metadata
    }

    public mutating func append(_ page: Page) {
        pages.append(page)
    }

    /// Hands this content to `sink`, as an extractor that streams would.
    public func send(as format: DocumentFormat, to sink: inout some ExtractedPageSink) {
        sink.begin(format: format, metadata: metadata)
        for page in pages { sink.append(page) }
    }
}
