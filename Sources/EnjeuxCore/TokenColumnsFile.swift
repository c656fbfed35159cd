import Foundation

/// A compact binary copy of a passage file, written beside it (`<id>.columns`) for the
/// stages that read every token of every passage again and again (scoring, the lexicon
/// tools). The JSON file stays the reference; this one is a cache, checked against the
/// document's SHA-256 and the analyzer version, and ignored when it does not match.
///
/// Layout (integers little-endian): the magic `ENJXCOL1`; the document without its
/// passages, as JSON (u32 length + bytes); the forms table (u32 count, then norm and stem
/// as strings); the passages (u32 count, then for each: id, index, page, end page, page
/// label, end page label, heading, block kind, text, then u32 token count n and the
/// columns start[n], end[n] (u32), kind[n] (u8), form[n] (u32)). A string is a u32 byte
/// length and UTF-8 bytes; an optional value is a u8 flag then the value.
public enum TokenColumnsFile {
    static let magic = Array("ENJXCOL1".utf8)
    public static let fileExtension = "columns"

    /// Problems reading a columns file: any of them means "use the JSON file".
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    // MARK: - Writing

    public static func encode(_ document: TokenizedDocument) throws -> [UInt8] {
        var header = document
        header.passages = []
        var out = magic
        out.reserveCapacity(1 << 16)
        append(bytes: Array(try JSONCoding.encode(header)), to: &out)
        var indices: [Pair: Int] = [:]
        var pairs: [Pair] = []
        var forms: [[UInt32]] = []
        for passage in document.passages {
            forms.append(
                passage.tokens.map { token in
                    let pair = Pair(norm: token.norm, stem: token.stem)
                    if let index = indices[pair] { return UInt32(index) }
                    indices[pair] = pairs.count
                    pairs.append(pair)
                    return UInt32(pairs.count - 1)
                })
        }
        append(UInt32(pairs.count), to: &out)
        for pair in pairs {
            append(string: pair.norm, to: &out)
            append(string: pair.stem, to: &out)
        }
        append(UInt32(document.passages.count), to: &out)
        for (passage, form) in zip(document.passages, forms) {
            append(string: passage.id, to: &out)
            append(UInt32(clamping: passage.index), to: &out)
            append(UInt32(clamping: passage.page), to: &out)
            append(optional: passage.endPage.map { UInt32(clamping: $0) }, to: &out)
            append(optionalString: passage.pageLabel, to: &out)
            append(optionalString: passage.endPageLabel, to: &out)
            append(optionalString: passage.heading, to: &out)
            append(string: passage.blockKind.rawValue, to: &out)
            append(string: passage.text, to: &out)
            append(UInt32(passage.tokens.count), to: &out)
            for token in passage.tokens { append(UInt32(clamping: token.start), to: &out) }
            for token in passage.tokens { append(UInt32(clamping: token.end), to: &out) }
            for token in passage.tokens { out.append(code(of: token.kind)) }
            for index in form { append(index, to: &out) }
        }
        return out
    }

    /// Writes the columns file of a document beside its passage file (atomically).
    public static func write(_ document: TokenizedDocument, to url: URL) throws {
        try FileBytes.write(encode(document), to: url)
    }

    private struct Pair: Hashable {
        var norm: String
        var stem: String
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append(bytes: [UInt8], to out: inout [UInt8]) {
        append(UInt32(bytes.count), to: &out)
        out.append(contentsOf: bytes)
    }

