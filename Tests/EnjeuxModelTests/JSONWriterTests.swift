import EnjeuxSupport
import EnjeuxTestSupport
import Foundation
import Testing

@Suite struct JSONWriterTests {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func encoderOutput<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }

    @Test func stringsAreEscapedLikeTheProjectEncoder() throws {
        for piece in RandomDocuments.pieces {
            #expect(written { $0.string(piece) } == (try encoderOutput(piece)), "\(piece.unicodeScalars.map(\.value))")
        }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let text = RandomDocuments.string(&generator, maxPieces: 20)
            #expect(written { $0.string(text) } == (try encoderOutput(text)))
        }
    }

    @Test func specialCharactersAreFoundAtEveryPositionOfLongStrings() throws {
        // Long strings are scanned eight bytes at a time: a character to escape must be found
        // wherever it falls in such a block, next to ASCII and multi-byte letters.
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", " ", "é"] {
            for filler in ["a", "é", "œ€"] {
                for position in 0..<24 {
                    let text =
                        String(repeating: filler, count: position) + special + String(repeating: filler, count: 20)
                    #expect(written { $0.string(text) } == (try encoderOutput(text)), "\(special) at \(position)")
                }
            }
        }
    }

    @Test func literalKeysAreWrittenAsOtherKeys() {
        let literal = written { writer in
            writer.beginObject()
            writer.key(literal: "passage_id")
            writer.int(1)
            writer.key(literal: "text")
            writer.string("a")
            writer.endObject()
        }
        let other = written { writer in
            writer.beginObject()
            writer.key("passage_id")
            writer.int(1)
            writer.key("text")
            writer.string("a")
            writer.endObject()
        }
        #expect(literal == other)
        #expect(literal == #"{"passage_id":1,"text":"a"}"#)
    }

    @Test func controlCharactersUseShortOrUnicodeEscapes() {
        #expect(written { $0.string("a\nb\t\u{01}\u{1F}\"\\/") } == #""a\nb\t\u0001\u001f\"\\/""#)
    }

    @Test func integersMatchTheirDecimalForm() {
        for value in [0, 7, 9, 10, 42, -1, -10, 1_000_000, Int.max, Int.min] {
            #expect(written { $0.int(value) } == String(value))
        }
    }

    @Test func doublesMatchTheProjectEncoder() throws {
        let values: [Double] = [
            0, 1, -1, 0.5, 0.1234, 2.3456, 12.0001, 1e-5, 0.0001, 123_456.789, 1e15, 1e16, 1e21, 4.35e-7, -0.0, 3.0,
        ]
        for value in values {
            #expect(written { $0.double(value) } == (try encoderOutput(value)), "\(value)")
        }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let value = (Double.random(in: 0..<50, using: &generator) * 10_000).rounded() / 10_000
            #expect(written { $0.double(value) } == (try encoderOutput(value)))
        }
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(written { $0.double(.infinity) } == "null")
        #expect(written { $0.double(.nan) } == "null")
    }

    @Test func commasAndNestingArePlaced() {
        let text = written { writer in
            writer.beginObject()
            writer.key("a")
            writer.intArray([1, 2])
            writer.key("b")
            writer.beginArray()
            writer.beginObject()
            writer.endObject()
            writer.beginArray()
            writer.endArray()
            writer.null()
            writer.bool(true)
            writer.endArray()
            writer.field("c", nil as String?)
            writer.field("d", "x" as String?)
            writer.endObject()
        }
        #expect(text == #"{"a":[1,2],"b":[{},[],null,true],"d":"x"}"#)
    }
}
