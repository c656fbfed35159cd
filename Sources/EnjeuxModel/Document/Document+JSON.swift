import EnjeuxSupport

/// The extracted-document file (`extracted/<id>.json`, docs/formats.md §1).
extension ExtractedDocument: JSONObject {
    public static let jsonMembers: [JSONMember<ExtractedDocument>] = [
        .init("byte_count", \.byteCount), .init("format", \.format), .init("id", \.id), .init("metadata", \.metadata),
        .init("pages", \.pages), .init("schema", \.schema), .init("sha256", \.sha256), .init("source", \.source),
        .init("warnings", \.warnings),
    ]

    public static var jsonBlank: ExtractedDocument {
        ExtractedDocument(
            id: "", source: "", sha256: "", byteCount: 0, format: .html,
            content: ExtractedContent(metadata: DocumentMetadata(), pages: []))
    }

    public var jsonSizeEstimate: Int {
        var textBytes = 0
        for page in pages {
            for block in page.blocks { textBytes += block.text.utf8.count + 48 }
        }
        return 4096 + textBytes + textBytes / 8
    }
}

extension Page: JSONObject {
    public static let jsonMembers: [JSONMember<Page>] = [
        .init("blocks", \.blocks, required: false), .init("label", \.label), .init("number", \.number),
        .init("ocr_confidence", \.ocrConfidence), .init("text_source", \.textSource),
    ]

    public static var jsonBlank: Page { Page(number: 0, blocks: []) }
}

extension Block: JSONObject {
    public static let jsonMembers: [JSONMember<Block>] = [
        .init("kind", \.kind), .init("level", \.level), .init("paragraph", \.paragraph), .init("text", \.text),
    ]

    public static var jsonBlank: Block { Block(kind: .paragraph, text: "") }
}

extension BlockKind: JSONStorable {}

extension TextSource: JSONStorable {}
