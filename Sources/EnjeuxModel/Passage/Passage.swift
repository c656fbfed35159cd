/// The kind of a token, as the tokenizer classified it.
public enum TokenKind: String, Sendable, Hashable {
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
public struct Token: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind
    /// Normalised form for matching: NFC, case-folded, apostrophes and dashes unified,
    /// ligatures and accents folded (each step can be switched off).
    public var norm: String
    /// Snowball French stem of the normalised form (equal to `norm` for non-words).
    public var stem: String

    public init(start: Int, end: Int, kind: TokenKind, norm: String, stem: String) {
        self.start = start
        self.end = end
        self.kind = kind
        self.norm = norm
        self.stem = stem
    }
}

/// A passage: consecutive sentences of one block, bounded in length.
public struct Passage: Sendable, Hashable {
    /// Stable id derived from the document hash, the passage's position and its text.
    public var id: String
    /// 0-based position of the passage in its document.
    public var index: Int
    /// 1-based physical page where the passage starts.
    public var page: Int
    /// Page where it ends, when it spans a page break.
    public var endPage: Int?
    /// Printed page label of `page`, when the document has labels.
    public var pageLabel: String?
    public var endPageLabel: String?
    /// Text of the nearest heading above the passage.
    public var heading: String?
    /// Paragraph number of the passage's block (`paragr. 12`), in a document cited by paragraph.
    public var paragraph: Int?
    public var blockKind: BlockKind
    /// Exact text, as extracted.
    public var text: String
    public var tokens: [Token]

    public init(
        id: String, index: Int, page: Int, endPage: Int? = nil, pageLabel: String? = nil,
        endPageLabel: String? = nil, heading: String? = nil, paragraph: Int? = nil, blockKind: BlockKind,
        text: String, tokens: [Token]
    ) {
        self.id = id
        self.index = index
        self.page = page
        self.endPage = endPage
        self.pageLabel = pageLabel
        self.endPageLabel = endPageLabel
        self.heading = heading
        self.paragraph = paragraph
        self.blockKind = blockKind
        self.text = text
        self.tokens = tokens
    }
}

/// The output of `enjeux-tokenize` for one document (`passages/<id>.json`).
public struct TokenizedDocument: Sendable, Hashable {
    public static let currentSchema = 2

    public var schema: Int
    public var id: String
    public var source: String
    public var sha256: String
    public var format: DocumentFormat
    public var metadata: DocumentMetadata
    public var pageCount: Int
    /// Version of the analysis chain; a change forces re-tokenization.
    public var analyzer: String
    public var passages: [Passage]
    public var warnings: [DocumentWarning]

    public init(
        id: String, source: String, sha256: String, format: DocumentFormat,
        metadata: DocumentMetadata, pageCount: Int, analyzer: String, passages: [Passage],
        warnings: [DocumentWarning]
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
