import EnjeuxSupport

/// A passage as a passage file stores it: its fields, and its tokens as parallel columns whose
/// `form` indices point into the document's `forms` (the table may come after the passages in
/// a file, so they are resolved once the whole document is read). Hand-written rather than
/// through `JSONObject` members: passage files hold millions of tokens.
struct StoredPassage: JSONReadable {
    /// The passage without its tokens.
    var passage: Passage
    var tokens: StoredTokenColumns

    init(from reader: inout JSONReader) throws(JSONReadError) {
        var id: String?
        var index: Int?
        var page: Int?
        var endPage: Int?
        var pageLabel: String?
        var endPageLabel: String?
        var heading: String?
        var paragraph: Int?
        var blockKind: BlockKind?
        var text: String?
        var tokens: StoredTokenColumns?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try reader.readString()
            case "index": index = try reader.readInt()
            case "page": page = try reader.readInt()
            case "end_page": endPage = try reader.readOptionalInt()
            case "page_label": pageLabel = try reader.readOptionalString()
            case "end_page_label": endPageLabel = try reader.readOptionalString()
            case "heading": heading = try reader.readOptionalString()
            case "paragraph": paragraph = try reader.readOptionalInt()
            case "block_kind": blockKind = try BlockKind(from: &reader)
            case "text": text = try reader.readString()
            case "tokens": tokens = try StoredTokenColumns(from: &reader)
            default: try reader.skipValue()
            }
        }
        passage = Passage(
            id: try reader.required(id, "id"), index: try reader.required(index, "index"),
            page: try reader.required(page, "page"), endPage: endPage, pageLabel: pageLabel,
            endPageLabel: endPageLabel, heading: heading, paragraph: paragraph,
            blockKind: try reader.required(blockKind, "block_kind"),
            text: try reader.required(text, "text"), tokens: [])
        self.tokens = try reader.required(tokens, "tokens")
    }

    /// Writes `passage`, whose tokens have the forms `forms` in the document's table.
    static func write(_ passage: Passage, forms: ArraySlice<Int>, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("block_kind", passage.blockKind.rawValue)
        writer.field("end_page", passage.endPage)
        writer.field("end_page_label", passage.endPageLabel)
        writer.field("heading", passage.heading)
        writer.field("id", passage.id)
        writer.field("index", passage.index)
        writer.field("page", passage.page)
        writer.field("page_label", passage.pageLabel)
        writer.field("paragraph", passage.paragraph)
        writer.field("text", passage.text)
        writer.key(literal: "tokens")
        writer.beginObject()
        writer.key(literal: "end")
        writer.beginArray()
        for token in passage.tokens { writer.int(token.end) }
        writer.endArray()
        writer.key(literal: "form")
        writer.beginArray()
        for index in forms { writer.int(index) }
        writer.endArray()
        writer.key(literal: "kind")
        var letters: [UInt8] = [UInt8(ascii: "\"")]
        letters.reserveCapacity(passage.tokens.count + 2)
        for token in passage.tokens { letters.append(token.kind.letter) }
        letters.append(UInt8(ascii: "\""))
        writer.rawValue(letters)
        writer.key(literal: "start")
        writer.beginArray()
        for token in passage.tokens { writer.int(token.start) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
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
        let (start, end, form) = (tokens.start, tokens.end, tokens.form)
        let letters = Array(tokens.kind.utf8)
        let count = start.count
        guard end.count == count, form.count == count, letters.count == count else {
            throw reader.error("token columns of different lengths")
        }
        var kinds: [TokenKind] = []
        kinds.reserveCapacity(count)
        for (index, letter) in zip(form, letters) {
            guard index >= 0 && index < formCount else { throw reader.error("token form \(index) is not in forms") }
            guard let tokenKind = TokenKind(letter: letter) else { throw reader.error("unknown token kind letter") }
            kinds.append(tokenKind)
        }
        return PassageTokenColumns(start: start, end: end, kind: kinds, form: form)
    }
}

/// A passage's `tokens` object as read: offsets, form indices and one kind letter per token.
/// (`StoredPassage.write` writes it straight from the passage's tokens.)
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
