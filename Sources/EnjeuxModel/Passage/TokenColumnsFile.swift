import EnjeuxSupport
import Foundation

/// A compact binary copy of a passage file, written beside it (`<id>.columns`) for the
/// stages that read every token of every passage again and again (scoring, the lexicon
/// tools). The JSON file stays the reference; this one is a cache, checked against the
/// document's SHA-256 and the analyzer version, and ignored when it does not match.
///
/// Layout (integers little-endian): the magic `ENJXCOL2`; the document without its
/// passages, as JSON (u32 length + bytes); the forms table (u32 count, then norm and stem
/// as strings); the passages (u32 count, then for each: id, index, page, end page, page
/// label, end page label, heading, paragraph, block kind, text, then u32 token count n and the
/// columns start[n], end[n] (u32), kind[n] (u8), form[n] (u32)). A string is a u32 byte
/// length and UTF-8 bytes; an optional value is a u8 flag then the value.
public enum TokenColumnsFile {
    /// The file's first bytes; the digit is the layout's version (2: passages have a paragraph).
    public static let magic = Array("ENJXCOL2".utf8)
    public static let fileExtension = "columns"

    /// Problems reading a columns file: any of them means "use the JSON file".
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    // MARK: - Writing

    public static func encode(_ document: TokenizedDocument) -> [UInt8] {
        var header = document
        header.passages = []
        var out = magic
        out.reserveCapacity(1 << 16)
        append(bytes: header.jsonBytes(), to: &out)
        let forms = FormTable(of: document.passages)
        append(UInt32(forms.pairs.count), to: &out)
        for (norm, stem) in forms.pairs {
            append(string: norm, to: &out)
            append(string: stem, to: &out)
        }
        append(UInt32(document.passages.count), to: &out)
        var firstToken = 0
        for passage in document.passages {
            append(passage, forms: forms.tokenForms[firstToken..<(firstToken + passage.tokens.count)], to: &out)
            firstToken += passage.tokens.count
        }
        return out
    }

    /// Appends one passage: its fields, then its token columns, `forms` being the index of each
    /// token's form in the document's table.
    static func append(_ passage: Passage, forms: some Collection<Int>, to out: inout [UInt8]) {
        append(string: passage.id, to: &out)
        append(UInt32(clamping: passage.index), to: &out)
        append(UInt32(clamping: passage.page), to: &out)
        append(optional: passage.endPage.map { UInt32(clamping: $0) }, to: &out)
        append(optionalString: passage.pageLabel, to: &out)
        append(optionalString: passage.endPageLabel, to: &out)
        append(optionalString: passage.heading, to: &out)
        append(optional: passage.paragraph.map { UInt32(clamping: $0) }, to: &out)
        append(string: passage.blockKind.rawValue, to: &out)
        append(string: passage.text, to: &out)
        append(UInt32(passage.tokens.count), to: &out)
        for token in passage.tokens { append(UInt32(clamping: token.start), to: &out) }
        for token in passage.tokens { append(UInt32(clamping: token.end), to: &out) }
        for token in passage.tokens { out.append(code(of: token.kind)) }
        for index in forms { append(UInt32(index), to: &out) }
    }

    /// Writes the columns file of a document beside its passage file (atomically).
    public static func write(_ document: TokenizedDocument, to url: URL) throws {
        try FileBytes.write(encode(document), to: url)
    }

    static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    static func append(bytes: [UInt8], to out: inout [UInt8]) {
        append(UInt32(bytes.count), to: &out)
        out.append(contentsOf: bytes)
    }

    static func append(string: String, to out: inout [UInt8]) {
        append(bytes: Array(string.utf8), to: &out)
    }

    private static func append(optional value: UInt32?, to out: inout [UInt8]) {
        out.append(value == nil ? 0 : 1)
        if let value { append(value, to: &out) }
    }

    private static func append(optionalString value: String?, to out: inout [UInt8]) {
        out.append(value == nil ? 0 : 1)
        if let value { append(string: value, to: &out) }
    }

    static let kinds: [TokenKind] = [.word, .number, .punctuation, .symbol, .url, .email]

