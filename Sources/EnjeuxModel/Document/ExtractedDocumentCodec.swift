import EnjeuxSupport
import Foundation

/// The JSON form of `ExtractedDocument` (`extracted/<id>.json`), written and read without
/// Foundation's coders, which spend more time than the extraction itself on a 20 MB page.
/// The bytes are those `JSONCoding.write` produces: sorted snake_case keys, absent values
/// omitted, no whitespace.
public enum ExtractedDocumentCodec {
    // MARK: - Writing

    public static func encode(_ document: ExtractedDocument) -> [UInt8] {
        var textBytes = 0
        for page in document.pages {
            for block in page.blocks { textBytes += block.text.utf8.count + 48 }
        }
        var writer = JSONWriter(capacity: 4096 + textBytes + textBytes / 8)
        writer.beginObject()
        writer.key("byte_count")
        writer.int(document.byteCount)
        writer.key("format")
        writer.string(document.format.rawValue)
        writer.key("id")
        writer.string(document.id)
        writer.key("metadata")
        DocumentMetadataCodec.write(document.metadata, to: &writer)
        writer.key("pages")
        writer.beginArray()
        for page in document.pages { write(page, to: &writer) }
        writer.endArray()
        writer.key("schema")
        writer.int(document.schema)
        writer.key("sha256")
        writer.string(document.sha256)
        writer.key("source")
        writer.string(document.source)
        writer.key("warnings")
        writer.stringArray(document.warnings)
        writer.endObject()
        return writer.bytes
    }

    /// Writes the document atomically, with a final newline.
    public static func write(_ document: ExtractedDocument, to url: URL) throws {
        try FileBytes.write(encode(document), withFinalNewlineTo: url)
    }

    private static func write(_ page: Page, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("blocks")
        writer.beginArray()
        for block in page.blocks {
            writer.beginObject()
            writer.key("kind")
            writer.string(block.kind.rawValue)
            writer.optional("level", block.level)
            writer.key("text")
            writer.string(block.text)
            writer.endObject()
        }
        writer.endArray()
        writer.optional("label", page.label)
        writer.key("number")
        writer.int(page.number)
        writer.endObject()
    }

    // MARK: - Reading

    /// Reads an extracted-document file; keys may come in any order, unknown keys are skipped.
    public static func read(from url: URL) throws -> ExtractedDocument {
        try decode(FileBytes.read(url))
    }

    public static func decode(_ bytes: [UInt8]) throws(JSONReadError) -> ExtractedDocument {
        var reader = JSONReader(bytes: bytes)
        var document = ExtractedDocument(
            id: "", source: "", sha256: "", byteCount: 0, format: .html,
            content: ExtractedContent(metadata: DocumentMetadata(), pages: []))
        var seen: Set<String> = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            seen.insert(key)
            switch key {
            case "byte_count": document.byteCount = try reader.readInt()
            case "format": document.format = try reader.readEnum(DocumentFormat.self)
            case "id": document.id = try reader.readString()
            case "metadata": document.metadata = try DocumentMetadataCodec.read(from: &reader)
            case "pages":
                try reader.beginArray()
                while try reader.nextElement() { document.pages.append(try readPage(from: &reader)) }
            case "schema": document.schema = try reader.readInt()
            case "sha256": document.sha256 = try reader.readString()
            case "source": document.source = try reader.readString()
            case "warnings": document.warnings = try reader.readStringArray()
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        for required in ["byte_count", "format", "id", "metadata", "pages", "schema", "sha256", "source", "warnings"]
        where !seen.contains(required) {
            throw reader.error("missing key \(required)")
        }
        return document
    }

    private static func readPage(from reader: inout JSONReader) throws(JSONReadError) -> Page {
        var page = Page(number: 0, blocks: [])
        var hasNumber = false
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "blocks":
                try reader.beginArray()
                while try reader.nextElement() { page.blocks.append(try readBlock(from: &reader)) }
            case "label": page.label = try reader.readOptionalString()
            case "number":
                page.number = try reader.readInt()
                hasNumber = true
            default: try reader.skipValue()
            }
        }
        guard hasNumber else { throw reader.error("page without a number") }
        return page
    }

    private static func readBlock(from reader: inout JSONReader) throws(JSONReadError) -> Block {
        var kind: BlockKind?
        var text: String?
        var level: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "kind": kind = try reader.readEnum(BlockKind.self)
            case "text": text = try reader.readString()
            case "level": level = try reader.readOptionalInt()
            default: try reader.skipValue()
            }
        }
        guard let kind, let text else { throw reader.error("block without kind or text") }
        return Block(kind: kind, text: text, level: level)
    }
}
