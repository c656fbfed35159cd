/// A compact byte encoding for values kept in memory between two passes (LEB128 integers,
/// length-prefixed UTF-8 strings): far smaller than the same values as Swift objects, whose
/// every array and string is an allocation of its own.
public struct PackedWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        // Zig-zag, so that small negative values stay short.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }
}

/// Reads what `PackedWriter` wrote, in the same order.
public struct PackedReader: Sendable {
    /// The bytes ended early or held a value out of range: they were not written by
    /// `PackedWriter` with the same layout.
    public struct Malformed: Error, Sendable {
        public var offset: Int

        public init(offset: Int) {
            self.offset = offset
        }
    }

    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { offset >= bytes.count }

    public mutating func int() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let raw = Int(Int64(bitPattern: value))
        return (raw >> 1) ^ -(raw & 1)
    }

    public mutating func optionalInt() throws(Malformed) -> Int? {
        try bool() ? try int() : nil
    }

    public mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed(offset: offset) }
        offset += 1
        return bytes[offset - 1] == 1
    }

    public mutating func string() throws(Malformed) -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed(offset: offset) }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    public mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }
}