    private static func append(string: String, to out: inout [UInt8]) {
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

    /// Reads a columns file as `TokenizedDocumentCodec.decodeColumns` reads a passage file:
    /// each passage without tokens, with its token columns and the forms table.
    public static func decodeColumns(
        _ bytes: [UInt8], eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(ReadError) -> TokenizedDocument {
        let document = try header(of: bytes)
        var reader = Reader(bytes: bytes)
        reader.position = magic.count
        _ = try reader.block()
        let formCount = Int(try reader.u32())
        var table: [(String, String)] = []
        table.reserveCapacity(min(formCount, bytes.count / 8))
        for _ in 0..<formCount { table.append((try reader.string(), try reader.string())) }
        let passageCount = Int(try reader.u32())
        for _ in 0..<passageCount {
            let id = try reader.string()
            let index = Int(try reader.u32())
            let page = Int(try reader.u32())
            let endPage = try reader.flag() ? Int(try reader.u32()) : nil
            let pageLabel = try reader.flag() ? try reader.string() : nil
            let endPageLabel = try reader.flag() ? try reader.string() : nil
            let heading = try reader.flag() ? try reader.string() : nil
            guard let blockKind = BlockKind(rawValue: try reader.string()) else {
                throw ReadError(message: "unknown block kind")
            }
            let text = try reader.string()
            let count = Int(try reader.u32())
            guard count <= (bytes.count - reader.position) / 13 else { throw ReadError(message: "truncated columns") }
            var columns = PassageTokenColumns()
            columns.start = try reader.u32s(count)
            columns.end = try reader.u32s(count)
            columns.kind = try reader.kinds(count)
            columns.form = try reader.u32s(count)
            guard columns.form.allSatisfy({ $0 < table.count }) else { throw ReadError(message: "form out of range") }
            let passage = Passage(
                id: id, index: index, page: page, endPage: endPage, pageLabel: pageLabel, endPageLabel: endPageLabel,
                heading: heading, blockKind: blockKind, text: text, tokens: [])
            body(passage, columns, table)
        }
        guard reader.position == bytes.count else { throw ReadError(message: "trailing bytes") }
        return document
    }

    /// Reads the columns file at `url` when it belongs to the document with `sha256` analysed by
    /// `analyzer`; nil when it is missing or stale, before any passage is handed over. A file
    /// damaged after its header throws after some passages were handed over: the caller
    /// starts the document again from its JSON file.
    public static func read(
        from url: URL, sha256: String, analyzer: String,
        eachPassage body: (Passage, PassageTokenColumns, [(String, String)]) -> Void
    ) throws(ReadError) -> TokenizedDocument? {
        guard let bytes = try? FileBytes.read(url), let header = try? header(of: bytes), header.sha256 == sha256,
            header.analyzer == analyzer
        else { return nil }
        return try decodeColumns(bytes, eachPassage: body)
    }

    /// The document described by a columns file, without reading its passages.
    static func header(of bytes: [UInt8]) throws(ReadError) -> TokenizedDocument {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw ReadError(message: "not a columns file")
        }
        var reader = Reader(bytes: bytes)
        reader.position = magic.count
        let headerBytes = try reader.block()
        do {
            return try JSONCoding.decoder().decode(TokenizedDocument.self, from: Data(headerBytes))
        } catch {
            throw ReadError(message: "unreadable document header: \(error)")
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func u32() throws(ReadError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw ReadError(message: "truncated columns") }
            let value =
                UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                | UInt32(bytes[position + 3]) << 24
            position += 4
            return value
        }

        mutating func flag() throws(ReadError) -> Bool {
            guard position < bytes.count else { throw ReadError(message: "truncated columns") }
            position += 1
            return bytes[position - 1] != 0
        }

        mutating func block() throws(ReadError) -> ArraySlice<UInt8> {
            let count = Int(try u32())
            guard count <= bytes.count - position else { throw ReadError(message: "truncated columns") }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func string() throws(ReadError) -> String {
            String(decoding: try block(), as: UTF8.self)
        }

        mutating func u32s(_ count: Int) throws(ReadError) -> [Int] {
            guard count * 4 <= bytes.count - position else { throw ReadError(message: "truncated columns") }
            var values = [Int](repeating: 0, count: count)
            bytes.withUnsafeBufferPointer { buffer in
                var at = position
                for index in 0..<count {
                    values[index] = Int(
                        UInt32(buffer[at]) | UInt32(buffer[at + 1]) << 8 | UInt32(buffer[at + 2]) << 16
                            | UInt32(buffer[at + 3]) << 24)
                    at += 4
                }
            }
            position += count * 4
            return values
        }

        mutating func kinds(_ count: Int) throws(ReadError) -> [TokenKind] {
            guard count <= bytes.count - position else { throw ReadError(message: "truncated columns") }
            var values: [TokenKind] = []
            values.reserveCapacity(count)
            for offset in 0..<count {
                let code = Int(bytes[position + offset])
                guard code < TokenColumnsFile.kinds.count else { throw ReadError(message: "unknown token kind") }
                values.append(TokenColumnsFile.kinds[code])
            }
            position += count
            return values
        }
    }
}
