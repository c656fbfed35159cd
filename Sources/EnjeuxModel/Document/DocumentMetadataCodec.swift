import EnjeuxSupport

/// Writes and reads `DocumentMetadata` with `JSONWriter`/`JSONReader`, in the same shape as
/// its `Codable` form: snake_case keys in sorted order, absent values omitted.
enum DocumentMetadataCodec {
    static func write(_ metadata: DocumentMetadata, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("authors")
        writer.stringArray(metadata.authors)
        writer.optional("date", metadata.date)
        writer.key("keywords")
        writer.stringArray(metadata.keywords)
        writer.optional("language", metadata.language)
        writer.optional("producer", metadata.producer)
        writer.optional("publisher", metadata.publisher)
        writer.optional("subject", metadata.subject)
        writer.optional("title", metadata.title)
        writer.optional("title_source", metadata.titleSource?.rawValue)
        writer.optional("url", metadata.url)
        writer.endObject()
    }

    static func read(from reader: inout JSONReader) throws(JSONReadError) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "authors": metadata.authors = try reader.readStringArray()
            case "keywords": metadata.keywords = try reader.readStringArray()
            case "date": metadata.date = try reader.readOptionalString()
            case "language": metadata.language = try reader.readOptionalString()
            case "producer": metadata.producer = try reader.readOptionalString()
            case "publisher": metadata.publisher = try reader.readOptionalString()
            case "subject": metadata.subject = try reader.readOptionalString()
            case "title": metadata.title = try reader.readOptionalString()
            case "url": metadata.url = try reader.readOptionalString()
            case "title_source":
                if let raw = try reader.readOptionalString() {
                    guard let source = TitleSource(rawValue: raw) else {
                        throw reader.error("unknown title_source \(raw)")
                    }
                    metadata.titleSource = source
                }
            default: try reader.skipValue()
            }
        }
        return metadata
    }
}

extension JSONReader {
    /// Reads a string, or nil for `null`.
    public mutating func readOptionalString() throws(JSONReadError) -> String? {
        try readNullIfPresent() ? nil : readString()
    }

    /// Reads an integer, or nil for `null`.
    public mutating func readOptionalInt() throws(JSONReadError) -> Int? {
        try readNullIfPresent() ? nil : readInt()
    }

    public mutating func readStringArray() throws(JSONReadError) -> [String] {
        var values: [String] = []
        try beginArray()
        while try nextElement() { values.append(try readString()) }
        return values
    }

    public mutating func readIntArray() throws(JSONReadError) -> [Int] {
        var values: [Int] = []
        try beginArray()
        while try nextElement() { values.append(try readInt()) }
        return values
    }

    /// Reads a string naming a case of a `String`-backed enumeration.
    public mutating func readEnum<Value: RawRepresentable>(_ type: Value.Type) throws(JSONReadError) -> Value
    where Value.RawValue == String {
        let raw = try readString()
        guard let value = Value(rawValue: raw) else { throw error("unknown value \(raw)") }
        return value
    }
}
