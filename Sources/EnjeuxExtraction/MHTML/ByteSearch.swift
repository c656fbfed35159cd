import Foundation

/// Byte constants and searches for the MIME reader, over bytes read in place.
enum ByteSearch {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let hyphen = UInt8(ascii: "-")
    static let equals = UInt8(ascii: "=")

    /// The index of the first `byte` in `start..<end`, or nil.
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// True when `pattern` occurs at `index`, wholly before `end`.
    static func matches(
        _ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
    ) -> Bool {
        guard index + pattern.count <= end else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}
