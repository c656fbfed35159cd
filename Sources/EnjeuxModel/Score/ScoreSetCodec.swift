import EnjeuxSupport
import Foundation

/// The JSON form of `ScoreSet` (`scores.json`), written and read without Foundation's
/// coders. The bytes are the same as `JSONCoding.write` produces: sorted snake_case keys,
/// absent values omitted, doubles in their shortest form.
public enum ScoreSetCodec {
    // MARK: - Writing

    public static func encode(_ set: ScoreSet) -> [UInt8] {
        var writer = JSONWriter(capacity: 1 << 20)
        writer.beginObject()
        writer.key("categories")
        writer.beginArray()
        for category in set.categories {
            writer.beginObject()
            writer.key("description")
            writer.string(category.description)
            writer.key("id")
            writer.string(category.id)
            writer.key("label")
            writer.string(category.label)
            writer.endObject()
        }
        writer.endArray()
        writer.key("documents")
        writer.beginArray()
        for document in set.documents { write(document, to: &writer) }
        writer.endArray()
        writer.key("lexicon")
        writer.beginObject()
        writer.key("name")
        writer.string(set.lexicon.name)
        writer.key("path")
        writer.string(set.lexicon.path)
        writer.key("sha256")
        writer.string(set.lexicon.sha256)
        writer.key("version")
        writer.string(set.lexicon.version)
        writer.endObject()
        writer.key("passages")
        writer.beginArray()
        for passage in set.passages { write(passage, to: &writer) }
        writer.endArray()
        writer.key("schema")
        writer.int(set.schema)
        writer.endObject()
        return writer.bytes
    }

    /// Writes the score set atomically, with a final newline.
    public static func write(_ set: ScoreSet, to url: URL) throws {
        try FileBytes.write(encode(set), withFinalNewlineTo: url)
    }

    private static func write(_ document: DocumentSummary, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("format")
        writer.string(document.format.rawValue)
        writer.key("id")
        writer.string(document.id)
        writer.key("metadata")
        DocumentMetadataCodec.write(document.metadata, to: &writer)
        writer.key("page_count")
        writer.int(document.pageCount)
        writer.key("passage_count")
        writer.int(document.passageCount)
        writer.key("sha256")
        writer.string(document.sha256)
        writer.key("source")
        writer.string(document.source)
        writer.key("warnings")
        writer.stringArray(document.warnings)
        writer.endObject()
    }

    /// One scored passage, as it appears in the `passages` array.
    public static func encode(_ passage: ScoredPassage) -> [UInt8] {
        var writer = JSONWriter(capacity: passage.text.utf8.count * 2 + 256)
        write(passage, to: &writer)
        return writer.bytes
    }

    /// Scored passages as they appear in the `passages` array, separated by commas.
    public static func encode(_ passages: [ScoredPassage]) -> [UInt8] {
        var writer = JSONWriter(capacity: passages.reduce(0) { $0 + $1.text.utf8.count * 2 + 256 })
        for passage in passages { write(passage, to: &writer) }
        return writer.bytes
    }

