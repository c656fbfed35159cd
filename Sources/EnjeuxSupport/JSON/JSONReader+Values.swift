/// Reading helpers for the types read by hand rather than through their `JSONObject` members.
extension JSONReader {
    /// Reads a string, or nil for `null`.
    package mutating func readOptionalString() throws(JSONReadError) -> String? {
        try readNullIfPresent() ? nil : readString()
    }

    /// Reads an integer, or nil for `null`.
    package mutating func readOptionalInt() throws(JSONReadError) -> Int? {
        try readNullIfPresent() ? nil : readInt()
    }

    package mutating func readIntArray() throws(JSONReadError) -> [Int] {
        var values: [Int] = []
        try beginArray()
        while try nextElement() { values.append(try readInt()) }
        return values
    }

    /// The value of a key that must be present; its absence is an error at the end of the
    /// object that lacks it.
    package func required<Value>(_ value: Value?, _ key: StaticString) throws(JSONReadError) -> Value {
        guard let value else { throw error("missing key \(key)") }
        return value
    }
}