    private static func code(of kind: TokenKind) -> UInt8 {
        UInt8(kinds.firstIndex(of: kind) ?? 0)
    }

    // MARK: - Reading

    /// Reads a columns file as `TokenizedDocument.read(jsonBytes:eachPassageColumns:)` reads a passage file:
    /// each passage without tokens, with its token columns and the forms table.
    public static func decodeColumns(
        _ bytes: [UInt8], eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(ReadError) -> TokenizedDocument {
        try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
            try decodeColumns(buffer, eachPassage: body)
        }
    }

    /// The same over bytes held anywhere (a mapped file).
    static func decodeColumns(
        _ bytes: UnsafeBufferPointer<UInt8>,
        eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(ReadError) -> TokenizedDocument {
        let index = try ColumnsFileIndex(bytes)
        try index.decode(0..<index.passageCount) { body($0, $1, index.table) }
        return index.document
    }

    /// Calls `body` with the index of the columns file at `url` (mapped in memory, valid only
    /// during the call) when it belongs to the document with `sha256` analysed by `analyzer`;
    /// nil when it is missing, stale or damaged, before `body` is called.
    public static func withIndex<Result>(
        of url: URL, sha256: String, analyzer: String, _ body: (ColumnsFileIndex) -> Result
    ) -> Result? {
        FileBytes.withMappedFile(url) { bytes -> Result? in
            guard let index = try? ColumnsFileIndex(bytes), index.document.sha256 == sha256,
                index.document.analyzer == analyzer
            else { return nil }
            return body(index)
        } ?? nil
    }

    /// Reads the columns file at `url` when it belongs to the document with `sha256` analysed by
    /// `analyzer`; nil when it is missing or stale, before any passage is handed over. A file
    /// damaged after its header throws (before any passage when the damage is in the layout,
    /// after some when it is in a passage's values): the caller starts the document again from
    /// its JSON file.
    ///
    /// The file is mapped rather than copied (a large document's is tens of megabytes). The
    /// stages replace their files by renaming new ones over them, never by rewriting them in
    /// place, so a mapped file does not change while it is read.
    public static func read(
        from url: URL, sha256: String, analyzer: String,
        eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(ReadError) -> TokenizedDocument? {
        let outcome = FileBytes.withMappedFile(url) { bytes -> Result<TokenizedDocument?, ReadError> in
            let index: ColumnsFileIndex
            do throws(ReadError) {
                index = try ColumnsFileIndex(bytes)
            } catch {
                // A file of another document or analyzer is stale, whatever follows its header.
                guard let header = try? header(of: bytes), header.sha256 == sha256, header.analyzer == analyzer
                else { return .success(nil) }
                return .failure(error)
            }
            guard index.document.sha256 == sha256, index.document.analyzer == analyzer else { return .success(nil) }
            return Result { () throws(ReadError) in
                try index.decode(0..<index.passageCount) { body($0, $1, index.table) }
                return index.document
            }
        }
        guard let outcome else { return nil }
        return try outcome.get()
    }

    /// The document described by a columns file, without reading its passages.
    static func header(of bytes: [UInt8]) throws(ReadError) -> TokenizedDocument {
        try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in try header(of: buffer) }
    }

    static func header(of bytes: UnsafeBufferPointer<UInt8>) throws(ReadError) -> TokenizedDocument {
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
            throw ReadError(message: "not a columns file")
        }
        var reader = Reader(bytes: bytes)
        reader.position = magic.count
        let headerBytes = try reader.block()
        do {
            return try TokenizedDocument(jsonBytes: Array(headerBytes))
        } catch {
            throw ReadError(message: "unreadable document header: \(error)")
        }
    }

