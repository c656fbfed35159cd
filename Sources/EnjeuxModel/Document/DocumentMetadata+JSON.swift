import EnjeuxSupport

/// The `metadata` object of extracted, passage and score files: absent values left out,
/// `authors` and `keywords` always written.
extension DocumentMetadata: JSONStorable {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("authors", authors)
        writer.field("date", date)
        writer.field("keywords", keywords)
        writer.field("language", language)
        writer.field("producer", producer)
        writer.field("publisher", publisher)
        writer.field("subject", subject)
        writer.field("title", title)
        writer.field("title_source", titleSource?.rawValue)
        writer.field("url", url)
        writer.endObject()
    }

    package init(from reader: inout JSONReader) throws(JSONReadError) {
        self.init()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "authors": authors = try reader.readStringArray()
            case "keywords": keywords = try reader.readStringArray()
            case "date": date = try reader.readOptionalString()
            case "language": language = try reader.readOptionalString()
            case "producer": producer = try reader.readOptionalString()
            case "publisher": publisher = try reader.readOptionalString()
            case "subject": subject = try reader.readOptionalString()
            case "title": title = try reader.readOptionalString()
            case "url": url = try reader.readOptionalString()
            case "title_source":
                titleSource = try reader.readNullIfPresent() ? nil : reader.readEnum(TitleSource.self)
            default: try reader.skipValue()
            }
        }
    }
}
