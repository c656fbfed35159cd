/// The format of a source document, detected from its content. `Codable` for the extraction
/// manifest and the extraction worker's report, which are plain `Codable` files.
package enum DocumentFormat: String, Codable, Sendable, Hashable {
    case pdf
    case html
}

/// What a block of text is, as the extractor could tell from the layout or the markup.
package enum BlockKind: String, Sendable, Hashable {
    case heading
    case paragraph
    case listItem = "list_item"
    case tableCell = "table_cell"
    case footnote
    case quote
    case caption
}

/// One block of text: a heading, a paragraph, a list item, a table cell, a footnote…
package struct Block: Sendable, Hashable {
    package var kind: BlockKind
    /// The text as a reader sees it: lines joined, hyphenation undone, whitespace collapsed.
    package var text: String
    /// Heading level (1 is the top level) for headings; nil otherwise.
    package var level: Int?

    package init(kind: BlockKind, text: String, level: Int? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
    }
}

/// One page of a document. HTML documents have a single page.
package struct Page: Sendable, Hashable {
    /// 1-based physical page number.
    package var number: Int
    /// The page label printed on the page when the PDF declares one ("iv", "12").
    package var label: String?
    package var blocks: [Block]

    package init(number: Int, label: String? = nil, blocks: [Block]) {
        self.number = number
        self.label = label
        self.blocks = blocks
    }

    /// The page's text: blocks separated by a blank line.
    package var plainText: String {
        blocks.map(\.text).joined(separator: "\n\n")
    }
}

/// Where a document's title came from.
package enum TitleSource: String, Sendable, Hashable {
    case pdfInfo = "pdf_info"
    case xmp
    case firstHeading = "first_heading"
    case htmlH1 = "html_h1"
    case openGraph = "og_title"
    case htmlTitle = "html_title"
    case fileName = "file_name"
}

/// Bibliographic metadata of a document, as far as the file tells.
package struct DocumentMetadata: Sendable, Hashable {
    package var title: String?
    package var titleSource: TitleSource?
    package var authors: [String]
    /// Publication or creation date, ISO 8601 (`2016-04-01` or `2016`) when it could be parsed.
    package var date: String?
    /// BCP 47 language tag when known (`fr`, `fr-CA`).
    package var language: String?
    package var subject: String?
    package var keywords: [String]
    package var publisher: String?
    /// Canonical URL of a web page.
    package var url: String?
    /// The software that produced the file (PDF producer or creator, HTML generator).
    package var producer: String?

    package init(
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
package struct ExtractedContent: Sendable, Hashable {
    package var metadata: DocumentMetadata
    package var pages: [Page]
    /// Problems that did not stop extraction ("no text layer (scanned document?)").
    package var warnings: [String]

    package init(metadata: DocumentMetadata, pages: [Page], warnings: [String] = []) {
        self.metadata = metadata
        self.pages = pages
        self.warnings = warnings
    }
}

/// The output of `enjeux-extract` for one document (`extracted/<id>.json`).
package struct ExtractedDocument: Sendable, Hashable {
    package static let currentSchema = 1

    package var schema: Int
    /// Stable, file-name-safe identifier derived from the source path.
    package var id: String
    /// Path of the source file relative to the corpus folder, with `/` separators.
    package var source: String
    /// SHA-256 of the source file's bytes, lowercase hex.
    package var sha256: String
    package var byteCount: Int
    package var format: DocumentFormat
    package var metadata: DocumentMetadata
    package var pages: [Page]
    package var warnings: [String]

    package init(
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
    package var plainText: String {
        pages.map(\.plainText).joined(separator: "\n\u{000C}")
    }
}
