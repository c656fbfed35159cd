import EnjeuxCore
import Foundation
import LibXMLKit

/// HTML main-text extraction with libxml2: decodes the bytes, parses in recover mode with
/// no network or entity access, finds the article, and returns its blocks and metadata.
public struct HTMLExtractor: Sendable {
    /// Files larger than this are refused rather than parsed.
    public static let maximumByteCount = 256 * 1024 * 1024

    public init() {}

    public func extract(data: Data) throws(ExtractionFailure) -> ExtractedContent {
        if data.isEmpty { throw .emptyFile }
        guard data.count <= Self.maximumByteCount else {
            throw .tooLarge(
                detail:
                    "\(data.count / 1_048_576) MB of HTML, the limit is \(Self.maximumByteCount / 1_048_576) MB"
            )
        }
        let decoded = HTMLEncodingDetector.decode(data)
        var warnings = decoded.warnings
        // libxml2 reads C strings: a NUL byte would end the document early.
        let text =
            decoded.text.utf8.contains(0)
            ? String(
                String.UnicodeScalarView(decoded.text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
            : decoded.text

        let parsed: HTMLParseResult
        do {
            parsed = try HTMLParser.parse(utf8: text)
        } catch {
            switch error {
            case .inputTooLarge(let bytes):
                throw .tooLarge(detail: "\(bytes / 1_048_576) MB of decoded HTML")
            case .noDocument:
                throw .notADocument(detail: "not an HTML document (libxml2 found no document)")
            }
        }
        warnings += parsed.warnings

        let content = HTMLContentLocator.locate(in: parsed.tree)
        let blocks = HTMLBlockCollector(tree: parsed.tree, removed: content.removed).blocks(
            from: content.roots)
        if blocks.isEmpty { warnings.append("no main content found") }
        let metadata = HTMLMetadataReader.read(tree: parsed.tree, content: content)
        return ExtractedContent(
            metadata: metadata, pages: [Page(number: 1, blocks: blocks)], warnings: warnings)
    }
}
