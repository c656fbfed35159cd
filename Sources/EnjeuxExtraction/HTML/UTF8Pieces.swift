import Foundation

/// Turns a file read by pieces into pieces of valid UTF-8 without NUL for libxml2: a character
/// cut at the end of a piece waits for the next one; bytes that are not UTF-8, and NUL, become
/// U+FFFD.
struct UTF8Pieces {
    /// The start of a character cut at the end of the previous piece.
    private var carried: [UInt8] = []

    /// The text of the next piece of the file, up to its last whole character.
    mutating func next(_ chunk: Data) -> [UInt8] {
        var bytes = carried
        bytes.append(contentsOf: chunk)
        let whole = bytes.withUnsafeBufferPointer { Self.wholeCharacters($0).count }
        carried = Array(bytes[whole...])
        bytes.removeSubrange(whole...)
        return Self.cleaned(bytes)
    }

    /// What is left at the end of the file (a cut character becomes U+FFFD).
    mutating func finish() -> [UInt8] {
        defer { carried = [] }
        return Self.cleaned(carried)
    }

    /// `bytes` without a character cut at its end (at most three bytes dropped).
    static func wholeCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = bytes.count
        // Find the last byte that starts a character, at most four from the end.
        while start > 0, bytes.count - start < 4 {
            start -= 1
            let byte = bytes[start]
            if byte & 0xC0 != 0x80 {
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = start + length <= bytes.count ? bytes.count : start
                return UnsafeBufferPointer(rebasing: bytes[..<end])
            }
        }
        return bytes
    }

    /// Valid UTF-8 bytes without NUL are kept as they are; others are decoded with U+FFFD.
    private static func cleaned(_ bytes: [UInt8]) -> [UInt8] {
        let clean = bytes.withUnsafeBufferPointer { buffer in
            !(buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false) && UTF8Check.isValid(buffer)
        }
        if clean { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 })).utf8)
    }
}
