import EnjeuxModel

/// The lines of each page of a PDF between the extractor's passes: the text layer's as poppler
/// gave them, or OCR's for the pages the OCR pass replaced. Both are kept in `PDFPageStore`s
/// (a temporary file beyond a few megabytes), so a long document is never held whole.
final class PDFPageLines {
    private let layer = PDFPageStore()
    private let ocr = PDFPageStore()
    /// Page index → index in `ocr`.
    private var replaced: [Int: Int] = [:]

    /// True once a page's text layer has been replaced.
    var hasReplacements: Bool { !replaced.isEmpty }

    /// Adds the next page's text-layer lines.
    func append(_ lines: [PDFTextLine]) {
        layer.append(lines)
    }

    /// Puts OCR's lines in place of the text layer of the page at a 0-based index.
    func replace(page index: Int, with lines: [PDFTextLine]) {
        replaced[index] = ocr.pageCount
        ocr.append(lines)
    }

    /// The page's lines; a temporary file that cannot be read back fails the document.
    func lines(at index: Int) throws(ExtractionFailure) -> [PDFTextLine] {
        try Self.read(replaced[index].map { (ocr, $0) } ?? (layer, index))
    }

    /// The lines of one page of `store`, with the failure the extractor reports.
    static func read(_ location: (store: PDFPageStore, index: Int)) throws(ExtractionFailure) -> [PDFTextLine] {
        do {
            return try location.store.lines(at: location.index)
        } catch {
            throw .unreadable(detail: "cannot read back the temporary file of its pages: \(error.reason)")
        }
    }
}
