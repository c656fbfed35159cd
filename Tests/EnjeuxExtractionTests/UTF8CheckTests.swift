import EnjeuxTestSupport
import Testing

@testable import EnjeuxExtraction

/// The UTF-8 check of pages read in place, against the standard library's validation, on
/// random mixes of ASCII runs, well-formed sequences of every length and ill-formed ones.
@Suite("UTF-8 check: same answer as String(validating:)")
struct UTF8CheckTests {
    static let pieces: [[UInt8]] = [
        Array("é".utf8), Array("’".utf8), Array("🙂".utf8), Array("\u{10FFFF}".utf8), Array("\u{FFFD}".utf8),
        Array("\u{D7FF}".utf8), Array("\u{E000}".utf8), Array("\u{0800}".utf8), Array("\u{80}".utf8),
        [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
        [0xF0, 0x80, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
        [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x99], [0xC3, 0x41],
    ]

    @Test func agreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 8)
        var invalidSeen = 0
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let ascii = Int.random(in: 0...20, using: &generator)
                bytes += (0..<ascii).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                // Mostly well-formed pieces, so that whole texts are valid often enough.
                let piece =
                    Int.random(in: 0..<100, using: &generator) < 85
                    ? Self.pieces[Int.random(in: 0...8, using: &generator)]
                    : Self.pieces.randomElement(using: &generator) ?? []
                bytes += piece
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalidSeen += 1 }
            #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid) == expected, "\(bytes)")
        }
        #expect(invalidSeen > 1_000 && invalidSeen < 4_000)
    }

    @Test func aSequenceCutByTheEndIsInvalid() {
        let text = Array("Le réseau de la santé".utf8)
        #expect(text.withUnsafeBufferPointer(UTF8Check.isValid))
        #expect(!Array(text.dropLast(6) + [0xC3]).withUnsafeBufferPointer(UTF8Check.isValid))
    }
}
