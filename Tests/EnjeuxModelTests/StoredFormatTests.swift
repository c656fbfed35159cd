import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

/// One stored file format: how to make random values of its type, its reference encoding,
/// a value to break, and the other ways the pipeline reads the same bytes (streaming).
struct StoredFormat<Value: JSONStorable & Equatable & Sendable>: FormatCheck {
    var name: String
    var seeds: Range<UInt64>
    var random: @Sendable (UInt64) -> Value
    var reference: @Sendable (Value) -> any Encodable
    /// A value whose encoding `breakages` turn into invalid files.
    var sample: Value
    var breakages: [@Sendable (String) -> String]
    /// Reads other than `init(jsonBytes:)`; each must give back the whole value.
    var otherReads: [@Sendable ([UInt8]) throws -> Value] = []

    var testDescription: String { name }

    func check() throws {
        for seed in seeds {
            let value = random(seed)
            let bytes = value.jsonBytes()
            #expect(bytes == [UInt8](try JSONCoding.encode(reference(value))), "\(name), seed \(seed)")
            let pretty = [UInt8](try JSONCoding.encode(reference(value), pretty: true))
            for input in [bytes, pretty] {
                #expect(try Value(jsonBytes: input) == value, "\(name), seed \(seed)")
                for read in otherReads { #expect(try read(input) == value, "\(name), seed \(seed)") }
            }
        }
        try checkFile()
        checkBrokenInput()
    }

    /// Written with a final newline and read back; a missing file is a `FileReadError`.
    private func checkFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try sample.writeJSON(to: url)
        #expect(try Data(contentsOf: url).last == 0x0A)
        #expect(try Value(jsonFile: url) == sample)
        #expect(throws: FileReadError.self) { try Value(jsonFile: url.appendingPathExtension("missing")) }
    }

    /// Truncations (every one of a small sample, some hundreds of a larger one) and every
    /// breakage are errors, for every way of reading.
    private func checkBrokenInput() {
        let bytes = sample.jsonBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        var broken = stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)).map { Array(bytes[..<$0]) }
        for breakage in breakages {
            let changed = breakage(text)
            #expect(changed != text, "\(name): a breakage changes nothing")
            broken.append(Array(changed.utf8))
        }
        for input in broken {
            #expect(throws: JSONReadError.self, "\(name): \(input.count) bytes") { try Value(jsonBytes: input) }
            for read in otherReads {
                #expect(throws: (any Error).self, "\(name): \(input.count) bytes") { try read(input) }
            }
        }
    }
}

/// A format under test, whatever its type.
protocol FormatCheck: Sendable, CustomTestStringConvertible {
    func check() throws
}

/// Replaces `original` with `replacement`, to break a file.
func replacing(_ original: String, with replacement: String) -> @Sendable (String) -> String {
    { $0.replacingOccurrences(of: original, with: replacement) }
}

@Suite struct StoredFormatTests {
    static let formats: [any FormatCheck] = [
        StoredFormat(
            name: "extracted", seeds: 0..<100, random: RandomDocuments.extractedDocument,
            reference: { Reference.Extracted($0) },
            sample: (0..<100).lazy.map(RandomDocuments.extractedDocument).first {
                $0.pages.contains { !$0.blocks.isEmpty }
            } ?? RandomDocuments.extractedDocument(seed: 0),
            breakages: [
                replacing(#""schema":1,"#, with: ""),
                replacing(#""format":""#, with: #""format":"rtf","x":""#),
                replacing(#""number":"#, with: #""n":"#),
                replacing(#""kind":""#, with: #""kind":"chapter","k":""#),
                { $0 + "{}" },
            ]),
        StoredFormat(
            name: "passages", seeds: 0..<300, random: RandomDocuments.document, reference: { Reference.Tokenized($0) },
            sample: PassageFileTests.small, breakages: PassageFileTests.breakages,
            otherReads: [
                { bytes in
                    var passages: [Passage] = []
                    var document = try TokenizedDocument.read(jsonBytes: bytes) { passages.append($0) }
                    #expect(document.passages.isEmpty)
                    document.passages = passages
                    return document
                },
                { bytes in
                    var passages: [Passage] = []
                    var document = try TokenizedDocument.read(jsonBytes: bytes) { passage, columns, forms in
                        #expect(passage.tokens.isEmpty)
                        passages.append(PassageFileTests.rebuilt(passage, columns, forms))
                    }
                    document.passages = passages
                    return document
                },
            ]),
        StoredFormat(
            name: "scores", seeds: 0..<100, random: RandomDocuments.scoreSet, reference: { Reference.Scores($0) },
            sample: RandomDocuments.scoreSet(seed: 5),
            breakages: [
                replacing(#""schema":1"#, with: ""),
                replacing(#""contribution":"#, with: #""contribution":"x","c":"#),
                replacing(#""passages":["#, with: #""passages":{"#),
                { $0 + "x" },
                { _ in "[]" },
            ],
            otherReads: [
                { bytes in
                    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                        "scores-\(UUID().uuidString).json")
                    try Data(bytes).write(to: url)
                    defer { try? FileManager.default.removeItem(at: url) }
                    let (set, count) = try ScoreSet.read(jsonFile: url) { _ in true }
                    #expect(count == set.passages.count)
                    return set
                }
            ]),
    ]

    /// For every stored format: random values are written with the bytes of the reference
    /// encoding and read back (compact or pretty-printed, whole or streamed), files round-trip,
    /// and broken input is an error.
    @Test(arguments: formats) func writesTheReferenceBytesAndReadsThemBack(format: any FormatCheck) throws {
        try format.check()
    }
}
