import Foundation

/// Reads a JSON file a megabyte at a time and hands out the raw bytes of one value at a time,
/// so that a large file (a `scores.json` of thousands of documents) is never held whole:
/// the caller walks the top-level object key by key and either takes a value's bytes (to
/// decode with `JSONReader`) or steps into an array and takes its elements one by one.
///
/// Only the structure is checked here (strings, nesting, separators); the values themselves
/// are checked by the `JSONReader` that decodes them.
public struct JSONFileScanner: ~Copyable {
    private let descriptor: Int32
    private let path: String
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    private var position = 0
    private var available = 0
    /// File offset of `chunk[0]`.
    private var chunkOffset = 0
    private var atEnd = false

    public init(url: URL) throws(FileReadError) {
        path = url.path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(descriptor) }

    /// Offset in the file of the next byte.
    public var offset: Int { chunkOffset + position }

    /// The file's size in bytes (0 when it cannot be told).
    public var fileSize: Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    // MARK: - Structure

    /// Consumes `byte` after optional whitespace.
    public mutating func expect(_ byte: UInt8, _ message: String) throws {
        guard try nextNonWhitespace() == byte else { throw error(message) }
    }

    /// After `{` or `[`: true when another member follows (consuming its `,`), false after
    /// consuming the closing `}` or `]`.
    public mutating func hasNext(first: Bool, closing: UInt8) throws -> Bool {
        guard let byte = try peekNonWhitespace() else { throw error("unexpected end of file") }
        if byte == closing {
            position += 1
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw error("expected , or \(Character(Unicode.Scalar(closing)))") }
            position += 1
        }
        return true
    }

    /// Reads an object key and its `:`.
    public mutating func key() throws -> String {
        var bytes: [UInt8] = []
        try value(into: &bytes, keeping: true)
        var reader = JSONReader(bytes: bytes)
        let key = try reader.readString()
        try expect(UInt8(ascii: ":"), "expected : after an object key")
        return key
    }

    /// Appends the bytes of the next value (any JSON value) to `bytes`.
    public mutating func value(into bytes: inout [UInt8]) throws {
        try value(into: &bytes, keeping: true)
    }

    /// Moves past the next value (any JSON value) without keeping its bytes: a large value
    /// is skipped without being held.
    public mutating func skipValue() throws {
        var none: [UInt8] = []
        try value(into: &none, keeping: false)
    }

    private mutating func value(into bytes: inout [UInt8], keeping: Bool) throws {
        guard let first = try nextNonWhitespace() else { throw error("expected a value") }
        if keeping { bytes.append(first) }
        switch first {
        case UInt8(ascii: "\""):
            try copyString(into: &bytes, keeping: keeping)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try copyContainer(into: &bytes, keeping: keeping)
        default:
            // A number or a literal: up to the next delimiter.
            while let byte = try peek(), !Self.isDelimiter(byte) {
                if keeping { bytes.append(byte) }
                position += 1
            }
        }
    }

    /// Checks that only whitespace is left.
    public mutating func finish() throws {
        if try peekNonWhitespace() != nil { throw error("unexpected bytes after the end") }
    }

    public func error(_ message: String) -> JSONReadError {
        JSONReadError(offset: offset, message: message)
    }

    // MARK: - Bytes

    /// Copies the rest of an object or array whose opening bracket was consumed, closing
    /// bracket included, a run of the current chunk at a time.
    private mutating func copyContainer(into bytes: inout [UInt8], keeping: Bool) throws {
        var depth = 1
        while true {
            try fillIfEmpty(orThrow: "unexpected end of file inside a value")
            let start = position
            var end = position
            var stop: UInt8 = 0
            chunk.withUnsafeBufferPointer { buffer in
                while end < available {
                    let byte = buffer[end]
                    end += 1
                    switch byte {
                    case UInt8(ascii: "\""):
                        stop = byte
                        return
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            stop = byte
                            return
                        }
                    default: break
                    }
                }
            }
            if keeping { bytes.append(contentsOf: chunk[start..<end]) }
            position = end
            if depth > JSONReader.maximumDepth { throw error("nesting deeper than \(JSONReader.maximumDepth)") }
            if stop == UInt8(ascii: "\"") {
                try copyString(into: &bytes, keeping: keeping)
            } else if stop != 0 {
                return
            }
        }
    }

    /// Copies the rest of a string whose opening quote was consumed, closing quote included,
    /// a run of the current chunk at a time.
    private mutating func copyString(into bytes: inout [UInt8], keeping: Bool) throws {
        var escaped = false
        while true {
            try fillIfEmpty(orThrow: "unexpected end of file inside a string")
            let start = position
            var end = position
            var closed = false
            chunk.withUnsafeBufferPointer { buffer in
                while end < available {
                    let byte = buffer[end]
                    end += 1
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        closed = true
                        return
                    }
                }
            }
            if keeping { bytes.append(contentsOf: chunk[start..<end]) }
            position = end
            if closed { return }
        }
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: true
        default: false
        }
    }

    private mutating func nextNonWhitespace() throws -> UInt8? {
        guard let byte = try peekNonWhitespace() else { return nil }
        position += 1
        return byte
    }

    private mutating func peekNonWhitespace() throws -> UInt8? {
        while let byte = try peek() {
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return byte
            }
        }
        return nil
    }

    /// Reads the next chunk when the current one is used up; at the end of the file, throws
    /// `message`.
    private mutating func fillIfEmpty(orThrow message: String) throws {
        guard position == available else { return }
        try refill()
        if available == 0 { throw error(message) }
    }

    @inline(__always)
    private mutating func peek() throws -> UInt8? {
        if position == available {
            try refill()
            if available == 0 { return nil }
        }
        return chunk[position]
    }

    private mutating func refill() throws {
        chunkOffset += available
        position = 0
        available = 0
        guard !atEnd else { return }
        let descriptor = descriptor
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { atEnd = true }
            available = count
            return
        }
    }
}
