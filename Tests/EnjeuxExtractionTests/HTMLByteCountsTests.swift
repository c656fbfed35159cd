import EnjeuxTestSupport
import Testing

@testable import EnjeuxExtraction

/// The word-at-a-time counts against plain byte-by-byte loops, on random texts long enough
/// to use both the eight-byte path and the tail, full of the bytes each path treats apart.
@Suite("HTML byte counts: eight bytes at a time, same counts as byte by byte")
struct HTMLByteCountsTests {
    static let pieces = [
        " ", "  ", "\n", "\t", "\r\n", "\u{0C}", "\u{01}", "mot", "é", "l’été", "\u{A0}", ",", ";", ".",
        "、", "。", "，", "،", "؛", "\u{3000}", "🙂", "Ё", "ØŒ", "x",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...60, using: &generator)).map { _ in
            pieces.randomElement(using: &generator) ?? ""
        }.joined()
    }

    /// Visible characters and punctuation marks, one byte at a time.
    static func plainVisibleAndPunctuation(_ bytes: [UInt8]) -> (Int, Int) {
        var visible = 0
        var marks = 0
        for (index, byte) in bytes.enumerated() {
            let previous = index >= 1 ? bytes[index - 1] : 0
            let beforePrevious = index >= 2 ? bytes[index - 2] : 0
            if [0x20, 0x0A, 0x09, 0x0D, 0x0C].contains(byte) { continue }
            if [0x2C, 0x3B, 0x2E].contains(byte) { marks += 1 }
            if (byte == 0x81 || byte == 0x82) && previous == 0x80 && beforePrevious == 0xE3 { marks += 1 }
            if byte == 0x8C && ((previous == 0xBC && beforePrevious == 0xEF) || previous == 0xD8) { marks += 1 }
            if byte == 0x9B && previous == 0xD8 { marks += 1 }
            if byte & 0xC0 != 0x80 { visible += 1 }
        }
        return (visible, marks)
    }

    /// Visible characters and words of text that needs no collapsing, nil otherwise.
    static func plainCollapsedMeasures(_ text: String) -> (Int, Int)? {
        let bytes = Array(text.utf8)
        guard HTMLWhitespace.collapse(text) == text, !bytes.isEmpty else { return nil }
        let words = text.split(separator: " ").count
        let visible = bytes.count { $0 != 0x20 && $0 & 0xC0 != 0x80 }
        return (visible, words)
    }

    @Test func visibleAndPunctuationAgreesWithByteByByte() {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<3_000 {
            let bytes = Array(Self.randomText(&generator).utf8)
            let counts = bytes.withUnsafeBufferPointer(HTMLByteCounts.visibleAndPunctuation)
            let expected = Self.plainVisibleAndPunctuation(bytes)
            #expect(counts.visible == expected.0 && counts.marks == expected.1, "\(bytes)")
        }
    }

    @Test func collapsedMeasuresAgreeWithCollapseAndSplit() {
        var generator = SeededGenerator(seed: 1871)
        var collapsedSeen = 0
        for _ in 0..<3_000 {
            // Half of the texts made collapsed first, so that the counting path is exercised.
            var text = Self.randomText(&generator)
            if Bool.random(using: &generator) { text = HTMLWhitespace.collapse(text) }
            let bytes = Array(text.utf8)
            let counts = bytes.withUnsafeBufferPointer(HTMLByteCounts.collapsedMeasures)
            let expected = Self.plainCollapsedMeasures(text)
            if expected != nil { collapsedSeen += 1 }
            #expect(counts?.visible == expected?.0 && counts?.words == expected?.1, "\(bytes)")
        }
        #expect(collapsedSeen > 1_000)
    }

    @Test func longTextsAreCountedPastTheLaneLimit() {
        // More than 255 words of eight bytes, where the byte-wise counters are added up.
        var generator = SeededGenerator(seed: 42)
        let paragraph = (0..<2_000).map { _ in
            ["le", "réseau", "Lean", "santé,", "été."].randomElement(using: &generator) ?? ""
        }
        .joined(separator: " ")
        let bytes = Array(paragraph.utf8)
        let counts = bytes.withUnsafeBufferPointer(HTMLByteCounts.visibleAndPunctuation)
        let expected = Self.plainVisibleAndPunctuation(bytes)
        #expect(counts.visible == expected.0 && counts.marks == expected.1)
        let measures = bytes.withUnsafeBufferPointer(HTMLByteCounts.collapsedMeasures)
        #expect(measures?.visible == expected.0 && measures?.words == 2_000)
    }

    @Test func spacesAcrossTheEightByteBoundaryAreSeen() {
        // Two spaces at bytes 7 and 8: one in each word.
        let text = "abcdefg  hijklmnop"
        #expect(Array(text.utf8).withUnsafeBufferPointer(HTMLByteCounts.collapsedMeasures) == nil)
        let single = "abcdefg hijklmnop"
        let counts = Array(single.utf8).withUnsafeBufferPointer(HTMLByteCounts.collapsedMeasures)
        #expect(counts?.visible == 16 && counts?.words == 2)
    }
}
