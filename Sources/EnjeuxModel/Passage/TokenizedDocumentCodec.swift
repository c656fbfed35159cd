import EnjeuxSupport
import Foundation

/// The JSON form of `TokenizedDocument` (`passages/<id>.json`, documented in docs/formats.md),
/// written and read without Foundation's coders, which are slow and memory-hungry on
/// documents with millions of tokens.
///
/// Schema 2 stores tokens compactly: the document lists each distinct `[norm, stem]` pair
/// once in `forms`, and each passage's `tokens` is an object of parallel columns
/// (`start`, `end`, `form` indices into `forms`, and `kind`, one letter per token).
/// Schema 1 files (one object per token) are still read.
public enum TokenizedDocumentCodec {
    // MARK: - Writing

    /// The document as compact JSON with sorted keys, always schema 2.
    public static func encode(_ document: TokenizedDocument) -> [UInt8] {
        // The forms table comes before the passages in key order: collect it first.
        var forms = FormTable()
        var formIndices: [Int] = []
        var textBytes = 0
        for passage in document.passages {
            textBytes += passage.text.utf8.count
            for token in passage.tokens { formIndices.append(forms.index(norm: token.norm, stem: token.stem)) }
        }
        var writer = JSONWriter(capacity: 4096 + textBytes * 2 + formIndices.count * 16 + forms.pairs.count * 24)
        writer.beginObject()
        writer.key("analyzer")
        writer.string(document.analyzer)
        writer.key("format")
        writer.string(document.format.rawValue)
        writer.key("forms")
        writer.beginArray()
        for (norm, stem) in forms.pairs {
            writer.beginArray()
            writer.string(norm)
            writer.string(stem)
            writer.endArray()
        }
        writer.endArray()
        writer.key("id")
        writer.string(document.id)
        writer.key("metadata")
        DocumentMetadataCodec.write(document.metadata, to: &writer)
        writer.key("page_count")
        writer.int(document.pageCount)
        writer.key("passages")
        writer.beginArray()
        var firstToken = 0
        for passage in document.passages {
            let indices = formIndices[firstToken..<(firstToken + passage.tokens.count)]
            write(passage, formIndices: indices, to: &writer)
            firstToken += passage.tokens.count
        }
        writer.endArray()
        writer.key("schema")
        writer.int(TokenizedDocument.currentSchema)
        writer.key("sha256")
        writer.string(document.sha256)
        writer.key("source")
        writer.string(document.source)
        writer.key("warnings")
        writer.stringArray(document.warnings)
        writer.endObject()
        return writer.bytes
    }

    /// Writes the document atomically, with a final newline.
    public static func write(_ document: TokenizedDocument, to url: URL) throws {
        try FileBytes.write(encode(document), withFinalNewlineTo: url)
    }

