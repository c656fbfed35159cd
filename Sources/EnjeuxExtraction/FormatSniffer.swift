import EnjeuxCore
import Foundation

/// Tells PDF from HTML by the bytes, not by the file name.
/// SKELETON: to be replaced by the real implementation.
public enum FormatSniffer {
    public static func detect(_ data: Data, fileExtension: String) throws(ExtractionFailure) -> DocumentFormat {
        let head = data.prefix(1024)
        if let range = head.range(of: Data("%PDF-".utf8)), range.lowerBound - head.startIndex < 1024 { return .pdf }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("<html") || text.contains("<!doctype html") || text.contains("<body") || text.contains("<p") {
            return .html
        }
        throw .notADocument(detail: "not a PDF or HTML file")
    }
}
