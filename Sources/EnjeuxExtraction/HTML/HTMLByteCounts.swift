/// The byte counts behind the text measures of a page (visible characters, punctuation,
/// words), taken eight bytes at a time.
///
/// Hand-written because it is measurably better: counted byte by byte, these two loops were
/// a sixth of the instructions of extracting a 20 MB page (callgrind); reading the text as
/// 64-bit words and testing all eight bytes at once with integer arithmetic ("SWAR") makes
/// them several times cheaper. Words holding a rare byte (a control character, or a byte
/// that may end a non-Latin punctuation mark) are counted byte by byte, so the results are
/// exactly those of the plain loops (`HTMLByteCountsTests` compares them on random text).
enum HTMLByteCounts {
    /// Visible characters (UTF-8 sequences other than HTML whitespace) and the punctuation
    /// marks among them: `,` `;` `.` and the ideographic comma and full stop (、。), the
    /// fullwidth comma (，), the Arabic comma and semicolon (، ؛), found by their last byte
    /// and the bytes before it.
    static func visibleAndPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> (visible: Int, marks: Int) {
        var visible = 0
        var marks = 0
        var wordBytes = 0
        var hidden = LaneCounter()
        var punctuation = LaneCounter()
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if SWAR.hasByteBelowSpace(word) || (word & SWAR.high != 0 && SWAR.mayEndNonLatinMark(word)) {
                    for position in index..<index + 8 {
                        countByte(at: position, in: bytes, visible: &visible, marks: &marks)
                    }
                } else {
                    wordBytes += 8
                    hidden.add(SWAR.equal(word, SWAR.spaces) | SWAR.continuationBytes(word))
                    punctuation.add(
                        SWAR.equal(word, SWAR.commas) | SWAR.equal(word, SWAR.semicolons)
                            | SWAR.equal(word, SWAR.periods))
                }
                index += 8
            }
        }
        for position in index..<bytes.count {
            countByte(at: position, in: bytes, visible: &visible, marks: &marks)
        }
        return (visible + wordBytes - hidden.total, marks + punctuation.total)
    }

    /// The visible characters (other than the space) and words of text that needs no
    /// collapsing of its whitespace; nil when it has whitespace to collapse or trim (a tab,
    /// line feed, carriage return or form feed, two spaces in a row, or a space at either end).
    static func collapsedMeasures(_ bytes: UnsafeBufferPointer<UInt8>) -> (visible: Int, words: Int)? {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return nil }
        var spaceCounter = LaneCounter()
        var continuationCounter = LaneCounter()
        var previousEndsWithSpace = false
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if SWAR.hasByteBelowSpace(word), SWAR.hasCollapsibleControl(word) { return nil }
                let spaceBytes = SWAR.equal(word, SWAR.spaces)
                // Two spaces side by side within the word, or across its first byte (the
                // lowest: the word is read little-endian).
                if spaceBytes & (spaceBytes >> 8) != 0 { return nil }
                if previousEndsWithSpace, spaceBytes & 0x80 != 0 { return nil }
                previousEndsWithSpace = spaceBytes >> 63 != 0
                spaceCounter.add(spaceBytes)
                continuationCounter.add(SWAR.continuationBytes(word))
                index += 8
            }
        }
        var spaces = spaceCounter.total
        var continuations = continuationCounter.total
        for position in index..<bytes.count {
            switch bytes[position] {
            case 0x0A, 0x09, 0x0D, 0x0C: return nil
            case 0x20:
                if bytes[position - 1] == 0x20 { return nil }
                spaces += 1
            case let byte where byte & 0xC0 == 0x80: continuations += 1
            default: break
            }
        }
        // Neither end is a space and no two spaces touch: each space starts one more word.
        return (bytes.count - spaces - continuations, spaces + 1)
    }

    /// One byte of `visibleAndPunctuation`, with the two bytes before it for the marks
    /// written with several bytes.
    @inline(__always)
    private static func countByte(
        at position: Int, in bytes: UnsafeBufferPointer<UInt8>, visible: inout Int, marks: inout Int
    ) {
        let byte = bytes[position]
        let previous = position >= 1 ? bytes[position - 1] : 0
        let beforePrevious = position >= 2 ? bytes[position - 2] : 0
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D, 0x0C: return
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."): marks += 1
        case 0x81...0x82: if previous == 0x80 && beforePrevious == 0xE3 { marks += 1 }
        case 0x8C: if (previous == 0xBC && beforePrevious == 0xEF) || previous == 0xD8 { marks += 1 }
        case 0x9B: if previous == 0xD8 { marks += 1 }
        default: break
        }
        if byte & 0xC0 != 0x80 { visible += 1 }
    }
}

/// Counts of the bytes flagged in masks of `SWAR` tests, kept in the eight bytes of one
/// integer (a byte-wise sum, no carry from one byte to the next) and added up every 255 masks,
/// before a byte could overflow: cheaper than counting the bits of every mask, which x86-64
/// without the POPCNT instruction does in a dozen instructions.
private struct LaneCounter {
    private var lanes: UInt64 = 0
    private var masks = 0
    private var counted = 0

    @inline(__always)
    mutating func add(_ mask: UInt64) {
        lanes &+= mask >> 7
        masks += 1
        if masks == 255 {
            counted += Self.sum(lanes)
            lanes = 0
            masks = 0
        }
    }

    var total: Int { counted + Self.sum(lanes) }

    /// The sum of the eight bytes of `lanes`.
    private static func sum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
}

/// Tests on the eight bytes of a 64-bit word at once. A result mask has the high bit of
/// each byte that passes set, and no other bit.
private enum SWAR {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let spaces = repeated(0x20)
    static let commas = repeated(UInt8(ascii: ","))
    static let semicolons = repeated(UInt8(ascii: ";"))
    static let periods = repeated(UInt8(ascii: "."))

    static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// The bytes of `word` equal to the byte repeated in `pattern`. Exact for every byte
    /// value: the addition sets a byte's high bit when its low seven bits are not all zero
    /// and never carries into the next byte.
    @inline(__always)
    static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let difference = word ^ pattern
        return ~(((difference & lowSeven) &+ lowSeven) | difference) & high
    }

    /// UTF-8 continuation bytes (10xxxxxx): high bit set, the next bit clear.
    @inline(__always)
    static func continuationBytes(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & high
    }

    /// Whether some byte is below 0x20 (a control character: tab, line feed…). The
    /// subtraction may flag a byte wrongly only above a byte that is truly below, so the
    /// answer is exact even though the mask is not.
    @inline(__always)
    static func hasByteBelowSpace(_ word: UInt64) -> Bool {
        (word &- spaces) & ~word & high != 0
    }

    /// Whether some byte is HTML whitespace other than the space.
    @inline(__always)
    static func hasCollapsibleControl(_ word: UInt64) -> Bool {
        (equal(word, repeated(0x09)) | equal(word, repeated(0x0A)) | equal(word, repeated(0x0C))
            | equal(word, repeated(0x0D))) != 0
    }

    /// Whether some byte may be the last byte of a non-Latin punctuation mark.
    @inline(__always)
    static func mayEndNonLatinMark(_ word: UInt64) -> Bool {
        (equal(word, repeated(0x81)) | equal(word, repeated(0x82)) | equal(word, repeated(0x8C))
            | equal(word, repeated(0x9B))) != 0
    }
}
