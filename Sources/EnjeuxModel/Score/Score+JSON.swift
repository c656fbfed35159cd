import EnjeuxSupport

/// The members of `scores.json` (docs/formats.md §3), each written and read by its own type.
extension ScoredPassage: JSONStorable {
    package var jsonSizeEstimate: Int { text.utf8.count * 2 + 256 }

    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("document_id", documentId)
        writer.field("end_page", endPage)
        writer.field("end_page_label", endPageLabel)
        writer.field("heading", heading)
        writer.field("index", index)
        writer.field("page", page)
        writer.field("page_label", pageLabel)
        writer.field("passage_id", passageId)
        writer.field("scores", scores)
        writer.field("text", text)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
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
            case "scores": scores = try [CategoryScore](from: &reader)
            default: try reader.skipValue()
            }
        }
        // A scored passage is built from a passage; its tokens are not part of scores.json.
        let passage = Passage(
            id: try reader.required(passageId, "passage_id"), index: try reader.required(index, "index"),
            page: try reader.required(page, "page"), endPage: endPage, pageLabel: pageLabel,
            endPageLabel: endPageLabel, heading: heading, blockKind: .paragraph,
            text: try reader.required(text, "text"), tokens: [])
        self.init(
            documentId: try reader.required(documentId, "document_id"), passage: passage,
            scores: try reader.required(scores, "scores"))
    }
}

extension CategoryScore: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("category", category)
        writer.field("matches", matches)
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
            case "matches": matches = try [TermMatch](from: &reader)
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

extension DocumentSummary: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("format", format.rawValue)
        writer.field("id", id)
        writer.field("metadata", metadata)
        writer.field("page_count", pageCount)
        writer.field("passage_count", passageCount)
        writer.field("sha256", sha256)
        writer.field("source", source)
        writer.field("warnings", warnings)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
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
            case "metadata": metadata = try DocumentMetadata(from: &reader)
            case "page_count": pageCount = try reader.readInt()
            case "passage_count": passageCount = try reader.readInt()
            case "warnings": warnings = try reader.readStringArray()
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try reader.required(id, "id"), source: try reader.required(source, "source"),
            sha256: try reader.required(sha256, "sha256"), format: try reader.required(format, "format"),
            metadata: try reader.required(metadata, "metadata"),
            pageCount: try reader.required(pageCount, "page_count"),
            passageCount: try reader.required(passageCount, "passage_count"),
            warnings: try reader.required(warnings, "warnings"))
    }
}

extension CategoryInfo: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("description", description)
        writer.field("id", id)
        writer.field("label", label)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var fields: [String: String] = [:]
        try reader.readStrings(into: &fields, keys: ["description", "id", "label"])
        self.init(
            id: try reader.required(fields["id"], "id"), label: try reader.required(fields["label"], "label"),
            description: try reader.required(fields["description"], "description"))
    }
}

extension LexiconInfo: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("name", name)
        writer.field("path", path)
        writer.field("sha256", sha256)
        writer.field("version", version)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var fields: [String: String] = [:]
        try reader.readStrings(into: &fields, keys: ["name", "path", "sha256", "version"])
        self.init(
            path: try reader.required(fields["path"], "path"), sha256: try reader.required(fields["sha256"], "sha256"),
            name: try reader.required(fields["name"], "name"),
            version: try reader.required(fields["version"], "version"))
    }
}

extension JSONReader {
    /// Reads an object whose members of interest are all strings: those named in `keys`
    /// into `fields`, the others skipped.
    fileprivate mutating func readStrings(into fields: inout [String: String], keys: Set<String>)
        throws(JSONReadError)
    {
        try beginObject()
        while let key = try nextKey() {
            if keys.contains(key) { fields[key] = try readString() } else { try skipValue() }
        }
    }
}
