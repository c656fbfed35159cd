import EnjeuxSupport

/// The extracted-document file (`extracted/<id>.json`, docs/formats.md §1).
extension ExtractedDocument: JSONStorable {
    package var jsonSizeEstimate: Int {
        var textBytes = 0
        for page in pages {
            for block in page.blocks { textBytes += block.text.utf8.count + 48 }
        }
        return 4096 + textBytes + textBytes / 8
    }

    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("byte_count", byteCount)
        writer.field("format", format.rawValue)
        writer.field("id", id)
        writer.field("metadata", metadata)
        writer.field("pages", pages)
        writer.field("schema", schema)
        writer.field("sha256", sha256)
        writer.field("source", source)
        writer.field("warnings", warnings)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var byteCount: Int?
        var format: DocumentFormat?
        var id: String?
        var metadata: DocumentMetadata?
        var pages: [Page]?
        var schema: Int?
        var sha256: String?
        var source: String?
        var warnings: [String]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "byte_count": byteCount = try reader.readInt()
            case "format": format = try reader.readEnum(DocumentFormat.self)
            case "id": id = try reader.readString()
            case "metadata": metadata = try DocumentMetadata(from: &reader)
            case "pages": pages = try [Page](from: &reader)
            case "schema": schema = try reader.readInt()
            case "sha256": sha256 = try reader.readString()
            case "source": source = try reader.readString()
            case "warnings": warnings = try reader.readStringArray()
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try reader.required(id, "id"), source: try reader.required(source, "source"),
            sha256: try reader.required(sha256, "sha256"), byteCount: try reader.required(byteCount, "byte_count"),
            format: try reader.required(format, "format"),
            content: ExtractedContent(
                metadata: try reader.required(metadata, "metadata"), pages: try reader.required(pages, "pages"),
                warnings: try reader.required(warnings, "warnings")))
        self.schema = try reader.required(schema, "schema")
    }
}

extension Page: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("blocks", blocks)
        writer.field("label", label)
        writer.field("number", number)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var blocks: [Block] = []
        var label: String?
        var number: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "blocks": blocks = try [Block](from: &reader)
            case "label": label = try reader.readOptionalString()
            case "number": number = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        self.init(number: try reader.required(number, "number"), label: label, blocks: blocks)
    }
}

extension Block: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("kind", kind.rawValue)
        writer.field("level", level)
        writer.field("text", text)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var kind: BlockKind?
        var text: String?
        var level: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "kind": kind = try reader.readEnum(BlockKind.self)
            case "text": text = try reader.readString()
            case "level": level = try reader.readOptionalInt()
            default: try reader.skipValue()
            }
        }
        self.init(kind: try reader.required(kind, "kind"), text: try reader.required(text, "text"), level: level)
    }
}
