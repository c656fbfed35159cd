/// The JSON values members are made of, so that a member's type says how it is stored.
extension String: JSONStorable {
    public func write(to writer: inout JSONWriter) { writer.string(self) }
    public init(from reader: inout JSONReader) throws(JSONReadError) { self = try reader.readString() }
}

extension Int: JSONStorable {
    public func write(to writer: inout JSONWriter) { writer.int(self) }
    public init(from reader: inout JSONReader) throws(JSONReadError) { self = try reader.readInt() }
}

extension Double: JSONStorable {
    public func write(to writer: inout JSONWriter) { writer.double(self) }
    public init(from reader: inout JSONReader) throws(JSONReadError) { self = try reader.readDouble() }
}

/// Enumerations stored as their raw string: they conform with an empty extension.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    public func write(to writer: inout JSONWriter) { writer.string(rawValue) }
}

extension JSONReadable where Self: RawRepresentable, RawValue == String {
    public init(from reader: inout JSONReader) throws(JSONReadError) {
        let raw = try reader.readString()
        guard let value = Self(rawValue: raw) else { throw reader.error("unknown value \(raw)") }
        self = value
    }
}
