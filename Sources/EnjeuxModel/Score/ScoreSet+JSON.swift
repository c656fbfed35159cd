import EnjeuxSupport

/// `scores.json` (docs/formats.md §3). The passages come last but one in key order, so that
/// `ScoreSetStreamWriter` can write the members before them, the passages as they are scored,
/// then the end, with the bytes of a whole set.
extension ScoreSet: JSONStorable {
    public var jsonSizeEstimate: Int { 1 << 20 }

    public func write(to writer: inout JSONWriter) {
        Self.writeOpening(lexicon: lexicon, categories: categories, documents: documents, to: &writer)
        for passage in passages { passage.write(to: &writer) }
        Self.writeClosing(schema: schema, to: &writer)
    }

    /// Everything before the first passage: the members that sort before `passages`, and the
    /// opening of its array.
    static func writeOpening(
        lexicon: LexiconInfo, categories: [CategoryInfo], documents: [DocumentSummary], to writer: inout JSONWriter
    ) {
        writer.beginObject()
        writer.field("categories", categories)
        writer.field("documents", documents)
        writer.field("lexicon", lexicon)
        writer.key(literal: "passages")
        writer.beginArray()
    }

    /// Everything after the last passage.
    static func writeClosing(schema: Int, to writer: inout JSONWriter) {
        writer.endArray()
        writer.field("schema", schema)
        writer.endObject()
    }

    public init(from reader: inout JSONReader) throws(JSONReadError) {
        var members = ScoreSetMembers()
        try reader.beginObject()
        while let key = try reader.nextKey() { try members.read(key, from: &reader) }
        self = try members.scoreSet(orThrow: reader.error("missing key in the score set"))
    }
}

/// The members of a score set as they are read, whole or one by one from a file.
struct ScoreSetMembers {
    var schema: Int?
    var lexicon: LexiconInfo?
    var categories: [CategoryInfo]?
    var documents: [DocumentSummary]?
    var passages: [ScoredPassage]?

    mutating func read(_ key: String, from reader: inout JSONReader) throws(JSONReadError) {
        switch key {
        case "schema": schema = try reader.readInt()
        case "lexicon": lexicon = try LexiconInfo(from: &reader)
        case "categories": categories = try readArray(&reader)
        case "documents": documents = try readArray(&reader)
        case "passages": passages = try readArray(&reader)
        default: try reader.skipValue()
        }
    }

    /// The set; `missing` is thrown when a member is missing.
    func scoreSet(orThrow missing: JSONReadError) throws(JSONReadError) -> ScoreSet {
        guard let schema, let lexicon, let categories, let documents, let passages else { throw missing }
        var set = ScoreSet(lexicon: lexicon, categories: categories, documents: documents, passages: passages)
        set.schema = schema
        return set
    }
}
