import EnjeuxSupport
import Foundation

/// The passage file (`passages/<id>.json`, schema 2, docs/formats.md §2): the document lists
/// each distinct `[norm, stem]` pair once in `forms`, and each passage's `tokens` is an object
/// of parallel columns pointing into it. Files of another schema are refused: the tokenize
/// stage rebuilds them.
extension TokenizedDocument: JSONStorable {
    public var jsonSizeEstimate: Int {
        var textBytes = 0
        var tokens = 0
        for passage in passages {
            textBytes += passage.text.utf8.count
            tokens += passage.tokens.count
        }
        return 4096 + textBytes * 2 + tokens * 20
    }

    public func write(to writer: inout JSONWriter) {
        // The forms table comes before the passages in key order: collect it first.
        let forms = FormTable(of: passages)
        writeOpening(forms: forms, to: &writer)
        var firstToken = 0
        for passage in passages {
            let tokenForms = forms.tokenForms[firstToken..<(firstToken + passage.tokens.count)]
            StoredPassage.write(passage, forms: tokenForms, to: &writer)
            firstToken += passage.tokens.count
        }
        writeClosing(to: &writer)
    }

    /// Everything before the passages, up to the opening bracket of their array.
    func writeOpening(forms: FormTable, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("analyzer", analyzer)
        writer.field("format", format)
        writer.field("forms", forms)
        writer.field("id", id)
        writer.field("metadata", metadata)
        if let ocrPages { writer.field("ocr_pages", ocrPages) }
        writer.field("page_count", pageCount)
        writer.key(literal: "passages")
        writer.beginArray()
    }

    /// Everything after the passages, from the closing bracket of their array.
    func writeClosing(to writer: inout JSONWriter) {
        writer.endArray()
        writer.field("schema", Self.currentSchema)
        writer.field("sha256", sha256)
        writer.field("source", source)
        writer.field("warnings", warnings)
        writer.endObject()
    }

    public init(from reader: inout JSONReader) throws(JSONReadError) {
        var passages: [Passage] = []
        self = try Self.read(from: &reader) { (stored, forms, reader) throws(JSONReadError) in
            passages.append(try stored.passage(forms: forms, reader: reader))
        }
        self.passages = passages
    }

