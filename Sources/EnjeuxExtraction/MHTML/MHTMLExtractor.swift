import EnjeuxModel
import Foundation

/// Extraction of a MIME web archive (`.mhtml`, `.mht`): its HTML page is found and decoded
/// (`MHTMLArchive`), then extracted as any HTML page. The address the page was saved from
/// becomes the document's URL when the page declares no canonical one.
package struct MHTMLExtractor: Sendable {
    /// Archives larger than this are refused. Only the page is decoded; images and style
    /// sheets are skipped, so an archive may be larger than an HTML page may.
    package static let maximumByteCount = 512 * 1024 * 1024

    package init() {}

    package func extract(data: Data) throws(ExtractionFailure) -> ExtractedContent {
        if data.isEmpty { throw .emptyFile }
        guard data.count <= Self.maximumByteCount else {
            let limit = Self.maximumByteCount / 1_048_576
            throw .tooLarge(detail: "\(data.count / 1_048_576) MB web archive, the limit is \(limit) MB")
        }
        let page: MHTMLPage
        do {
            page = try MHTMLArchive.page(in: data)
        } catch {
            switch error {
            case .unsupportedTransferEncoding: throw .unsupportedFormat(detail: "web archive (MHTML): \(error)")
            default: throw .notADocument(detail: "web archive (MHTML): \(error)")
            }
        }
        guard !page.html.isEmpty else { throw .notADocument(detail: "web archive (MHTML) whose page is empty") }
        let prepared = MHTMLPageBytes.forExtraction(page)
        let address = page.location.flatMap { Self.isWebAddress($0) ? $0 : nil }
        var content = try HTMLExtractor().extract(data: prepared.data, address: address)
        content.warnings = page.warnings + prepared.warnings + content.warnings
        return content
    }

    /// True for an `http:` or `https:` address (not `file:`, `cid:` or a Windows path).
    static func isWebAddress(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
