import EnjeuxCore
import Foundation
import LibXMLKit

/// HTML main-text extraction with libxml2.
/// SKELETON: to be replaced by the real implementation.
public struct HTMLExtractor: Sendable {
    public init() {}

    public func extract(data: Data) throws(ExtractionFailure) -> ExtractedContent {
        throw .unsupportedFormat(detail: "HTML extraction not built yet")
    }
}
