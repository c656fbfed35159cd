import EnjeuxSupport

/// A passage as a passage file stores it: its fields, and its tokens as parallel columns whose
/// `form` indices point into the document's `forms` (the table may come after the passages in
/// a file, so they are resolved once the whole document is read). Hand-written rather than
/// through `JSONObject` members: passage files hold millions of tokens.
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
        var blockKind: BlockKind?
        var place = PassagePlaceMembers()
        var hasTokens = false
        passage = Passage(id: "", index: 0, page: 0, blockKind: .paragraph, text: "", tokens: [])
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try reader.readString()
            case "block_kind": blockKind = try BlockKind(from: &reader)
            case "tokens":
                try readColumns(&reader)
                hasTokens = true
            default: if try !place.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        passage = try place.passage(
            id: try reader.required(id, "id"), blockKind: try reader.required(blockKind, "block_kind"), reader: reader)
        guard hasTokens else { throw reader.error("missing key tokens") }
    }

    /// Writes `passage`, whose tokens have the forms `forms` in the document's table.
    static func write(_ passage: Passage, forms: ArraySlice<Int>, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("block_kind", passage.blockKind.rawValue)
        passage.writeEndAndHeading(to: &writer)
        writer.field("id", passage.id)
        passage.writeIndexAndPage(to: &writer)
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
        let count = start.count
        guard end.count == count, form.count == count, kind.count == count else {
            throw reader.error("token columns of different lengths")
        }
        var kinds: [TokenKind] = []
        kinds.reserveCapacity(count)
        for (index, letter) in zip(form, kind) {
            guard index >= 0 && index < formCount else { throw reader.error("token form \(index) is not in forms") }
            guard let tokenKind = TokenKind(letter: letter) else { throw reader.error("unknown token kind letter") }
            kinds.append(tokenKind)
        }
        return PassageTokenColumns(start: start, end: end, kind: kinds, form: form)
    }

    /// Reads the `tokens` object: all four columns are required.
    private mutating func readColumns(_ reader: inout JSONReader) throws(JSONReadError) {
        var seen = Set<String>()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "start": start = try reader.readIntArray()
            case "end": end = try reader.readIntArray()
            case "form": form = try reader.readIntArray()
            case "kind": kind = Array(try reader.readString().utf8)
            default:
                try reader.skipValue()
                continue
            }
            seen.insert(key)
        }
        guard seen.count == 4 else { throw reader.error("tokens need start, end, form and kind") }
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
