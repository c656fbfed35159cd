/// The kind of a token, as the tokenizer classified it.
package enum TokenKind: String, Sendable, Hashable {
    case word
    case number
    case punctuation
    case symbol
    case url
    case email
}

/// One token of a passage.
///
/// `start` and `end` are offsets in Unicode scalars (code points) into the passage's
/// `text`, so that `text[start..<end]` is the token's surface form (Python's `str`
/// slicing uses the same unit).
package struct Token: Sendable, Hashable {
    package var start: Int
    package var end: Int
    package var kind: TokenKind
    /// Normalised form for matching: NFC, case-folded, apostrophes and dashes unified,
    /// ligatures and accents folded (each step can be switched off).
    package var norm: String
    /// Snowball French stem of the normalised form (equal to `norm` for non-words).
    package var stem: String

    package init(start: Int, end: Int, kind: TokenKind, norm: String, stem: String) {
        self.start = start
        self.end = end
        self.kind = kind
        self.norm = norm
        self.stem = stem
    }
}

/// A passage: consecutive sentences of one block, bounded in length.
package struct Passage: Sendable, Hashable {
    /// Stable id derived from the document hash, the passage's position and its text.
    package var id: String
    /// 0-based position of the passage in its document.
    package var index: Int
    /// 1-based physical page where the passage starts.
    package var page: Int
    /// Page where it ends, when it spans a page break.
    package var endPage: Int?
    /// Printed page label of `page`, when the document has labels.
    package var pageLabel: String?
    package var endPageLabel: String?
    /// Text of the nearest heading above the passage.
    package var heading: String?
    package var blockKind: BlockKind
    /// Exact text, as extracted.
    package var text: String
    package var tokens: [Token]

    package init(
        id: String, index: Int, page: Int, endPage: Int? = nil, pageLabel: String? = nil,
        endPageLabel: String? = nil, heading: String? = nil, blockKind: BlockKind, text: String,
        tokens: [Token]
    ) {
        self.id = id
        self.index = index
        self.page = page
        self.endPage = endPage
        self.pageLabel = pageLabel
        self.endPageLabel = endPageLabel
        self.heading = heading
        self.blockKind = blockKind
        self.text = text
        self.tokens = tokens
    }
}

/// The output of `enjeux-tokenize` for one document (`passages/<id>.json`).
package struct TokenizedDocument: Sendable, Hashable {
    package static let currentSchema = 2

    package var schema: Int
    package var id: String
    package var source: String
    package var sha256: String
    package var format: DocumentFormat
    package var metadata: DocumentMetadata
    package var pageCount: Int
    /// Version of the analysis chain; a change forces re-tokenization.
    package var analyzer: String
    package var passages: [Passage]
    package var warnings: [String]

    package init(
        id: String, source: String, sha256: String, format: DocumentFormat,
        metadata: DocumentMetadata, pageCount: Int, analyzer: String, passages: [Passage],
        warnings: [String]
    ) {
        self.schema = Self.currentSchema
        self.id = id
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.metadata = metadata
        self.pageCount = pageCount
        self.analyzer = analyzer
        self.passages = passages
        self.warnings = warnings
    }
}
