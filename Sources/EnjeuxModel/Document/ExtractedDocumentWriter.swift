import EnjeuxSupport
import Foundation

/// Writes an extracted-document file (`extracted/<id>.json`) page by page as the extractor
/// hands the pages over: the same bytes as `ExtractedDocument.writeJSON(to:)`, into a
/// temporary file that replaces the target only at `finish(warnings:)`. Memory holds one page
/// at a time, whatever the document's length.
///
/// A write error is kept and stops further writing; `finish` throws it.
public struct ExtractedDocumentWriter: ExtractedPageSink {
    private var identity: ExtractedDocument
    private var file: AtomicFileWriter?
    private var writer = JSONWriter(capacity: 1 << 20)
    private var failure: FileWriteError?
    private var began = false
    /// The page opened by `beginPage`, without its blocks.
    private var openPage: Page?
    /// Pages written so far.
    public private(set) var pageCount = 0
    /// The format given to `begin`.
    public var format: DocumentFormat { identity.format }

    /// Opens the temporary file beside `url`.
    public init(url: URL, id: String, source: String, sha256: String, byteCount: Int) throws(FileWriteError) {
        identity = ExtractedDocument(
            id: id, source: source, sha256: sha256, byteCount: byteCount, format: .pdf,
            content: ExtractedContent(metadata: DocumentMetadata(), pages: []))
        file = try AtomicFileWriter(url: url)
    }

    /// Writes every member that comes before `pages`, then opens the `pages` array.
    public mutating func begin(format: DocumentFormat, metadata: DocumentMetadata) {
        identity.format = format
        identity.metadata = metadata
        began = true
        writer.beginObject()
        for member in ExtractedDocument.jsonMembers where member.name < "pages" { member.write(identity, &writer) }
        writer.key(literal: "pages")
        writer.beginArray()
    }

    public mutating func append(_ page: Page) {
        page.write(to: &writer)
        pageCount += 1
        if writer.bytes.count >= 1 << 20 { flush() }
    }

    /// Opens a page whose blocks come one by one: writes up to its `blocks` array (the first
    /// member in key order).
    public mutating func beginPage(_ page: Page) {
        openPage = page
        writer.beginObject()
        writer.key(literal: "blocks")
        writer.beginArray()
    }

    public mutating func appendBlock(_ block: Block) {
        block.write(to: &writer)
        if writer.bytes.count >= 1 << 20 { flush() }
    }

    /// Closes the `blocks` array and writes the page's other members.
    public mutating func endPage() {
        writer.endArray()
        if let openPage {
            for member in Page.jsonMembers where member.name > "blocks" { member.write(openPage, &writer) }
        }
        writer.endObject()
        openPage = nil
        pageCount += 1
        if writer.bytes.count >= 1 << 20 { flush() }
    }

    /// Closes the `pages` array, writes the members after it, and renames the file over the target.
    public mutating func finish(warnings: [DocumentWarning]) throws(FileWriteError) {
        if !began { begin(format: identity.format, metadata: identity.metadata) }
        identity.warnings = warnings
        writer.endArray()
        for member in ExtractedDocument.jsonMembers where member.name > "pages" { member.write(identity, &writer) }
        writer.endObject()
        flush()
        if let failure { throw failure }
        try file?.write(CollectionOfOne(UInt8(0x0A)))
        try file?.commit()
        file = nil
    }

    private mutating func flush() {
        guard failure == nil, let file else {
            writer.drain { _ in }
            return
        }
        do {
            try file.write(&writer)
        } catch {
            failure = error
            writer.drain { _ in }
        }
    }
}
