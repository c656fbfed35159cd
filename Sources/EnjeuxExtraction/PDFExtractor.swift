import EnjeuxCore
import Foundation
import PopplerKit

/// PDF text extraction with poppler-glib.
/// SKELETON: to be replaced by the real implementation.
public struct PDFExtractor: Sendable {
    public init() {}

    public func extract(data: Data, options: ExtractionOptions) throws(ExtractionFailure) -> ExtractedContent {
        throw .unsupportedFormat(detail: "PDF extraction not built yet")
    }
}
