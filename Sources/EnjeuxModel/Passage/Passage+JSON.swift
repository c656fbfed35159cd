import EnjeuxSupport

/// A passage as a passage file stores it: its fields, and its tokens as parallel columns whose
/// `form` indices point into the document's `forms` (the table may come after the passages in
/// a file, so they are resolved once the whole document is read).
struct StoredPassage: JSONObject {
    /// The passage without its tokens.
    var passage: Passage
    var tokens: StoredTokenColumns

    static let jsonMembers: [JSONMember<StoredPassage>] = [
        .init("block_kind", \.passage.blockKind), .init("end_page", \.passage.endPage),
        .init("end_page_label", \.passage.endPageLabel), .init("heading", \.passage.heading),
        .init("id", \.passage.id), .init("index", \.passage.index), .init("page", \.passage.page),
        .init("page_label", \.passage.pageLabel), .init("text", \.passage.text), .init("tokens", \.tokens),
    ]

    static var jsonBlank: StoredPassage {
        StoredPassage(
            passage: Passage(id: "", index: 0, page: 0, blockKind: .paragraph, text: "", tokens: []),
            tokens: .jsonBlank)
    }

    init(passage: Passage, tokens: StoredTokenColumns) {
        self.passage = passage
        self.tokens = tokens
    }

    /// The stored form of `passage`, whose tokens have the forms `forms` in the document's table.
    init(_ passage: Passage, forms: ArraySlice<Int>) {
        var stripped = passage
        stripped.tokens = []
        var letters: [UInt8] = []
        letters.reserveCapacity(passage.tokens.count)
        for token in passage.tokens { letters.append(token.kind.letter) }
        self.init(
            passage: stripped,
            tokens: StoredTokenColumns(
                end: passage.tokens.map(\.end), form: Array(forms), kind: String(decoding: letters, as: UTF8.self),
                start: passage.tokens.map(\.start)))
    }

    /// The passage with its tokens, their forms taken from the document's table.
    func passage(forms: [(String, String)], reader: JSONReader) throws(JSONReadError) -> Passage {
        let columns = try columns(formCount: forms.count, reader: reader)
        var passage = passage
        passage.tokens.reserveCapacity(columns.count)
        for position in 0..<columns.count {
            let (norm, stem) = forms[columns.form[position]]
            passage.tokens.append(
                Token(
                    start: columns.start[position], end: columns.end[position], kind: columns.kind[position],
                    norm: norm, stem: stem))
        }
        return passage
    }

    /// The token columns with their kinds decoded and their form indices checked.
    func columns(formCount: Int, reader: JSONReader) throws(JSONReadError) -> PassageTokenColumns {
        let letters = Array(tokens.kind.utf8)
        let count = tokens.start.count
        guard tokens.end.count == count, tokens.form.count == count, letters.count == count else {
            throw reader.error("token columns of different lengths")
        }
        var kinds: [TokenKind] = []
        kinds.reserveCapacity(count)
        for (form, letter) in zip(tokens.form, letters) {
            guard form >= 0 && form < formCount else { throw reader.error("token form \(form) is not in forms") }
            guard let kind = TokenKind(letter: letter) else { throw reader.error("unknown token kind letter") }
            kinds.append(kind)
        }
        return PassageTokenColumns(start: tokens.start, end: tokens.end, kind: kinds, form: tokens.form)
    }
}

/// A passage's `tokens` object: offsets, form indices and one kind letter per token.
struct StoredTokenColumns: JSONObject {
    var end: [Int]
    var form: [Int]
    var kind: String
    var start: [Int]

    static let jsonMembers: [JSONMember<StoredTokenColumns>] = [
        .init("end", \.end), .init("form", \.form), .init("kind", \.kind), .init("start", \.start),
    ]

    static var jsonBlank: StoredTokenColumns { StoredTokenColumns(end: [], form: [], kind: "", start: []) }
}

extension TokenKind {
    /// The kind's letter in a passage file's `kind` column.
    var letter: UInt8 {
        switch self {
        case .word: UInt8(ascii: "w")
        case .number: UInt8(ascii: "n")
        case .punctuation: UInt8(ascii: "p")
        case .symbol: UInt8(ascii: "s")
        case .url: UInt8(ascii: "u")
        case .email: UInt8(ascii: "e")
        }
    }

    init?(letter: UInt8) {
        switch letter {
        case UInt8(ascii: "w"): self = .word
        case UInt8(ascii: "n"): self = .number
        case UInt8(ascii: "p"): self = .punctuation
        case UInt8(ascii: "s"): self = .symbol
        case UInt8(ascii: "u"): self = .url
        case UInt8(ascii: "e"): self = .email
        default: return nil
        }
    }
}
