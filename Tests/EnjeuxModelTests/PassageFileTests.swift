import EnjeuxModel
import EnjeuxSupport
import Testing

/// What is particular to passage files, beside `StoredFormatTests`.
@Suite struct PassageFileTests {
    /// One passage of one token; its encoding is the text `breakages` change.
    static let small = TokenizedDocument(
        id: "d", source: "d.pdf", sha256: "s", format: .pdf, metadata: DocumentMetadata(), pageCount: 1,
        analyzer: "a",
        passages: [
            Passage(
                id: "p", index: 0, page: 1, blockKind: .paragraph, text: "x",
                tokens: [Token(start: 0, end: 1, kind: .word, norm: "x", stem: "x")])
        ], warnings: [])

    static let breakages: [@Sendable (String) -> String] = [
        replacing(#""form":[0]"#, with: #""form":[1]"#),
        replacing(#""form":[0]"#, with: #""form":[-1]"#),
        replacing(#""end":[1]"#, with: #""end":[1,2]"#),
        replacing(#""kind":"w""#, with: #""kind":"x""#),
        replacing(#""kind":"w""#, with: #""kind":"é""#),
        replacing(#""schema":2"#, with: #""schema":3"#),
        replacing(#""schema":2"#, with: #""schema":"2""#),
        replacing(#""format":"pdf""#, with: #""format":"rtf""#),
        replacing(#""block_kind":"paragraph""#, with: #""block_kind":"para""#),
        replacing(#""index":0,"#, with: ""),
        replacing(#""sha256":"s","#, with: ""),
        replacing(#""start":[0]"#, with: #""begin":[0]"#),
        replacing(#"["x","x"]"#, with: #"["x"]"#),
        replacing(#"["x","x"]"#, with: #"["x","x","x"]"#),
        replacing(#""page":1,"#, with: #""page":1.5,"#),
        replacing(#""warnings":[]"#, with: #""warnings":[1]"#),
        replacing(#""metadata":{"authors":[]"#, with: #""metadata":{"authors":[],"title_source":"bogus""#),
        replacing(#""id":"d","#, with: #""id":"d","forms":[],"#),
        { $0 + "{}" },
        { _ in "[]" },
        // Schema 1 (one object per token) is no longer read: the tokenize stage rebuilds such files.
        replacing(#""schema":2"#, with: #""schema":1"#),
        replacing(
            #""tokens":{"end":[1],"form":[0],"kind":"w","start":[0]}"#,
            with: #""tokens":[{"end":1,"kind":"word","norm":"x","start":0,"stem":"x"}]"#),
    ]

    /// A passage read as columns, with its tokens rebuilt from the forms table.
    static func rebuilt(_ passage: Passage, _ columns: PassageTokenColumns, _ table: [(String, String)]) -> Passage {
        var full = passage
        full.tokens = (0..<columns.count).map {
            Token(
                start: columns.start[$0], end: columns.end[$0], kind: columns.kind[$0], norm: table[columns.form[$0]].0,
                stem: table[columns.form[$0]].1)
        }
        return full
    }

    @Test func formsAreSharedAcrossPassages() throws {
        let token = Token(start: 0, end: 7, kind: .word, norm: "travail", stem: "travail")
        let passages = (0..<3).map {
            Passage(id: "p\($0)", index: $0, page: 1, blockKind: .paragraph, text: "travail", tokens: [token, token])
        }
        let document = TokenizedDocument(
            id: "d", source: "d.pdf", sha256: "00", format: .pdf, metadata: DocumentMetadata(), pageCount: 1,
            analyzer: "a", passages: passages, warnings: [])
        let text = String(decoding: document.jsonBytes(), as: UTF8.self)
        #expect(text.contains(#""forms":[["travail","travail"]]"#))
        #expect(text.contains(#""tokens":{"end":[7,7],"form":[0,0],"kind":"ww","start":[0,0]}"#))
        #expect(text.contains(#""schema":2"#))
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
        let document = try TokenizedDocument(jsonBytes: Array(json.utf8))
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
            ], warnings: [.other("tab\there")])
        #expect(document == expected)
    }
}
