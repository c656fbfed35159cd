import EnjeuxSupport

/// The members of `scores.json` (docs/formats.md §3). Scored passages, their scores and
/// matches are written and read by hand: they make up nearly all of a file of tens of
/// megabytes, where `JSONObject`'s generic members would cost a third more time.
extension ScoredPassage: JSONStorable {
    package var jsonSizeEstimate: Int { text.utf8.count * 2 + 256 }

    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("document_id", documentId)
        writeEndAndHeading(to: &writer)
        writeIndexAndPage(to: &writer)
        writer.field("passage_id", passageId)
        writer.key(literal: "scores")
        writeElements(scores, to: &writer)
        writer.field("text", text)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var documentId: String?
        var passageId: String?
        var scores: [CategoryScore]?
        var place = PassagePlaceMembers()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "document_id": documentId = try reader.readString()
            case "passage_id": passageId = try reader.readString()
            case "scores": scores = try readElements(&reader)
            default: if try !place.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        // A scored passage is built from a passage; its block kind and tokens are not stored.
        let passage = try place.passage(
            id: try reader.required(passageId, "passage_id"), blockKind: .paragraph, reader: reader)
        self.init(
            documentId: try reader.required(documentId, "document_id"), passage: passage,
            scores: try reader.required(scores, "scores"))
    }
}

extension CategoryScore: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("category", category)
        writer.key(literal: "matches")
        writeElements(matches, to: &writer)
        writer.field("score", score)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var category: String?
        var score: Double?
        var matches: [TermMatch]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "category": category = try reader.readString()
            case "score": score = try reader.readDouble()
            case "matches": matches = try readElements(&reader)
            default: try reader.skipValue()
            }
        }
        self.init(
            category: try reader.required(category, "category"), score: try reader.required(score, "score"),
            matches: try reader.required(matches, "matches"))
    }
}

extension TermMatch: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("contribution", contribution)
        writer.field("end", end)
        writer.field("start", start)
        writer.field("term", term)
        writer.field("text", text)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
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
        self.init(
            term: try reader.required(term, "term"), text: try reader.required(text, "text"),
            start: try reader.required(start, "start"), end: try reader.required(end, "end"),
            contribution: try reader.required(contribution, "contribution"))
    }
}

/// An array of scores or matches, by code of this module (which the compiler specializes,
/// unlike the generic `Array` conformance of EnjeuxSupport).
func writeElements<Element: JSONWritable>(_ elements: [Element], to writer: inout JSONWriter) {
    writer.beginArray()
    for element in elements { element.write(to: &writer) }
    writer.endArray()
}

func readElements<Element: JSONReadable>(_ reader: inout JSONReader) throws(JSONReadError) -> [Element] {
    var elements: [Element] = []
    try reader.beginArray()
    while try reader.nextElement() { elements.append(try Element(from: &reader)) }
    return elements
}

extension DocumentSummary: JSONObject {
    package static let jsonMembers: [JSONMember<DocumentSummary>] = [
        .init("format", \.format), .init("id", \.id), .init("metadata", \.metadata), .init("page_count", \.pageCount),
        .init("passage_count", \.passageCount), .init("sha256", \.sha256), .init("source", \.source),
        .init("warnings", \.warnings),
    ]

    package static var jsonBlank: DocumentSummary {
        DocumentSummary(
            id: "", source: "", sha256: "", format: .html, metadata: DocumentMetadata(), pageCount: 0, passageCount: 0,
            warnings: [])
    }
}

extension CategoryInfo: JSONObject {
    package static let jsonMembers: [JSONMember<CategoryInfo>] = [
        .init("description", \.description), .init("id", \.id), .init("label", \.label),
    ]

    package static var jsonBlank: CategoryInfo { CategoryInfo(id: "", label: "", description: "") }
}

extension LexiconInfo: JSONObject {
    package static let jsonMembers: [JSONMember<LexiconInfo>] = [
        .init("name", \.name), .init("path", \.path), .init("sha256", \.sha256), .init("version", \.version),
    ]

    package static var jsonBlank: LexiconInfo { LexiconInfo(path: "", sha256: "", name: "", version: "") }
}
