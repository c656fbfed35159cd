/// Reading helpers for the objects read by hand rather than through their members (passages in
/// passage files).
extension JSONReader {
    /// Reads a string, or nil for `null`.
    public mutating func readOptionalString() throws(JSONReadError) -> String? {
        try readNullIfPresent() ? nil : readString()
    }

    /// Reads an integer, or nil for `null`.
    public mutating func readOptionalInt() throws(JSONReadError) -> Int? {
        try readNullIfPresent() ? nil : readInt()
    }

    /// The value of a key that must be present; its absence is an error at the end of the
    /// object that lacks it.
    public func required<Value>(_ value: Value?, _ key: StaticString) throws(JSONReadError) -> Value {
        guard let value else { throw error("missing key \(key)") }
        return value
    }
}
