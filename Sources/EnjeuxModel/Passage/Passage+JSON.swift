import EnjeuxSupport

/// A passage in a passage file: its fields, and its tokens as parallel columns whose `form`
/// indices point into the document's `forms` (written and read by `TokenizedDocument`).
extension Passage {
    func write(to writer: inout JSONWriter, forms: ArraySlice<Int>) {
        writer.beginObject()
        writer.field("block_kind", blockKind.rawValue)
        writer.field("end_page", endPage)
        writer.field("end_page_label", endPageLabel)
        writer.field("heading", heading)
        writer.field("id", id)
        writer.field("index", index)
        writer.field("page", page)
        writer.field("page_label", pageLabel)
        writer.field("text", text)
        writer.key(literal: "tokens")
        writer.beginObject()
        writer.key(literal: "end")
        writer.beginArray()
        for token in tokens { writer.int(token.end) }
        writer.endArray()
        writer.key(literal: "form")
        writer.beginArray()
        for index in forms { writer.int(index) }
        writer.endArray()
        writer.key(literal: "kind")
        var letters: [UInt8] = [UInt8(ascii: "\"")]
        letters.reserveCapacity(tokens.count + 2)
        for token in tokens { letters.append(token.kind.letter) }
        letters.append(UInt8(ascii: "\""))
        writer.rawValue(letters)
        writer.key(literal: "start")
        writer.beginArray()
        for token in tokens { writer.int(token.start) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
    }
}

/// A passage as read, before its form indices are resolved (the `forms` table may come after
/// `passages` in the file).
struct StoredPassage: JSONReadable {
    /// The passage without its tokens.
    var passage: Passage
    var start: [Int] = []
    var end: [Int] = []
    var form: [Int] = []
    /// One letter per token.
    var kind: [UInt8] = []

    init(from reader: inout JSONReader) throws(JSONReadError) {
        var id: String?
        var index: Int?
        var page: Int?
        var endPage: Int?
        var pageLabel: String?
        var endPageLabel: String?
        var heading: String?
        var blockKind: BlockKind?
        var text: String?
        var columns: (start: [Int], end: [Int], form: [Int], kind: [UInt8])?
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
            case "block_kind": blockKind = try reader.readEnum(BlockKind.self)
            case "text": text = try reader.readString()
            case "tokens": columns = try Self.readColumns(&reader)
            default: try reader.skipValue()
            }
        }
        passage = Passage(
            id: try reader.required(id, "id"), index: try reader.required(index, "index"),
            page: try reader.required(page, "page"), endPage: endPage, pageLabel: pageLabel,
            endPageLabel: endPageLabel, heading: heading, blockKind: try reader.required(blockKind, "block_kind"),
            text: try reader.required(text, "text"), tokens: [])
        (start, end, form, kind) = try reader.required(columns, "tokens")
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
            guard let tokenKind = TokenKind(letter: kind[position]) else {
                throw reader.error("unknown token kind letter")
            }
            kinds.append(tokenKind)
        }
        return PassageTokenColumns(start: start, end: end, kind: kinds, form: form)
    }

    private static func readColumns(_ reader: inout JSONReader) throws(JSONReadError) -> (
        start: [Int], end: [Int], form: [Int], kind: [UInt8]
    ) {
        var start: [Int]?
        var end: [Int]?
        var form: [Int]?
        var kind: [UInt8]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "start": start = try reader.readIntArray()
            case "end": end = try reader.readIntArray()
            case "form": form = try reader.readIntArray()
            case "kind": kind = Array(try reader.readString().utf8)
            default: try reader.skipValue()
            }
        }
        return (
            try reader.required(start, "start"), try reader.required(end, "end"), try reader.required(form, "form"),
            try reader.required(kind, "kind")
        )
    }
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
