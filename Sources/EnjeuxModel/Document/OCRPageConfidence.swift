import EnjeuxSupport

/// A page whose text was read by OCR and Tesseract's mean word confidence on it (0–100), as
/// the later stages carry it for their documents (`ocr_pages`), so that a passage from such a
/// page is flagged wherever it is shown.
public struct OCRPageConfidence: Sendable, Hashable {
    /// 1-based physical page number.
    public var page: Int
    /// Nil when the page gave no word.
    public var confidence: Double?

    public init(page: Int, confidence: Double?) {
        self.page = page
        self.confidence = confidence
    }

    /// The OCR pages of an extracted document, in page order; nil when it has none.
    public static func pages(of document: ExtractedDocument) -> [OCRPageConfidence]? {
        let pages = document.pages.filter { $0.textSource == .ocr }.map {
            OCRPageConfidence(page: $0.number, confidence: $0.ocrConfidence)
        }
        return pages.isEmpty ? nil : pages
    }

    /// The lowest OCR confidence among the pages `page...endPage` that were read by OCR; nil
    /// when none of them was.
    public static func confidence(page: Int, endPage: Int?, in pages: [OCRPageConfidence]?) -> Double? {
        guard let pages else { return nil }
        let last = max(page, endPage ?? page)
        let found = pages.filter { $0.page >= page && $0.page <= last }
        guard !found.isEmpty else { return nil }
        return found.map { $0.confidence ?? 0 }.min()
    }
}

extension OCRPageConfidence: JSONObject {
    public static let jsonMembers: [JSONMember<OCRPageConfidence>] = [
        .init("confidence", \.confidence), .init("page", \.page),
    ]

    public static var jsonBlank: OCRPageConfidence { OCRPageConfidence(page: 0, confidence: nil) }
}
