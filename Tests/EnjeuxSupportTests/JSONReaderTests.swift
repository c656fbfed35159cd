import EnjeuxSupport
import Testing

@Suite struct JSONReaderTests {
    private func reader(_ text: String) -> JSONReader { JSONReader(bytes: Array(text.utf8)) }

    private func string(_ json: String) throws(JSONReadError) -> String {
        var reader = reader(json)
        let value = try reader.readString()
        try reader.finish()
        return value
    }

    @Test func decodesEveryEscape() throws {
        #expect(try string(#""a\"b\\c\/d\b\f\n\r\t""#) == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(try string(#""\u00e9\u00C9\u0000\u2028""#) == "éÉ\u{0}\u{2028}")
        #expect(try string(#""\ud83d\ude00 \uD835\uDD18""#) == "😀 𝔘")
        #expect(try string(#""e\u0301 é 👩🏽‍⚕️""#) == "e\u{301} é 👩🏽‍⚕️")
        #expect(try string("  \"\"  ") == "")
    }

    @Test func rejectsMalformedStrings() {
        let bad = [
            #""abc"#, #""\x""#, #""\u12""#, #""\u12G4""#, #""\ud83d""#, #""\ud83d\u0041""#, #""\ude00""#,
            "\"a\nb\"", "\"tab\there\"", #""a\"#, "abc",
        ]
        for json in bad {
            #expect(throws: JSONReadError.self, "\(json)") { try string(json) }
        }
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            var reader = JSONReader(bytes: bytes)
            #expect(throws: JSONReadError.self) { try reader.readString() }
        }
    }

    @Test func readsNumbers() throws {
        var reader = reader(" [0, -12, 9223372036854775807, 1.0, 2e2, 0.1234, -1.5E-3 ]")
        try reader.beginArray()
        var ints: [Int] = []
        for _ in 0..<5 {
            #expect(try reader.nextElement())
            ints.append(try reader.readInt())
        }
        #expect(ints == [0, -12, Int.max, 1, 200])
        #expect(try reader.nextElement())
        #expect(try reader.readDouble() == 0.1234)
        #expect(try reader.nextElement())
        #expect(try reader.readDouble() == -0.0015)
        #expect(try !reader.nextElement())
        try reader.finish()
    }

    @Test func rejectsMalformedNumbers() {
        for json in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "1.5", "9223372036854775808", "1e400", "--1", "0x10"] {
            #expect(throws: JSONReadError.self, "\(json)") {
                var reader = reader(json)
                _ = try reader.readInt()
                try reader.finish()
            }
        }
    }

    @Test func skipsAnyValueAndChecksIt() throws {
        var reader = reader(#"{"a": [1, {"b": null, "c": [true, false, "x\u0041"]}, -2.5e3], "d": {}} "#)
        try reader.skipValue()
        try reader.finish()
        for json in ["[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "[1 2]", "nul", "tru", "[", "{", "{\"a\":}", "]", ""] {
            #expect(throws: JSONReadError.self, "\(json)") {
                var reader = self.reader(json)
                try reader.skipValue()
                try reader.finish()
            }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONReadError.self) {
            var reader = reader(json)
            try reader.skipValue()
        }
    }

    @Test func trailingDataIsRejected() throws {
        var reader = reader("{} x")
        try reader.skipValue()
        #expect(throws: JSONReadError.self) { try reader.finish() }
    }
}