    private static func write(_ passage: ScoredPassage, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "document_id")
        writer.string(passage.documentId)
        writer.optional("end_page", passage.endPage)
        writer.optional("end_page_label", passage.endPageLabel)
        writer.optional("heading", passage.heading)
        writer.key(literal: "index")
        writer.int(passage.index)
        writer.key(literal: "page")
        writer.int(passage.page)
        writer.optional("page_label", passage.pageLabel)
        writer.key(literal: "passage_id")
        writer.string(passage.passageId)
        writer.key(literal: "scores")
        writer.beginArray()
        for score in passage.scores {
            writer.beginObject()
            writer.key(literal: "category")
            writer.string(score.category)
            writer.key(literal: "matches")
            writer.beginArray()
            for match in score.matches {
                writer.beginObject()
                writer.key(literal: "contribution")
                writer.double(match.contribution)
                writer.key(literal: "end")
                writer.int(match.end)
                writer.key(literal: "start")
                writer.int(match.start)
                writer.key(literal: "term")
                writer.string(match.term)
                writer.key(literal: "text")
                writer.string(match.text)
                writer.endObject()
            }
            writer.endArray()
            writer.key(literal: "score")
            writer.double(score.score)
            writer.endObject()
        }
        writer.endArray()
        writer.key(literal: "text")
        writer.string(passage.text)
        writer.endObject()
    }

    // MARK: - Reading

    /// Reads a `scores.json` file.
    public static func read(from url: URL) throws -> ScoreSet {
        try decode(FileBytes.read(url))
    }

    /// Reads a `scores.json` file without holding it whole: the passages are decoded one at a
    /// time and offered to `keep`, which may trim a passage (drop some of its scores) and says
    /// whether to keep it. Returns the set of kept passages and how many the file holds.
    public static func read(from url: URL, keeping keep: (inout ScoredPassage) -> Bool) throws -> (
        scoreSet: ScoreSet, passageCount: Int
    ) {
        var scanner = try JSONFileScanner(url: url)
        var schema: Int?
        var lexicon: LexiconInfo?
        var categories: [CategoryInfo]?
        var documents: [DocumentSummary]?
        var passages: [ScoredPassage]?
        var passageCount = 0
        // One string per document id, shared by its passages; one per heading and matched
        // term or word, shared by every passage that repeats it.
        var documentIds: [String: String] = [:]
        var interned = StringPool()
        var value: [UInt8] = []
        try scanner.expect(UInt8(ascii: "{"), "expected an object")
        var firstKey = true
        while try scanner.hasNext(first: firstKey, closing: UInt8(ascii: "}")) {
            firstKey = false
            let key = try scanner.key()
            if key == "passages" {
                var kept: [ScoredPassage] = []
                // Passages are cut out of the file one by one and decoded by batches on every core.
                var batch: [(bytes: [UInt8], start: Int)] = []
                func takeBatch() throws(JSONReadError) {
                    for var passage in try decodePassages(batch) {
                        passage.documentId = documentIds[passage.documentId] ?? passage.documentId
                        passage.heading = passage.heading.map { interned.string($0) }
                        for scoreIndex in passage.scores.indices {
                            for matchIndex in passage.scores[scoreIndex].matches.indices {
                                passage.scores[scoreIndex].matches[matchIndex].term = interned.string(
                                    passage.scores[scoreIndex].matches[matchIndex].term)
                                passage.scores[scoreIndex].matches[matchIndex].text = interned.string(
                                    passage.scores[scoreIndex].matches[matchIndex].text)
                            }
                        }
                        passageCount += 1
                        if keep(&passage) { kept.append(passage) }
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                try scanner.expect(UInt8(ascii: "["), "expected an array of passages")
                var firstPassage = true
                while try scanner.hasNext(first: firstPassage, closing: UInt8(ascii: "]")) {
                    firstPassage = false
                    var bytes: [UInt8] = []
                    let start = scanner.offset
                    try scanner.value(into: &bytes)
                    batch.append((bytes, start))
                    if batch.count == passageBatchSize { try takeBatch() }
                }
                try takeBatch()
                passages = kept
                continue
            }
            value.removeAll(keepingCapacity: true)
            let start = scanner.offset
            try scanner.value(into: &value)
            switch key {
            case "schema":
                schema = try decodeValue(value, at: start) { reader throws(JSONReadError) in try reader.readInt() }
            case "lexicon": lexicon = try decodeValue(value, at: start, readLexicon)
            case "categories":
                categories = try decodeValue(value, at: start) { reader throws(JSONReadError) in
                    try readArray(&reader, readCategory)
                }
            case "documents":
                let list = try decodeValue(value, at: start) { reader throws(JSONReadError) in
                    try readArray(&reader, readDocument)
                }
                for document in list { documentIds[document.id] = document.id }
                documents = list
            default: break
            }
        }
        try scanner.finish()
        guard let schema, let lexicon, let categories, let documents, let passages else {
            throw scanner.error("missing key in the score set")
        }
        var set = ScoreSet(lexicon: lexicon, categories: categories, documents: documents, passages: passages)
        set.schema = schema
        return (set, passageCount)
    }

    /// Passages decoded together by `read(from:keeping:)`.
    static let passageBatchSize = 2048

    /// Decodes passages on every core, keeping their order; the first error in file order is
    /// thrown.
    private static func decodePassages(_ batch: [(bytes: [UInt8], start: Int)]) throws(JSONReadError)
        -> [ScoredPassage]
    {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, batch.count / 64))
        let size = (batch.count + workers - 1) / max(1, workers)
        let slices = stride(from: 0, to: batch.count, by: max(1, size)).map { $0..<min(batch.count, $0 + size) }
        let results = slices.parallelMap(workers: workers) { range in
            Result { () throws(JSONReadError) -> [ScoredPassage] in
                try batch[range].map { item throws(JSONReadError) in
                    try decodeValue(item.bytes, at: item.start, readPassage)
                }
            }
        }
        var passages: [ScoredPassage] = []
        passages.reserveCapacity(batch.count)
        for result in results { passages += try result.get() }
        return passages
    }

    /// Decodes one value's bytes; errors carry offsets in the whole file.
    private static func decodeValue<Value>(
        _ bytes: [UInt8], at start: Int, _ read: (inout JSONReader) throws(JSONReadError) -> Value
    ) throws(JSONReadError) -> Value {
        var reader = JSONReader(bytes: bytes)
        do {
            let value = try read(&reader)
            try reader.finish()
            return value
        } catch {
            throw JSONReadError(offset: start + error.offset, message: error.message)
        }
    }

    /// Parses `scores.json` bytes; malformed or incomplete input throws.
    public static func decode(_ bytes: [UInt8]) throws(JSONReadError) -> ScoreSet {
        var reader = JSONReader(bytes: bytes)
        var schema: Int?
        var lexicon: LexiconInfo?
        var categories: [CategoryInfo]?
        var documents: [DocumentSummary]?
        var passages: [ScoredPassage]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "schema": schema = try reader.readInt()
            case "lexicon": lexicon = try readLexicon(&reader)
            case "categories": categories = try readArray(&reader, readCategory)
            case "documents": documents = try readArray(&reader, readDocument)
            case "passages": passages = try readArray(&reader, readPassage)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        guard let schema, let lexicon, let categories, let documents, let passages else {
            throw reader.error("missing key in the score set")
        }
        var set = ScoreSet(lexicon: lexicon, categories: categories, documents: documents, passages: passages)
        set.schema = schema
        return set
    }

    private static func readArray<Element>(
        _ reader: inout JSONReader, _ element: (inout JSONReader) throws(JSONReadError) -> Element
    ) throws(JSONReadError) -> [Element] {
        var values: [Element] = []
        try reader.beginArray()
        while try reader.nextElement() { values.append(try element(&reader)) }
        return values
    }

    private static func readLexicon(_ reader: inout JSONReader) throws(JSONReadError) -> LexiconInfo {
        var fields: [String: String] = [:]
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name", "path", "sha256", "version": fields[key] = try reader.readString()
            default: try reader.skipValue()
            }
        }
        guard let name = fields["name"], let path = fields["path"], let sha256 = fields["sha256"],
            let version = fields["version"]
        else { throw reader.error("missing key in lexicon") }
        return LexiconInfo(path: path, sha256: sha256, name: name, version: version)
    }

    private static func readCategory(_ reader: inout JSONReader) throws(JSONReadError) -> CategoryInfo {
        var fields: [String: String] = [:]
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id", "label", "description": fields[key] = try reader.readString()
            default: try reader.skipValue()
            }
        }
        guard let id = fields["id"], let label = fields["label"], let description = fields["description"] else {
            throw reader.error("missing key in a category")
        }
        return CategoryInfo(id: id, label: label, description: description)
    }

    private static func readDocument(_ reader: inout JSONReader) throws(JSONReadError) -> DocumentSummary {
        var id: String?
        var source: String?
        var sha256: String?
        var format: DocumentFormat?
        var metadata: DocumentMetadata?
        var pageCount: Int?
        var passageCount: Int?
        var warnings: [String]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try reader.readString()
            case "source": source = try reader.readString()
            case "sha256": sha256 = try reader.readString()
            case "format": format = try reader.readEnum(DocumentFormat.self)
            case "metadata": metadata = try DocumentMetadataCodec.read(from: &reader)
            case "page_count": pageCount = try reader.readInt()
            case "passage_count": passageCount = try reader.readInt()
            case "warnings": warnings = try reader.readStringArray()
            default: try reader.skipValue()
            }
        }
        guard let id, let source, let sha256, let format, let metadata, let pageCount, let passageCount, let warnings
        else { throw reader.error("missing key in a document") }
        return DocumentSummary(
            id: id, source: source, sha256: sha256, format: format, metadata: metadata, pageCount: pageCount,
            passageCount: passageCount, warnings: warnings)
    }

    private static func readPassage(_ reader: inout JSONReader) throws(JSONReadError) -> ScoredPassage {
        var documentId: String?
        var passageId: String?
        var index: Int?
        var page: Int?
        var endPage: Int?
        var pageLabel: String?
        var endPageLabel: String?
        var heading: String?
        var text: String?
        var scores: [CategoryScore]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "document_id": documentId = try reader.readString()
            case "passage_id": passageId = try reader.readString()
            case "index": index = try reader.readInt()
            case "page": page = try reader.readInt()
            case "end_page": endPage = try reader.readOptionalInt()
            case "page_label": pageLabel = try reader.readOptionalString()
            case "end_page_label": endPageLabel = try reader.readOptionalString()
            case "heading": heading = try reader.readOptionalString()
            case "text": text = try reader.readString()
            case "scores": scores = try readArray(&reader, readScore)
            default: try reader.skipValue()
            }
        }
        guard let documentId, let passageId, let index, let page, let text, let scores else {
            throw reader.error("missing key in a scored passage")
        }
        // ScoredPassage is built from a Passage; its tokens are not part of scores.json.
        let passage = Passage(
            id: passageId, index: index, page: page, endPage: endPage, pageLabel: pageLabel,
            endPageLabel: endPageLabel, heading: heading, blockKind: .paragraph, text: text, tokens: [])
        return ScoredPassage(documentId: documentId, passage: passage, scores: scores)
    }

    private static func readScore(_ reader: inout JSONReader) throws(JSONReadError) -> CategoryScore {
        var category: String?
        var score: Double?
        var matches: [TermMatch]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "category": category = try reader.readString()
            case "score": score = try reader.readDouble()
            case "matches": matches = try readArray(&reader, readMatch)
            default: try reader.skipValue()
            }
        }
        guard let category, let score, let matches else { throw reader.error("missing key in a score") }
        return CategoryScore(category: category, score: score, matches: matches)
    }

    private static func readMatch(_ reader: inout JSONReader) throws(JSONReadError) -> TermMatch {
        var term: String?
        var text: String?
        var start: Int?
        var end: Int?
        var contribution: Double?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "term": term = try reader.readString()
            case "text": text = try reader.readString()
            case "start": start = try reader.readInt()
            case "end": end = try reader.readInt()
            case "contribution": contribution = try reader.readDouble()
            default: try reader.skipValue()
            }
        }
        guard let term, let text, let start, let end, let contribution else {
            throw reader.error("missing key in a match")
        }
        return TermMatch(term: term, text: text, start: start, end: end, contribution: contribution)
    }
}

/// Shares one copy of each distinct string (headings, terms and words repeated across
/// thousands of passages). Strings of up to 15 UTF-8 bytes are stored inline by Swift and
/// are left as they are.
struct StringPool {
    private var strings: Set<String> = []

    mutating func string(_ value: String) -> String {
        guard value.utf8.count > 15 else { return value }
        if let existing = strings.firstIndex(of: value) { return strings[existing] }
        strings.insert(value)
        return value
    }
}
