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
            throw .overLimit(content: .webArchive, megabytes: data.count / 1_048_576, limitMegabytes: limit)
        }
        let page: MHTMLPage
        do {
            page = try MHTMLArchive.page(in: data)
        } catch {
            switch error {
            case .unsupportedTransferEncoding(let encoding): throw .unsupportedWebArchiveEncoding(encoding: encoding)
            case .noHTMLPart(let found): throw .webArchiveWithoutPage(found: found)
            default: throw .unreadableWebArchive(detail: "\(error)")
            }
        }
        guard !page.html.isEmpty else { throw .emptyWebArchivePage }
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
