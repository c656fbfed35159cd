import Foundation
import PopplerKit

/// Where poppler reads a PDF from: bytes already in memory, or a file read by pieces as pages
/// need them (a 100 MB document is not copied into memory). The OCR pass opens one more
/// document per thread from the same source.
package enum PDFSource: Sendable {
    case bytes(Data)
    case file(URL)

    /// A new poppler document over this source.
    func open(password: String?) throws(PDFOpenError) -> PDFDocumentReader {
        switch self {
        case .bytes(let data): try PDFDocumentReader(data: data, password: password)
        case .file(let url): try PDFDocumentReader(fileAt: url.path, password: password)
        }
    }
}
