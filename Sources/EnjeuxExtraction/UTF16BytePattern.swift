/// Recognises UTF-16 text without a byte-order mark by its bytes: in text mostly made of
/// Latin characters (U+0000 to U+00FF), one byte of each pair is zero, the high byte (second
/// in little-endian, first in big-endian), and the other is not. UTF-8, ASCII and single-byte
/// text hold no zero bytes, so they are never taken for UTF-16.
enum UTF16BytePattern {
    /// How many leading bytes are examined.
    static let sampleLength = 1024

    /// True for little-endian, false for big-endian, nil when the bytes do not look like UTF-16.
    static func endianness(of bytes: some Collection<UInt8>) -> Bool? {
        var pairs = 0
        var little = 0
        var big = 0
        var iterator = bytes.prefix(sampleLength).makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            pairs += 1
            if first != 0 && second == 0 { little += 1 }
            if first == 0 && second != 0 { big += 1 }
        }
        guard pairs >= 4 else { return nil }
        // Three pairs in four with the pattern: room for characters beyond U+00FF.
        if little * 4 >= pairs * 3 { return true }
        if big * 4 >= pairs * 3 { return false }
        return nil
    }
}
