/// `Codable` in the schema 2 layout (docs/formats.md), so that code using `JSONCoding` on
/// passage files reads and writes the same files as `TokenizedDocumentCodec` (which is much
/// faster: prefer it for whole files). Schema 1 files (one object per token) are also read.
extension TokenizedDocument {
    private enum StoredKeys: String, CodingKey {
        case schema, id, source, sha256, format, metadata, pageCount, analyzer, passages, warnings, forms
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StoredKeys.self)
        let forms = try container.decodeIfPresent([[String]].self, forKey: .forms) ?? []
        for form in forms where form.count != 2 {
            throw DecodingError.dataCorruptedError(
                forKey: .forms, in: container, debugDescription: "a form is [norm, stem], found \(form.count) strings")
        }
        let stored = try container.decode([StoredPassage].self, forKey: .passages)
        var passages: [Passage] = []
        for passage in stored {
            passages.append(try passage.passage(forms: forms, codingPath: decoder.codingPath))
        }
        self.init(
            id: try container.decode(String.self, forKey: .id),
            source: try container.decode(String.self, forKey: .source),
            sha256: try container.decode(String.self, forKey: .sha256),
            format: try container.decode(DocumentFormat.self, forKey: .format),
            metadata: try container.decode(DocumentMetadata.self, forKey: .metadata),
            pageCount: try container.decode(Int.self, forKey: .pageCount),
            analyzer: try container.decode(String.self, forKey: .analyzer), passages: passages,
            warnings: try container.decode([String].self, forKey: .warnings))
        self.schema = try container.decode(Int.self, forKey: .schema)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StoredKeys.self)
        var indices: [[String]: Int] = [:]
        var forms: [[String]] = []
        var stored: [StoredPassage] = []
        for passage in passages {
            var columns = StoredPassage.Columns(start: [], end: [], form: [], kind: "")
            for token in passage.tokens {
                let form = [token.norm, token.stem]
                let index = indices[form] ?? forms.count
                if index == forms.count {
                    indices[form] = index
                    forms.append(form)
                }
                columns.start.append(token.start)
                columns.end.append(token.end)
                columns.form.append(index)
                columns.kind.append(StoredPassage.letter(of: token.kind))
            }
            stored.append(StoredPassage(passage, columns: columns))
        }
        try container.encode(Self.currentSchema, forKey: .schema)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(format, forKey: .format)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(pageCount, forKey: .pageCount)
        try container.encode(analyzer, forKey: .analyzer)
        try container.encode(forms, forKey: .forms)
        try container.encode(stored, forKey: .passages)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// A passage as stored: tokens as columns (schema 2) or as objects (schema 1).
private struct StoredPassage: Codable {
    struct Columns: Codable {
        var start: [Int]
        var end: [Int]
        var form: [Int]
        var kind: String
    }

    var id: String
    var index: Int
    var page: Int
    var endPage: Int?
    var pageLabel: String?
    var endPageLabel: String?
    var heading: String?
    var blockKind: BlockKind
    var text: String
    var columns: Columns?
    var objects: [Token]?

    private enum CodingKeys: String, CodingKey {
        case id, index, page, endPage, pageLabel, endPageLabel, heading, blockKind, text, tokens
    }

    init(_ passage: Passage, columns: Columns) {
        id = passage.id
        index = passage.index
        page = passage.page
        endPage = passage.endPage
        pageLabel = passage.pageLabel
        endPageLabel = passage.endPageLabel
        heading = passage.heading
        blockKind = passage.blockKind
        text = passage.text
        self.columns = columns
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        index = try container.decode(Int.self, forKey: .index)
        page = try container.decode(Int.self, forKey: .page)
        endPage = try container.decodeIfPresent(Int.self, forKey: .endPage)
        pageLabel = try container.decodeIfPresent(String.self, forKey: .pageLabel)
        endPageLabel = try container.decodeIfPresent(String.self, forKey: .endPageLabel)
        heading = try container.decodeIfPresent(String.self, forKey: .heading)
        blockKind = try container.decode(BlockKind.self, forKey: .blockKind)
        text = try container.decode(String.self, forKey: .text)
        if let objects = try? container.decode([Token].self, forKey: .tokens) {
            self.objects = objects
        } else {
            columns = try container.decode(Columns.self, forKey: .tokens)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(index, forKey: .index)
        try container.encode(page, forKey: .page)
        try container.encodeIfPresent(endPage, forKey: .endPage)
        try container.encodeIfPresent(pageLabel, forKey: .pageLabel)
        try container.encodeIfPresent(endPageLabel, forKey: .endPageLabel)
        try container.encodeIfPresent(heading, forKey: .heading)
        try container.encode(blockKind, forKey: .blockKind)
        try container.encode(text, forKey: .text)
        if let objects {
            try container.encode(objects, forKey: .tokens)
        } else {
            try container.encode(columns ?? Columns(start: [], end: [], form: [], kind: ""), forKey: .tokens)
        }
    }

    static func letter(of kind: TokenKind) -> Character {
        switch kind {
        case .word: "w"
        case .number: "n"
        case .punctuation: "p"
        case .symbol: "s"
        case .url: "u"
        case .email: "e"
        }
    }

    static func kind(of letter: Character) -> TokenKind? {
        switch letter {
        case "w": .word
        case "n": .number
        case "p": .punctuation
        case "s": .symbol
        case "u": .url
        case "e": .email
        default: nil
        }
    }

    func passage(forms: [[String]], codingPath: [any CodingKey]) throws -> Passage {
        func corrupted(_ message: String) -> DecodingError {
            DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "passage \(index): \(message)"))
        }
        var tokens: [Token] = []
        if let objects {
            tokens = objects
        } else if let columns {
            let kinds = Array(columns.kind)
            let count = columns.start.count
            guard columns.end.count == count, columns.form.count == count, kinds.count == count else {
                throw corrupted("token columns of different lengths")
            }
            for position in 0..<count {
                let form = columns.form[position]
                guard form >= 0 && form < forms.count else { throw corrupted("token form \(form) is not in forms") }
                guard let kind = Self.kind(of: kinds[position]) else { throw corrupted("unknown token kind letter") }
                tokens.append(
                    Token(
                        start: columns.start[position], end: columns.end[position], kind: kind,
                        norm: forms[form][0], stem: forms[form][1]))
            }
        }
        return Passage(
            id: id, index: index, page: page, endPage: endPage, pageLabel: pageLabel, endPageLabel: endPageLabel,
            heading: heading, blockKind: blockKind, text: text, tokens: tokens)
    }
}