    /// Reads the values of a columns file in order; every read checks that the bytes are there.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        /// One passage (without tokens) and its columns; form indexes are checked against
        /// the forms table's size.
        mutating func passage(formCount: Int) throws(ReadError) -> (Passage, PassageTokenColumns) {
            let id = try string()
            let index = Int(try u32())
            let page = Int(try u32())
            let endPage = try flag() ? Int(try u32()) : nil
            let pageLabel = try flag() ? try string() : nil
            let endPageLabel = try flag() ? try string() : nil
            let heading = try flag() ? try string() : nil
            let paragraph = try flag() ? Int(try u32()) : nil
            guard let blockKind = BlockKind(rawValue: try string()) else {
                throw ReadError(message: "unknown block kind")
            }
            let text = try string()
            let count = try tokenCount()
            var columns = PassageTokenColumns()
            columns.start = try u32s(count)
            columns.end = try u32s(count)
            columns.kind = try kinds(count)
            columns.form = try u32s(count, below: formCount)
            let passage = Passage(
                id: id, index: index, page: page, endPage: endPage, pageLabel: pageLabel, endPageLabel: endPageLabel,
                heading: heading, paragraph: paragraph, blockKind: blockKind, text: text, tokens: [])
            return (passage, columns)
        }

        /// Moves past one passage, as `passage(formCount:)` reads it, without decoding it.
        mutating func skipPassage() throws(ReadError) {
            _ = try block()
            _ = try u32()
            _ = try u32()
            if try flag() { _ = try u32() }
            for _ in 0..<3 where try flag() { _ = try block() }
            if try flag() { _ = try u32() }
            _ = try block()
            _ = try block()
            let count = try tokenCount()
            position += count * 13
        }

        /// A passage's token count, checked against the bytes left for its columns (13 a token).
        private mutating func tokenCount() throws(ReadError) -> Int {
            let count = Int(try u32())
            guard count <= (bytes.count - position) / 13 else { throw ReadError(message: "truncated columns") }
            return count
        }

        mutating func u32() throws(ReadError) -> UInt32 {
            guard position + 4 <= bytes.count, let base = bytes.baseAddress else {
                throw ReadError(message: "truncated columns")
            }
            let value = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt32.self)
            position += 4
            return UInt32(littleEndian: value)
        }

        mutating func flag() throws(ReadError) -> Bool {
            guard position < bytes.count else { throw ReadError(message: "truncated columns") }
            position += 1
            return bytes[position - 1] != 0
        }

        mutating func block() throws(ReadError) -> UnsafeBufferPointer<UInt8> {
            let count = Int(try u32())
            guard count <= bytes.count - position else { throw ReadError(message: "truncated columns") }
            defer { position += count }
            return UnsafeBufferPointer(rebasing: bytes[position..<(position + count)])
        }

        mutating func string() throws(ReadError) -> String {
            String(decoding: try block(), as: UTF8.self)
        }

        mutating func u32s(_ count: Int) throws(ReadError) -> [Int] {
            try u32s(count, below: Int(UInt32.max) + 1)
        }

        /// `count` little-endian u32 values, each checked to be below `limit`.
        mutating func u32s(_ count: Int, below limit: Int) throws(ReadError) -> [Int] {
            guard count >= 0, count * 4 <= bytes.count - position else {
                throw ReadError(message: "truncated columns")
            }
            var largest: UInt32 = 0
            let source = bytes.baseAddress.map { UnsafeRawPointer($0) + position }
            let values = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
                if let source {
                    for index in 0..<count {
                        let value = UInt32(
                            littleEndian: source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                        largest = max(largest, value)
                        buffer[index] = Int(value)
                    }
                }
                initialized = count
            }
            guard count == 0 || Int(largest) < limit else { throw ReadError(message: "value out of range") }
            position += count * 4
            return values
        }

        mutating func kinds(_ count: Int) throws(ReadError) -> [TokenKind] {
            guard count >= 0, count <= bytes.count - position else { throw ReadError(message: "truncated columns") }
            let kinds = TokenColumnsFile.kinds
            var largest: UInt8 = 0
            let start = position
            let values = [TokenKind](unsafeUninitializedCapacity: count) { buffer, initialized in
                for offset in 0..<count {
                    let code = bytes[start + offset]
                    largest = max(largest, code)
                    buffer.initializeElement(at: offset, to: kinds[Int(min(code, UInt8(kinds.count - 1)))])
                }
                initialized = count
            }
            guard Int(largest) < kinds.count else { throw ReadError(message: "unknown token kind") }
            position += count
            return values
        }
    }
}
