/// Reading helpers shared by the stored types' `init(from:)`.
extension JSONReader {
    /// Reads one whole JSON text with `body` and checks that only whitespace follows. Errors
    /// carry offsets shifted by `offset`, the text's place in a larger file it was cut from.
    package static func read<Value>(
        _ bytes: [UInt8], at offset: Int = 0, _ body: (inout JSONReader) throws(JSONReadError) -> Value
    ) throws(JSONReadError) -> Value {
        var reader = JSONReader(bytes: bytes)
        do {
            let value = try body(&reader)
            try reader.finish()
            return value
        } catch {
            throw JSONReadError(offset: offset + error.offset, message: error.message)
        }
    }

    /// Reads a string, or nil for `null`.
    package mutating func readOptionalString() throws(JSONReadError) -> String? {
        try readNullIfPresent() ? nil : readString()
    }

    /// Reads an integer, or nil for `null`.
    package mutating func readOptionalInt() throws(JSONReadError) -> Int? {
        try readNullIfPresent() ? nil : readInt()
    }

    package mutating func readStringArray() throws(JSONReadError) -> [String] {
        var values: [String] = []
        try beginArray()
        while try nextElement() { values.append(try readString()) }
        return values
    }

    package mutating func readIntArray() throws(JSONReadError) -> [Int] {
        var values: [Int] = []
        try beginArray()
        while try nextElement() { values.append(try readInt()) }
        return values
    }

    /// Reads a string naming a case of a `String`-backed enumeration.
    package mutating func readEnum<Value: RawRepresentable>(_ type: Value.Type) throws(JSONReadError) -> Value
    where Value.RawValue == String {
        let raw = try readString()
        guard let value = Value(rawValue: raw) else { throw error("unknown value \(raw)") }
        return value
    }

    /// The value of a key that must be present; its absence is an error at the end of the
    /// object that lacks it.
    package func required<Value>(_ value: Value?, _ key: StaticString) throws(JSONReadError) -> Value {
        guard let value else { throw error("missing key \(key)") }
        return value
    }
}
