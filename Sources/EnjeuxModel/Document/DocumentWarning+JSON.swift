import EnjeuxSupport

/// A warning in the stage files (`extracted/<id>.json`, `passages/<id>.json`, `scores.json`)
/// and the extraction manifest: `{"code":…,"message":…,"values":{…}}`, `values` left out when
/// empty, keys sorted. A plain string, as versions before codes wrote, reads as `.other`.
extension DocumentWarning: JSONStorable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("code", code)
        writer.field("message", message)
        let values = values
        if !values.isEmpty {
            writer.key(literal: "values")
            writer.beginObject()
            for name in values.keys.sorted() {
                writer.key(name)
                writer.string(values[name] ?? "")
            }
            writer.endObject()
        }
        writer.endObject()
    }

    public var jsonSizeEstimate: Int { 128 }

    public init(from reader: inout JSONReader) throws(JSONReadError) {
        if try reader.peekValueStart() == UInt8(ascii: "\"") {
            self = .other(try reader.readString())
            return
        }
        var code = ""
        var message = ""
        var values: [String: String] = [:]
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "code": code = try reader.readString()
            case "message": message = try reader.readString()
            case "values":
                try reader.beginObject()
                while let name = try reader.nextKey() { values[name] = try reader.readString() }
            default: try reader.skipValue()
            }
        }
        self.init(code: code, values: values, message: message)
    }
}

/// In `run.json` and the worker protocol (Foundation's coders): the same object.
extension DocumentWarning: Codable {
    private enum Keys: String, CodingKey { case code, message, values }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        if !values.isEmpty { try container.encode(values, forKey: .values) }
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .other(text)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code),
            values: try container.decodeIfPresent([String: String].self, forKey: .values) ?? [:],
            message: try container.decodeIfPresent(String.self, forKey: .message) ?? "")
    }
}
