import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@Suite struct TokenizedDocumentCodecTests {
    @Test func randomDocumentsRoundTrip() throws {
        for seed in 0..<300 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            let bytes = TokenizedDocumentCodec.encode(document)
            #expect(try TokenizedDocumentCodec.decode(bytes) == document, "seed \(seed)")
            #expect(TokenizedDocumentCodec.encode(document) == bytes, "output must be deterministic")
        }
    }

    @Test func passagesCanBeStreamedOneByOne() throws {
        for seed in 200..<230 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            var seen: [Passage] = []
            let header = try TokenizedDocumentCodec.decode(TokenizedDocumentCodec.encode(document)) { seen.append($0) }
            #expect(seen == document.passages)
            #expect(header.passages.isEmpty)
            var rebuilt = header
            rebuilt.passages = seen
            #expect(rebuilt == document)
        }
    }

    @Test func columnsAndFormsRebuildTheSameTokens() throws {
        for seed in 300..<340 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            for bytes in [TokenizedDocumentCodec.encode(document), [UInt8](try JSONCoding.encode(document))] {
                var rebuilt: [Passage] = []
                _ = try TokenizedDocumentCodec.decodeColumns(bytes) { passage, columns, table in
                    #expect(passage.tokens.isEmpty)
                    var full = passage
                    full.tokens = (0..<columns.count).map { position in
                        let (norm, stem) = table[columns.form[position]]
                        return Token(
                            start: columns.start[position], end: columns.end[position], kind: columns.kind[position],
                            norm: norm, stem: stem)
                    }
                    rebuilt.append(full)
                }
                #expect(rebuilt == document.passages, "seed \(seed)")
            }
        }
    }

    @Test func formsAreSharedAcrossPassages() throws {
        let token = Token(start: 0, end: 7, kind: .word, norm: "travail", stem: "travail")
        let passages = (0..<3).map {
            Passage(id: "p\($0)", index: $0, page: 1, blockKind: .paragraph, text: "travail", tokens: [token, token])
        }
        let document = TokenizedDocument(
            id: "d", source: "d.pdf", sha256: "00", format: .pdf, metadata: DocumentMetadata(), pageCount: 1,
            analyzer: "a", passages: passages, warnings: [])
        let text = String(decoding: TokenizedDocumentCodec.encode(document), as: UTF8.self)
        #expect(text.contains(#""forms":[["travail","travail"]]"#))
        #expect(text.contains(#""tokens":{"end":[7,7],"form":[0,0],"kind":"ww","start":[0,0]}"#))
        #expect(text.contains(#""schema":2"#))
    }

    /// A schema 1 passage file: one object per token.
    private func schemaOneBytes(_ document: TokenizedDocument) throws -> [UInt8] {
        struct LegacyPassage: Encodable {
            var id: String
            var index: Int
            var page: Int
            var endPage: Int?
            var pageLabel: String?
            var endPageLabel: String?
            var heading: String?
            var blockKind: BlockKind
            var text: String
            var tokens: [Token]
        }
        struct LegacyDocument: Encodable {
            var schema = 1
            var id: String
            var source: String
            var sha256: String
            var format: DocumentFormat
            var metadata: DocumentMetadata
            var pageCount: Int
            var analyzer: String
            var passages: [LegacyPassage]
            var warnings: [String]
        }
        let legacy = LegacyDocument(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, analyzer: document.analyzer,
            passages: document.passages.map {
                LegacyPassage(
                    id: $0.id, index: $0.index, page: $0.page, endPage: $0.endPage, pageLabel: $0.pageLabel,
                    endPageLabel: $0.endPageLabel, heading: $0.heading, blockKind: $0.blockKind, text: $0.text,
                    tokens: $0.tokens)
            }, warnings: document.warnings)
        return [UInt8](try JSONCoding.encode(legacy))
    }

    @Test func schemaOneFilesAreStillRead() throws {
        for seed in 0..<50 as Range<UInt64> {
            var document = RandomDocuments.document(seed: seed)
            document.schema = 1
            let legacy = try schemaOneBytes(document)
            #expect(String(decoding: legacy, as: UTF8.self).contains(#""tokens":[{"#) || document.passages.isEmpty)
            #expect(try TokenizedDocumentCodec.decode(legacy) == document, "seed \(seed)")
            #expect(try JSONCoding.decode(TokenizedDocument.self, from: Data(legacy)) == document, "seed \(seed)")
        }
    }

    /// Code that still uses `JSONCoding` on passage files writes and reads the same format.
    @Test func codableFormMatchesTheCodec() throws {
        for seed in 300..<400 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            let bytes = TokenizedDocumentCodec.encode(document)
            #expect([UInt8](try JSONCoding.encode(document)) == bytes, "seed \(seed)")
            #expect(try JSONCoding.decode(TokenizedDocument.self, from: Data(bytes)) == document, "seed \(seed)")
        }
        let broken = #"""
            {"analyzer":"a","format":"pdf","forms":[["x","x"]],"id":"d","metadata":{"authors":[],"keywords":[]},
            "page_count":1,"passages":[{"block_kind":"paragraph","id":"p","index":0,"page":1,"text":"x",
            "tokens":{"end":[1],"form":[1],"kind":"w","start":[0]}}],"schema":2,"sha256":"s","source":"d.pdf",
            "warnings":[]}
            """#
        #expect(throws: DecodingError.self) { try JSONCoding.decode(TokenizedDocument.self, from: Data(broken.utf8)) }
    }

    @Test func acceptsWhitespaceAnyKeyOrderEscapesAndUnknownKeys() throws {
        let json = """
             {
              "passages" : [ { "tokens" : { "kind" : "wp", "start" : [ 0, 5 ], "form" : [ 1, 0 ],
                 "end" : [ 5, 6 ], "extra" : { "x" : [ null, true ] } },
                 "text" : "\\u00C9t\\u00e9\\ud83d\\ude00.", "index" : 0, "page" : 3, "id" : "p\\/0",
                 "block_kind" : "list_item", "end_page" : null, "heading" : "Ch\\u0061pitre \\"1\\"" } ],
              "warnings" : [ "tab\\there" ], "sha256" : "ab", "source" : "a/b.pdf", "schema" : 2,
              "page_count" : 4, "metadata" : { "title_source" : "xmp", "title" : "T", "authors" : [ ] },
              "id" : "doc", "format" : "pdf", "analyzer" : "v1",
              "forms" : [ [ ".", "." ], [ "ete", "et" ] ]
            }\t\r\n
            """
        let document = try TokenizedDocumentCodec.decode(Array(json.utf8))
        let expected = TokenizedDocument(
            id: "doc", source: "a/b.pdf", sha256: "ab", format: .pdf,
            metadata: DocumentMetadata(title: "T", titleSource: .xmp), pageCount: 4, analyzer: "v1",
            passages: [
                Passage(
                    id: "p/0", index: 0, page: 3, heading: "Chapitre \"1\"", blockKind: .listItem, text: "Été😀.",
                    tokens: [
                        Token(start: 0, end: 5, kind: .word, norm: "ete", stem: "et"),
                        Token(start: 5, end: 6, kind: .punctuation, norm: ".", stem: "."),
                    ])
            ], warnings: ["tab\there"])
        #expect(document == expected)
    }

    @Test func everyTruncationIsAnError() {
        let bytes = TokenizedDocumentCodec.encode(RandomDocuments.document(seed: 3))
        for length in 0..<bytes.count {
            #expect(throws: JSONReadError.self, "length \(length)") {
                try TokenizedDocumentCodec.decode(Array(bytes[..<length]))
            }
        }
    }

    @Test func structuralErrorsAreReported() {
        let valid = #"""
            {"analyzer":"a","format":"pdf","forms":[["x","x"]],"id":"d","metadata":{"authors":[],"keywords":[]},
            "page_count":1,"passages":[{"block_kind":"paragraph","id":"p","index":0,"page":1,"text":"x",
            "tokens":{"end":[1],"form":[0],"kind":"w","start":[0]}}],"schema":2,"sha256":"s","source":"d.pdf",
            "warnings":[]}
            """#
        #expect(throws: Never.self) { try TokenizedDocumentCodec.decode(Array(valid.utf8)) }
        let broken: [(String, String)] = [
            (#""form":[0]"#, #""form":[1]"#),
            (#""form":[0]"#, #""form":[-1]"#),
            (#""end":[1]"#, #""end":[1,2]"#),
            (#""kind":"w""#, #""kind":"x""#),
            (#""kind":"w""#, #""kind":"é""#),
            (#""schema":2"#, #""schema":3"#),
            (#""schema":2"#, #""schema":"2""#),
            (#""format":"pdf""#, #""format":"docx""#),
            (#""block_kind":"paragraph""#, #""block_kind":"para""#),
            (#""index":0,"#, ""),
            (#""sha256":"s","#, ""),
            (#""start":[0]"#, #""begin":[0]"#),
            (#"["x","x"]"#, #"["x"]"#),
            (#"["x","x"]"#, #"["x","x","x"]"#),
            (#""page":1"#, #""page":1.5"#),
            (#""warnings":[]"#, #""warnings":[1]"#),
            (#""metadata":{"authors":[]"#, #""metadata":{"authors":[],"title_source":"bogus""#),
        ]
        for (original, replacement) in broken {
            let json = valid.replacingOccurrences(of: original, with: replacement)
            #expect(json != valid)
            #expect(throws: JSONReadError.self, "\(replacement)") {
                try TokenizedDocumentCodec.decode(Array(json.utf8))
            }
        }
        #expect(throws: JSONReadError.self) { try TokenizedDocumentCodec.decode(Array((valid + "{}").utf8)) }
        let duplicateForms = valid.replacingOccurrences(of: #""id":"d","#, with: #""id":"d","forms":[],"#)
        #expect(throws: JSONReadError.self) { try TokenizedDocumentCodec.decode(Array(duplicateForms.utf8)) }
        #expect(throws: JSONReadError.self) { try TokenizedDocumentCodec.decode(Array("[]".utf8)) }
    }

    @Test func filesAreWrittenAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = RandomDocuments.document(seed: 42)
        let url = folder.appendingPathComponent("d.json")
        try TokenizedDocumentCodec.write(document, to: url)
        #expect(try Data(contentsOf: url).last == 0x0A)
        #expect(try TokenizedDocumentCodec.read(from: url) == document)
    }
}