    /// Reads a passage file, handing each passage to `body` in order as soon as it can be built
    /// instead of keeping them; returns the document with an empty `passages` list. When the
    /// input turns out to be malformed, `body` may already have seen some passages.
    public static func read(jsonBytes bytes: [UInt8], eachPassage body: (Passage) -> Void)
        throws(JSONReadError) -> TokenizedDocument
    {
        try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONReadError) in
            try read(from: &reader) { (stored, forms, reader) throws(JSONReadError) in
                body(try stored.passage(forms: forms, reader: reader))
            }
        }
    }

    /// Reads a passage file for matching: each passage comes without its `tokens`, beside its
    /// token columns and the document's forms table (the columns' `form` indices point into it).
    public static func read(
        jsonBytes bytes: [UInt8], eachPassageColumns body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(JSONReadError) -> TokenizedDocument {
        try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONReadError) in
            try read(from: &reader) { (stored, forms, reader) throws(JSONReadError) in
                body(stored.passage, try stored.columns(formCount: forms.count, reader: reader), forms)
            }
        }
    }

    /// `read(jsonBytes:eachPassageColumns:)` on the file at `url`.
    public static func read(
        jsonFile url: URL, eachPassageColumns body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws -> TokenizedDocument {
        try read(jsonBytes: FileBytes.read(url), eachPassageColumns: body)
    }

    /// The members other than `forms` and `passages`, which are read with them.
    private static let headerMembers: [JSONMember<TokenizedDocument>] = [
        .init("analyzer", \.analyzer), .init("format", \.format), .init("id", \.id), .init("metadata", \.metadata),
        .init("ocr_pages", \.ocrPages), .init("page_count", \.pageCount), .init("schema", \.schema),
        .init("sha256", \.sha256),
        .init("source", \.source), .init("warnings", \.warnings),
    ]

    /// Reads the document object, handing each passage as stored over with the forms table.
    private static func read(
        from reader: inout JSONReader,
        eachPassage body: (StoredPassage, [(String, String)], JSONReader) throws(JSONReadError) -> Void
    ) throws(JSONReadError) -> TokenizedDocument {
        var document = TokenizedDocument(
            id: "", source: "", sha256: "", format: .html, metadata: DocumentMetadata(), pageCount: 0, analyzer: "",
            passages: [], warnings: [])
        var seen: UInt64 = 0
        var forms: [(String, String)]?
        // Passages read before the forms table (any key order is valid JSON) wait for it.
        var waiting: [StoredPassage] = []
        var sawPassages = false
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "forms":
                guard forms == nil else { throw reader.error("duplicate key forms") }
                let table = try readForms(&reader)
                forms = table
                for passage in waiting { try body(passage, table, reader) }
                waiting = []
            case "passages":
                guard !sawPassages else { throw reader.error("duplicate key passages") }
                sawPassages = true
                try reader.beginArray()
                while try reader.nextElement() {
                    let passage = try StoredPassage(from: &reader)
                    if let forms {
                        try body(passage, forms, reader)
                    } else {
                        waiting.append(passage)
                    }
                }
            default:
                if try !headerMembers.read(key, into: &document, from: &reader, seen: &seen) { try reader.skipValue() }
            }
        }
        // Without a forms table, only passages without tokens can be built.
        for passage in waiting { try body(passage, [], reader) }
        guard sawPassages else { throw reader.error("missing key passages") }
        try headerMembers.checkRequired(seen, reader: reader)
        guard document.schema == currentSchema else { throw reader.error("unsupported schema \(document.schema)") }
        return document
    }

    private static func readForms(_ reader: inout JSONReader) throws(JSONReadError) -> [(String, String)] {
        var forms: [(String, String)] = []
        try reader.beginArray()
        while try reader.nextElement() {
            try reader.beginArray()
            guard try reader.nextElement() else { throw reader.error("a form needs a norm and a stem") }
            let norm = try reader.readString()
            guard try reader.nextElement() else { throw reader.error("a form needs a norm and a stem") }
            let stem = try reader.readString()
            guard try !reader.nextElement() else { throw reader.error("a form has more than two strings") }
            forms.append((norm, stem))
        }
        return forms
    }
}

/// The `forms` array: one `[norm, stem]` pair per distinct form.
extension FormTable: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for (norm, stem) in pairs {
            writer.beginArray()
            writer.string(norm)
            writer.string(stem)
            writer.endArray()
        }
        writer.endArray()
    }
}

extension TokenizedDocument {
    /// Whether the passage file at `url` starts and ends as this serialization writes a document
    /// analysed by `analyzer`: two small reads that let the tokenize stage rebuild a file of an
    /// older schema (without `forms`), a truncated or a foreign one instead of reusing it.
    public static func fileLooksCurrent(at url: URL, analyzer: String) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        var opening = Array(#"{"analyzer":"#.utf8)
        opening += analyzer.jsonBytes()
        opening += Array(#","format":""#.utf8)
        let forms = Array(#"","forms":["#.utf8)
        let headLength = opening.count + "html".utf8.count + forms.count
        guard let head = try? handle.read(upToCount: headLength).map(Array.init),
            head.starts(with: opening),
            head.dropFirst(opening.count).starts(with: Array("pdf".utf8) + forms)
                || head.dropFirst(opening.count).starts(with: Array("html".utf8) + forms),
            let size = try? handle.seekToEnd(), size >= 2,
            (try? handle.seek(toOffset: size - 2)) != nil,
            let tail = try? handle.readToEnd()
        else { return false }
        return tail == Data("}\n".utf8)
    }
}
