extension JSONReader {
    /// Reads one whole JSON text with `body` and checks that only whitespace follows. Errors
    /// carry offsets shifted by `offset`, the text's place in a larger file it was cut from.
    public static func read<Value>(
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
}
