import EnjeuxSupport
import Foundation

/// A CSL-JSON item: keys in sorted order (`URL` first, as its capitals sort), absent values
/// left out, `author` left out when there is none. Other CSL fields are skipped when read.
extension CSLItem: JSONStorable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("URL", url)
        if !authors.isEmpty {
            writer.key(literal: "author")
            writer.beginArray()
            for author in authors { author.write(to: &writer) }
            writer.endArray()
        }
        writer.field("container-title", containerTitle)
        writer.field("enjeux-source", source)
        writer.field("id", id)
        writer.field("issued", issued)
        writer.field("language", language)
        writer.field("publisher", publisher)
        writer.field("title", title)
        writer.field("type", type)
        writer.endObject()
    }

    public var jsonSizeEstimate: Int { 512 }

    public init(from reader: inout JSONReader) throws(JSONReadError) {
        var item = CSLItem(id: "", type: "")
        var id: String?
        var type: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try reader.readString()
            case "type": type = try reader.readString()
            case "title": item.title = try reader.readOptionalString()
            case "author": item.authors = try [CSLName](from: &reader)
            case "issued": item.issued = try reader.readNullIfPresent() ? nil : CSLDate(from: &reader)
            case "publisher": item.publisher = try reader.readOptionalString()
            case "container-title": item.containerTitle = try reader.readOptionalString()
            case "URL": item.url = try reader.readOptionalString()
            case "language": item.language = try reader.readOptionalString()
            case "enjeux-source": item.source = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        item.id = try reader.required(id, "id")
        item.type = try reader.required(type, "type")
        self = item
    }
}

/// `{"date-parts":[[2016]]}`; read from the first date part (a number, or a numeric string as
/// Zotero writes some), months and days ignored.
extension CSLDate: JSONStorable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "date-parts")
        writer.beginArray()
        writer.intArray([year])
        writer.endArray()
        writer.endObject()
    }

    public init(from reader: inout JSONReader) throws(JSONReadError) {
        var year: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            guard key == "date-parts" else {
                try reader.skipValue()
                continue
            }
            var isFirst = true
            try reader.beginArray()
            while try reader.nextElement() {
                try reader.beginArray()
                while try reader.nextElement() {
                    guard isFirst else {
                        try reader.skipValue()
                        continue
                    }
                    isFirst = false
                    let quoted = try reader.peekValueStart() == UInt8(ascii: "\"")
                    year =
                        quoted
                        ? Int(try reader.readString().trimmingCharacters(in: .whitespaces)) : try reader.readInt()
                }
                isFirst = false
            }
        }
        self.init(year: try reader.required(year, "date-parts"))
    }
}

extension CSLItem {
    /// A CSL-JSON file: an array of items, one item per line, ending with a newline.
    public static func cslJSON(_ items: [CSLItem]) -> [UInt8] {
        var bytes: [UInt8] = Array("[".utf8)
        for (index, item) in items.enumerated() {
            bytes += Array((index == 0 ? "\n" : ",\n").utf8)
            bytes += item.jsonBytes()
        }
        bytes += Array((items.isEmpty ? "]\n" : "\n]\n").utf8)
        return bytes
    }
}