    private static func write(_ passage: Passage, formIndices: ArraySlice<Int>, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("block_kind")
        writer.string(passage.blockKind.rawValue)
        writer.optional("end_page", passage.endPage)
        writer.optional("end_page_label", passage.endPageLabel)
        writer.optional("heading", passage.heading)
        writer.key("id")
        writer.string(passage.id)
        writer.key("index")
        writer.int(passage.index)
        writer.key("page")
        writer.int(passage.page)
        writer.optional("page_label", passage.pageLabel)
        writer.key("text")
        writer.string(passage.text)
        writer.key("tokens")
        writer.beginObject()
        writer.key("end")
        writer.beginArray()
        for token in passage.tokens { writer.int(token.end) }
        writer.endArray()
        writer.key("form")
        writer.beginArray()
        for index in formIndices { writer.int(index) }
        writer.endArray()
        writer.key("kind")
        var letters: [UInt8] = [UInt8(ascii: "\"")]
        letters.reserveCapacity(passage.tokens.count + 2)
        for token in passage.tokens { letters.append(letter(of: token.kind)) }
        letters.append(UInt8(ascii: "\""))
        writer.rawValue(letters)
        writer.key("start")
        writer.beginArray()
        for token in passage.tokens { writer.int(token.start) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
    }

    private static func letter(of kind: TokenKind) -> UInt8 {
        switch kind {
        case .word: UInt8(ascii: "w")
        case .number: UInt8(ascii: "n")
        case .punctuation: UInt8(ascii: "p")
        case .symbol: UInt8(ascii: "s")
        case .url: UInt8(ascii: "u")
        case .email: UInt8(ascii: "e")
        }
    }

    private static func kind(of letter: UInt8) -> TokenKind? {
        switch letter {
        case UInt8(ascii: "w"): .word
        case UInt8(ascii: "n"): .number
        case UInt8(ascii: "p"): .punctuation
        case UInt8(ascii: "s"): .symbol
        case UInt8(ascii: "u"): .url
        case UInt8(ascii: "e"): .email
        default: nil
        }
    }

    /// Distinct `(norm, stem)` pairs in order of first use.
    private struct FormTable {
        private struct Pair: Hashable {
            var norm: String
            var stem: String
        }
        private var indices: [Pair: Int] = [:]
        private(set) var pairs: [(String, String)] = []

        mutating func index(norm: String, stem: String) -> Int {
            let pair = Pair(norm: norm, stem: stem)
            if let index = indices[pair] { return index }
            indices[pair] = pairs.count
            pairs.append((norm, stem))
            return pairs.count - 1
        }
    }

    // MARK: - Reading

    /// Reads a passage file.
    public static func read(from url: URL) throws -> TokenizedDocument {
        try decode(FileBytes.read(url))
    }

    /// Parses a passage file's bytes (schema 1 or 2); malformed or incomplete input throws.
    public static func decode(_ bytes: [UInt8]) throws(JSONReadError) -> TokenizedDocument {
        var passages: [Passage] = []
        var document = try decode(bytes) { passages.append($0) }
        document.passages = passages
        return document
    }

    /// Reads a passage file passage by passage, for callers that need not keep them all.
    /// Reads a passage file for matching: each passage comes without its `tokens`, beside
    /// its token columns and the document's forms table as read so far (the columns' `form`
    /// indices point into it). Old files with one object per token get a forms table built
    /// as they are read.
    public static func read(
        from url: URL, eachPassageColumns body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws -> TokenizedDocument {
        try decodeColumns(FileBytes.read(url), eachPassage: body)
    }

    public static func decodeColumns(
        _ bytes: [UInt8], eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(JSONReadError) -> TokenizedDocument {
        var extra = FormTable()
        var table: [(String, String)] = []
        var usesObjects = false
        return try decode(bytes) {
            (fields: PassageFields, forms: [(String, String)], reader: JSONReader) throws(JSONReadError) in
            var passage = try fields.passage(forms: [], reader: reader, tokensRequired: false)
            var columns: PassageTokenColumns
            if let objects = fields.objectTokens {
                // Schema 1: intern the tokens' forms in a table of this document's own.
                usesObjects = true
                columns = PassageTokenColumns(
                    start: objects.map(\.start), end: objects.map(\.end), kind: objects.map(\.kind),
                    form: objects.map { extra.index(norm: $0.norm, stem: $0.stem) })
                table = extra.pairs
            } else if let raw = fields.columns {
                columns = try raw.columns(formCount: forms.count, reader: reader)
                if !usesObjects { table = forms }
            } else {
                throw reader.error("missing key tokens in passage \(passage.index)")
            }
            passage.tokens = []
            body(passage, columns, table)
        }
    }

    public static func read(from url: URL, eachPassage body: (Passage) -> Void) throws -> TokenizedDocument {
        try decode(FileBytes.read(url), eachPassage: body)
    }

    /// Parses a passage file, handing each passage to `body` in order as soon as it can be
    /// built instead of keeping them; returns the document with an empty `passages` list.
    /// When the input turns out to be malformed, `body` may already have seen some passages.
    public static func decode(_ bytes: [UInt8], eachPassage body: (Passage) -> Void) throws(JSONReadError)
        -> TokenizedDocument
    {
        try decode(bytes) {
            (fields: PassageFields, forms: [(String, String)], reader: JSONReader) throws(JSONReadError) in
            body(try fields.passage(forms: forms, reader: reader))
        }
    }

    /// Reads the document, handing each passage's fields over with the forms table.
    private static func decode(
        _ bytes: [UInt8],
        eachPassageFields body: (PassageFields, [(String, String)], JSONReader) throws(JSONReadError) -> Void
    ) throws(JSONReadError) -> TokenizedDocument {
        var reader = JSONReader(bytes: bytes)
        var fields = DocumentFields()
        // Passages read before the forms table (any key order is valid JSON) wait for it.
        var waiting: [PassageFields] = []
        var sawPassages = false
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "schema": fields.schema = try reader.readInt()
            case "id": fields.id = try reader.readString()
            case "source": fields.source = try reader.readString()
            case "sha256": fields.sha256 = try reader.readString()
            case "format": fields.format = try reader.readEnum(DocumentFormat.self)
            case "metadata": fields.metadata = try DocumentMetadataCodec.read(from: &reader)
            case "page_count": fields.pageCount = try reader.readInt()
            case "analyzer": fields.analyzer = try reader.readString()
            case "warnings": fields.warnings = try reader.readStringArray()
            case "forms":
                guard fields.forms == nil else { throw reader.error("duplicate key forms") }
                fields.forms = try readForms(&reader)
                for passage in waiting { try body(passage, fields.forms ?? [], reader) }
                waiting = []
            case "passages":
                guard !sawPassages else { throw reader.error("duplicate key passages") }
                sawPassages = true
                try reader.beginArray()
                while try reader.nextElement() {
                    let passage = try readPassage(&reader)
                    if let forms = fields.forms {
                        try body(passage, forms, reader)
                    } else {
                        waiting.append(passage)
                    }
                }
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        for passage in waiting {
            // No forms table: only schema 1 passages (or passages without tokens) can be built.
            try body(passage, [], reader)
        }
        guard sawPassages else { throw reader.error("missing key passages") }
        return try fields.document(reader: reader)
    }

    private struct DocumentFields {
        var schema: Int?
        var id: String?
        var source: String?
        var sha256: String?
        var format: DocumentFormat?
        var metadata: DocumentMetadata?
        var pageCount: Int?
        var analyzer: String?
        var warnings: [String]?
        var forms: [(String, String)]?

        func document(reader: JSONReader) throws(JSONReadError) -> TokenizedDocument {
            guard let schema else { throw reader.error("missing key schema") }
            guard schema >= 1 && schema <= TokenizedDocument.currentSchema else {
                throw reader.error("unsupported schema \(schema)")
            }
            guard let id, let source, let sha256, let format, let metadata, let pageCount, let analyzer, let warnings
            else { throw reader.error("missing key in the document object") }
            var document = TokenizedDocument(
                id: id, source: source, sha256: sha256, format: format, metadata: metadata, pageCount: pageCount,
                analyzer: analyzer, passages: [], warnings: warnings)
            document.schema = schema
            return document
        }
    }

    private static func readForms(_ reader: inout JSONReader) throws(JSONReadError) -> [(String, String)] {
        var forms: [(String, String)] = []
        try reader.beginArray()
        while try reader.nextElement() {
            try reader.beginArray()
            guard try reader.nextElement() else { throw reader.error("a form needs a norm and a stem") }
            let norm = try reader.readString()
            guard try reader.nextElement() else { throw reader.error("a form needs a norm and a stem") }
            let stem = try reader.readString()
            guard try !reader.nextElement() else { throw reader.error("a form has more than two strings") }
            forms.append((norm, stem))
        }
        return forms
    }

    /// A passage as read, before its form indices are resolved (the `forms` table may come
    /// after `passages` in the file).
    private struct PassageFields {
        var id: String?
        var index: Int?
        var page: Int?
        var endPage: Int?
        var pageLabel: String?
        var endPageLabel: String?
        var heading: String?
        var blockKind: BlockKind?
        var text: String?
        var columns: TokenColumns?
        var objectTokens: [Token]?

        func passage(forms: [(String, String)], reader: JSONReader, tokensRequired: Bool = true)
            throws(JSONReadError) -> Passage
        {
            guard let id, let index, let page, let blockKind, let text else {
                throw reader.error("missing key in passage \(index.map(String.init) ?? id ?? "?")")
            }
            var tokens: [Token] = []
            if !tokensRequired {
                // The caller reads the token columns itself.
            } else if let objectTokens {
                tokens = objectTokens
            } else if let columns {
                tokens = try columns.tokens(forms: forms, reader: reader)
            } else {
                throw reader.error("missing key tokens in passage \(index)")
            }
            return Passage(
                id: id, index: index, page: page, endPage: endPage, pageLabel: pageLabel, endPageLabel: endPageLabel,
                heading: heading, blockKind: blockKind, text: text, tokens: tokens)
        }
    }

    private struct TokenColumns {
        var start: [Int] = []
        var end: [Int] = []
        var form: [Int] = []
        var kind: [UInt8] = []

        /// The columns with their kinds decoded and their form indices checked.
        func columns(formCount: Int, reader: JSONReader) throws(JSONReadError) -> PassageTokenColumns {
            let count = start.count
            guard end.count == count, form.count == count, kind.count == count else {
                throw reader.error("token columns of different lengths")
            }
            var kinds: [TokenKind] = []
            kinds.reserveCapacity(count)
            for position in 0..<count {
                guard form[position] >= 0 && form[position] < formCount else {
                    throw reader.error("token form \(form[position]) is not in forms")
                }
                guard let tokenKind = TokenizedDocumentCodec.kind(of: kind[position]) else {
                    throw reader.error("unknown token kind letter")
                }
                kinds.append(tokenKind)
            }
            return PassageTokenColumns(start: start, end: end, kind: kinds, form: form)
        }

        func tokens(forms: [(String, String)], reader: JSONReader) throws(JSONReadError) -> [Token] {
            let count = start.count
            guard end.count == count, form.count == count, kind.count == count else {
                throw reader.error("token columns of different lengths")
            }
            var tokens: [Token] = []
            tokens.reserveCapacity(count)
            for position in 0..<count {
                let formIndex = form[position]
                guard formIndex >= 0 && formIndex < forms.count else {
                    throw reader.error("token form \(formIndex) is not in forms")
                }
                guard let tokenKind = TokenizedDocumentCodec.kind(of: kind[position]) else {
                    throw reader.error("unknown token kind letter")
                }
                let (norm, stem) = forms[formIndex]
                tokens.append(
                    Token(start: start[position], end: end[position], kind: tokenKind, norm: norm, stem: stem))
            }
            return tokens
        }
    }

    private static func readPassage(_ reader: inout JSONReader) throws(JSONReadError) -> PassageFields {
        var fields = PassageFields()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": fields.id = try reader.readString()
            case "index": fields.index = try reader.readInt()
            case "page": fields.page = try reader.readInt()
            case "end_page": fields.endPage = try reader.readOptionalInt()
            case "page_label": fields.pageLabel = try reader.readOptionalString()
            case "end_page_label": fields.endPageLabel = try reader.readOptionalString()
            case "heading": fields.heading = try reader.readOptionalString()
            case "block_kind": fields.blockKind = try reader.readEnum(BlockKind.self)
            case "text": fields.text = try reader.readString()
            case "tokens":
                if try reader.peekValueStart() == UInt8(ascii: "[") {
                    fields.objectTokens = try readTokenObjects(&reader)
                } else {
                    fields.columns = try readTokenColumns(&reader)
                }
            default: try reader.skipValue()
            }
        }
        return fields
    }

    private static func readTokenColumns(_ reader: inout JSONReader) throws(JSONReadError) -> TokenColumns {
        var columns = TokenColumns()
        var seen = Set<String>()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "start": columns.start = try reader.readIntArray()
            case "end": columns.end = try reader.readIntArray()
            case "form": columns.form = try reader.readIntArray()
            case "kind": columns.kind = Array(try reader.readString().utf8)
            default:
                try reader.skipValue()
                continue
            }
            seen.insert(key)
        }
        guard seen.count == 4 else { throw reader.error("tokens need start, end, form and kind") }
        return columns
    }

    /// Schema 1: one `{start, end, kind, norm, stem}` object per token.
    private static func readTokenObjects(_ reader: inout JSONReader) throws(JSONReadError) -> [Token] {
        var tokens: [Token] = []
        try reader.beginArray()
        while try reader.nextElement() {
            var start: Int?
            var end: Int?
            var kind: TokenKind?
            var norm: String?
            var stem: String?
            try reader.beginObject()
            while let key = try reader.nextKey() {
                switch key {
                case "start": start = try reader.readInt()
                case "end": end = try reader.readInt()
                case "kind": kind = try reader.readEnum(TokenKind.self)
                case "norm": norm = try reader.readString()
                case "stem": stem = try reader.readString()
                default: try reader.skipValue()
                }
            }
            guard let start, let end, let kind, let norm, let stem else { throw reader.error("incomplete token") }
            tokens.append(Token(start: start, end: end, kind: kind, norm: norm, stem: stem))
        }
        return tokens
    }
}
