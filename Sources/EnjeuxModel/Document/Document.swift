/// The format of a source document, detected from its content. `Codable` for the extraction
/// manifest and the extraction worker's report, which are plain `Codable` files.
public enum DocumentFormat: String, Codable, Sendable, Hashable {
    case pdf
    case html
    /// Word (`.docx`, `.docm`).
    case docx
    /// OpenDocument text (`.odt`, flat `.fodt`).
    case odt
    /// Plain text (`.txt`).
    case text
    /// Markdown (`.md`, `.markdown`).
    case markdown

    /// True for word-processing and text files, which have no fixed pages: their pages are the
    /// ones the file records, or they are cited by paragraph.
    public var isFlowing: Bool {
        switch self {
        case .pdf, .html: false
        case .docx, .odt, .text, .markdown: true
        }
    }
}

/// What a block of text is, as the extractor could tell from the layout or the markup.
public enum BlockKind: String, Sendable, Hashable {
    case heading
    case paragraph
    case listItem = "list_item"
    case tableCell = "table_cell"
    case footnote
    case quote
    case caption
    /// A table of contents, index or list of figures (titles with dot leaders to page
    /// numbers): kept in the document, not made into passages.
    case navigation
}

/// One block of text: a heading, a paragraph, a list item, a table cell, a footnote…
public struct Block: Sendable, Hashable {
    public var kind: BlockKind
    /// The text as a reader sees it: lines joined, hyphenation undone, whitespace collapsed.
    public var text: String
    /// Heading level (1 is the top level) for headings; nil otherwise.
    public var level: Int?
    /// The block's paragraph number (`paragr. 12`), counted from 1 in a word-processing or text file
    /// that records no pages; nil otherwise (and for headings). A note has the number of the
    /// paragraph that calls it.
    public var paragraph: Int?

    public init(kind: BlockKind, text: String, level: Int? = nil, paragraph: Int? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
        self.paragraph = paragraph
    }
}

/// One page of a document. HTML documents have a single page.
public struct Page: Sendable, Hashable {
    /// 1-based physical page number.
    public var number: Int
    /// The page label printed on the page when the PDF declares one ("iv", "12").
    public var label: String?
    public var blocks: [Block]

    public init(number: Int, label: String? = nil, blocks: [Block]) {
        self.number = number
        self.label = label
        self.blocks = blocks
    }

    /// The page's text: blocks separated by a blank line.
    public var plainText: String {
        blocks.map(\.text).joined(separator: "\n\n")
    }
}

/// Where a document's title came from.
public enum TitleSource: String, Sendable, Hashable {
    case pdfInfo = "pdf_info"
    case xmp
    case firstHeading = "first_heading"
    case htmlH1 = "html_h1"
    case openGraph = "og_title"
    /// Another `<meta>` title: Dublin Core, Twitter, Parse.ly, `name="title"`.
    case metaTitle = "meta_title"
    /// The `headline` of the page's JSON-LD article.
    case structuredData = "json_ld"
    case htmlTitle = "html_title"
    case fileName = "file_name"
    /// The title property of a Word or OpenDocument file (`docProps/core.xml`, `meta.xml`).
    case documentProperties = "document_properties"
    /// The `title` of a Markdown file's YAML front matter.
    case frontMatter = "front_matter"
}

/// Bibliographic metadata of a document, as far as the file tells.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String?
    public var titleSource: TitleSource?
    public var authors: [String]
    /// Publication or creation date, ISO 8601 (`2016-04-01` or `2016`) when it could be parsed.
    public var date: String?
    /// BCP 47 language tag when known (`fr`, `fr-CA`).
    public var language: String?
    public var subject: String?
    public var keywords: [String]
    public var publisher: String?
    /// Canonical URL of a web page.
    public var url: String?
    /// The software that produced the file (PDF producer or creator, HTML generator).
    public var producer: String?

    public init(
        title: String? = nil, titleSource: TitleSource? = nil, authors: [String] = [],
        date: String? = nil, language: String? = nil, subject: String? = nil,
        keywords: [String] = [], publisher: String? = nil, url: String? = nil,
        producer: String? = nil
    ) {
        self.title = title
        self.titleSource = titleSource
        self.authors = authors
        self.date = date
        self.language = language
        self.subject = subject
        self.keywords = keywords
        self.publisher = publisher
        self.url = url
        self.producer = producer
    }
}

/// What an extractor returns for one file: metadata, pages and warnings.
public struct ExtractedContent: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var pages: [Page]
    /// Problems that did not stop extraction ("no text layer (scanned document?)").
    public var warnings: [DocumentWarning]

    public init(metadata: DocumentMetadata, pages: [Page], warnings: [DocumentWarning] = []) {
        self.metadata = metadata
        self.pages = pages
        self.warnings = warnings
    }
}

/// The output of `enjeux-extract` for one document (`extracted/<id>.json`).
public struct ExtractedDocument: Sendable, Hashable {
    public static let currentSchema = 1

    public var schema: Int
    /// Stable, file-name-safe identifier derived from the source path.
    public var id: String
    /// Path of the source file relative to the corpus folder, with `/` separators.
    public var source: String
    /// SHA-256 of the source file's bytes, lowercase hex.
    public var sha256: String
    public var byteCount: Int
    public var format: DocumentFormat
    public var metadata: DocumentMetadata
    public var pages: [Page]
    public var warnings: [DocumentWarning]

    public init(
        id: String, source: String, sha256: String, byteCount: Int, format: DocumentFormat,
        content: ExtractedContent
    ) {
        self.schema = Self.currentSchema
        self.id = id
        self.source = source
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.metadata = content.metadata
        self.pages = content.pages
        self.warnings = content.warnings
    }

    /// The whole text for inspection: blocks separated by a blank line, pages by a form feed.
    public var plainText: String {
        pages.map(\.plainText).joined(separator: "\n\u{000C}")
    }
}
