/// Why a JSON text could not be read: what was wrong and at which byte offset.
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}

/// A pull reader over UTF-8 JSON bytes (RFC 8259): the caller walks the structure it
/// expects (`beginObject`/`nextKey`, `beginArray`/`nextElement`, scalar reads) and skips
/// what it does not know with `skipValue`. Any whitespace, key order and escape
/// (including `\uXXXX` surrogate pairs) is accepted; malformed input throws.
public struct JSONReader: Sendable {
    private let bytes: [UInt8]
    /// Offset of the next byte to read.
    public private(set) var offset = 0
    private var containerIsEmpty = false
    private var depth = 0
    /// Deepest nesting accepted, so that hostile input cannot exhaust the stack in `skipValue`.
    public static let maximumDepth = 512

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: - Objects and arrays

    /// Consumes `{`.
    public mutating func beginObject() throws(JSONReadError) {
        try expect(UInt8(ascii: "{"), "expected an object")
        try enter()
    }

    /// The next key of the current object, or nil after consuming its closing `}`.
    public mutating func nextKey() throws(JSONReadError) -> String? {
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            containerIsEmpty = false
            return nil
        }
        if !containerIsEmpty {
            try expect(UInt8(ascii: ","), "expected , or } in an object")
            skipWhitespace()
        }
        containerIsEmpty = false
        let key = try readString()
        try expect(UInt8(ascii: ":"), "expected : after an object key")
        return key
    }

    /// Consumes `[`.
    public mutating func beginArray() throws(JSONReadError) {
        try expect(UInt8(ascii: "["), "expected an array")
        try enter()
    }

    /// True when another element follows in the current array; false after consuming its `]`.
    public mutating func nextElement() throws(JSONReadError) -> Bool {
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            containerIsEmpty = false
            return false
        }
        if !containerIsEmpty {
            try expect(UInt8(ascii: ","), "expected , or ] in an array")
        }
        containerIsEmpty = false
        return true
    }

    /// Checks that nothing but whitespace follows the top-level value.
    public mutating func finish() throws(JSONReadError) {
        skipWhitespace()
        guard offset == bytes.count else { throw error("unexpected data after the JSON value") }
    }

    // MARK: - Scalars

    /// True when the next value is `null`; consumes it in that case.
    public mutating func readNullIfPresent() throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// The byte that starts the next value (`{`, `[`, `"`, a digit, `-`, `t`, `f`, `n`).
    public mutating func peekValueStart() throws(JSONReadError) -> UInt8 {
        skipWhitespace()
        return try peek()
    }

    public mutating func readBool() throws(JSONReadError) -> Bool {
        skipWhitespace()
        switch try peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default:
            throw error("expected true or false")
        }
    }

    /// Reads a number that must be an integer (`12`, `-3`, or an integral `1.0`/`1e2` within range).
    public mutating func readInt() throws(JSONReadError) -> Int {
        skipWhitespace()
        let start = offset
        let negative = bytes[safe: offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        var value = 0
        var digits = 0
        var overflow = false
        while let byte = bytes[safe: offset], byte &- UInt8(ascii: "0") < 10 {
            if digits == 0 && byte == UInt8(ascii: "0"), let next = bytes[safe: offset + 1],
                next &- UInt8(ascii: "0") < 10
            {
                throw error("a number cannot have a leading zero")
            }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            value = sum
            digits += 1
            offset += 1
        }
        guard digits > 0 else {
            offset = start
            throw error("expected a number")
        }
        if let next = bytes[safe: offset],
            next == UInt8(ascii: ".") || next == UInt8(ascii: "e")
                || next == UInt8(ascii: "E")
        {
            offset = start
            let number = try readDouble()
            guard number.rounded() == number, let exact = Int(exactly: number) else {
                throw JSONReadError(offset: start, message: "expected an integer")
            }
            return exact
        }
        guard !overflow else { throw JSONReadError(offset: start, message: "integer out of range") }
        return negative ? -value : value
    }

    /// Reads any JSON number as a double.
    public mutating func readDouble() throws(JSONReadError) -> Double {
        skipWhitespace()
        let start = offset
        if bytes[safe: offset] == UInt8(ascii: "-") { offset += 1 }
        guard try digitRun(allowLeadingZero: false) else {
            throw JSONReadError(offset: start, message: "expected a number")
        }
        if bytes[safe: offset] == UInt8(ascii: ".") {
            offset += 1
            guard try digitRun(allowLeadingZero: true) else { throw error("expected digits after the decimal point") }
        }
        if let byte = bytes[safe: offset], byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            offset += 1
            if let sign = bytes[safe: offset], sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { offset += 1 }
            guard try digitRun(allowLeadingZero: true) else { throw error("expected digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONReadError(offset: start, message: "number out of range")
        }
        return value
    }

    /// Reads a string, decoding escapes; the result must be valid Unicode.
    public mutating func readString() throws(JSONReadError) -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""), "expected a string")
        let start = offset
        while let byte = bytes[safe: offset] {
            if byte == UInt8(ascii: "\"") {
                let slice = bytes[start..<offset]
                offset += 1
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw JSONReadError(offset: start, message: "a string is not valid UTF-8")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            guard byte >= 0x20 else { throw error("unescaped control character in a string") }
            offset += 1
        }
        throw error("unterminated string")
    }

    /// Skips one value of any kind, checking that it is well formed.
    public mutating func skipValue() throws(JSONReadError) {
        switch try peekValueStart() {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try readBool()
        case UInt8(ascii: "n"):
            try literal("null")
        default:
            _ = try readDouble()
        }
    }

    /// A reading error at the current offset.
    public func error(_ message: String) -> JSONReadError {
        JSONReadError(offset: offset, message: message)
    }

    // MARK: - Private

    private mutating func enter() throws(JSONReadError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        containerIsEmpty = true
    }

    private mutating func skipWhitespace() {
        while let byte = bytes[safe: offset],
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        {
            offset += 1
        }
    }

    private func peek() throws(JSONReadError) -> UInt8 {
        guard let byte = bytes[safe: offset] else { throw error("unexpected end of data") }
        return byte
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(JSONReadError) {
        skipWhitespace()
        guard bytes[safe: offset] == byte else { throw error(message) }
        offset += 1
    }

    private mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw error("unexpected end of data") }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[offset + $0] == expected[$0] }
        }
        guard matches else { throw error("invalid literal") }
        offset += count
    }

    /// Consumes a run of digits; false when there is none.
    private mutating func digitRun(allowLeadingZero: Bool) throws(JSONReadError) -> Bool {
        let start = offset
        while let byte = bytes[safe: offset], byte &- UInt8(ascii: "0") < 10 { offset += 1 }
        if !allowLeadingZero && offset - start > 1 && bytes[start] == UInt8(ascii: "0") {
            throw JSONReadError(offset: start, message: "a number cannot have a leading zero")
        }
        return offset > start
    }

    private mutating func readEscapedString(from start: Int) throws(JSONReadError) -> String {
        var decoded = Array(bytes[start..<offset])
        while let byte = bytes[safe: offset] {
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw JSONReadError(offset: start, message: "a string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try appendEscape(to: &decoded)
            default:
                guard byte >= 0x20 else { throw error("unescaped control character in a string") }
                decoded.append(byte)
                offset += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func appendEscape(to decoded: inout [UInt8]) throws(JSONReadError) {
        let letter = try peek()
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar) {
                guard bytes[safe: offset] == UInt8(ascii: "\\"), bytes[safe: offset + 1] == UInt8(ascii: "u") else {
                    throw error("a high surrogate must be followed by a low surrogate")
                }
                offset += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("lone surrogate in \\u escape") }
            decoded.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw error("invalid escape sequence")
        }
    }

    private mutating func hexQuad() throws(JSONReadError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("unexpected end of data in \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}

extension Array where Element == UInt8 {
    /// The byte at `index`, or nil past either end.
    fileprivate subscript(safe index: Int) -> UInt8? {
        index >= 0 && index < count ? self[index] : nil
    }
}
