import EnjeuxModel
import Foundation
import LibXMLKit

/// HTML main-text extraction with libxml2: decodes the bytes, parses in recover mode with
/// no network or entity access, finds the article, and returns its blocks and metadata.
package struct HTMLExtractor: Sendable {
    /// Files larger than this are refused rather than parsed.
    package static let maximumByteCount = 256 * 1024 * 1024

    package init() {}

    /// Extracts one page: a single `Page` (number 1) whose blocks are the main text.
    /// `address` is where the page was saved from, when known (a web archive says it): the
    /// document's URL when the page declares none, a date and a site name to read from.
    package func extract(data: Data, address: String? = nil) throws(ExtractionFailure) -> ExtractedContent {
        if data.isEmpty { throw .emptyFile }
        guard data.count <= Self.maximumByteCount else {
            let limit = Self.maximumByteCount / 1_048_576
            throw .overLimit(content: .html, megabytes: data.count / 1_048_576, limitMegabytes: limit)
        }
        let (parsed, decodingWarnings) = try parse(data)
        var warnings = decodingWarnings + (parsed.cutAtDepth.map { [DocumentWarning.nestingTooDeep(depth: $0)] } ?? [])

        let structured = HTMLStructuredData(tree: parsed.tree)
        let content = HTMLContentLocator.locate(in: parsed.tree, articleBody: structured.articleBody)
        let collector = HTMLBlockCollector(tree: parsed.tree, removed: content.removed)
        let head = HTMLHeadFields(tree: parsed.tree)
        // The page's headline stays in the text, unlike readability and trafilatura: the
        // working group quotes headlines as evidence.
        var blocks = collector.blocks(from: content.roots)
        if blocks.isEmpty { blocks = baselineBlocks(of: parsed.tree) }
        if blocks.isEmpty { warnings.append(.noMainContent) }
        let metadata = HTMLMetadataReader.read(
            tree: parsed.tree, content: content, structured: structured, head: head, address: address)
        return ExtractedContent(metadata: metadata, pages: [Page(number: 1, blocks: blocks)], warnings: warnings)
    }

    /// The page's visible text outside furniture tags, when no main text was found (a
    /// page of headings only, or whose text is all inside links).
    private func baselineBlocks(of tree: HTMLTree) -> [Block] {
        let body = tree.elements(named: "body").first ?? HTMLTree.rootIndex
        let collector = HTMLBlockCollector(tree: tree, removed: HTMLRemovalMask.baseline(for: tree), isBaseline: true)
        return collector.blocks(from: [body])
    }

    /// The page parsed, with the warnings of its decoding. A page in valid UTF-8 without NUL
    /// (most pages) is parsed in place; any other is decoded to a string first.
    private func parse(_ data: Data) throws(ExtractionFailure) -> (HTMLParseResult, [DocumentWarning]) {
        let outcome = data.withUnsafeBytes { raw in
            Result { () throws(ExtractionFailure) -> (HTMLParseResult, [DocumentWarning]) in
                let bytes = raw.bindMemory(to: UInt8.self)
                let decision = HTMLEncodingDetector.decide(bytes)
                let text = UnsafeBufferPointer(rebasing: bytes[decision.textStart...])
                if decision.encoding == .utf8, !containsNUL(text), UTF8Check.isValid(text) {
                    return (
                        try parse { () throws(HTMLParseError) in try HTMLParser.parse(utf8Bytes: text) },
                        decision.warnings
                    )
                }
                let decoded = HTMLEncodingDetector.decode(bytes, as: decision)
                let decodedText = withoutNUL(decoded.text)
                return (
                    try parse { () throws(HTMLParseError) in try HTMLParser.parse(utf8: decodedText) }, decoded.warnings
                )
            }
        }
        return try outcome.get()
    }

    private func parse(_ body: () throws(HTMLParseError) -> HTMLParseResult) throws(ExtractionFailure)
        -> HTMLParseResult
    {
        do {
            return try body()
        } catch {
            switch error {
            case .inputTooLarge(let bytes):
                throw .overLimit(content: .decodedHTML, megabytes: bytes / 1_048_576, limitMegabytes: nil)
            case .noDocument:
                throw .notHTML
            }
        }
    }

    private func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
    }

    /// libxml2 reads C strings: a NUL character would end the document early.
    private func withoutNUL(_ text: String) -> String {
        var text = text
        let hasNUL = text.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        }
        guard hasNUL else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
    }
}
