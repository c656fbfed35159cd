/// How Tesseract is to divide an image into text.
public enum OCRLayout: Sendable, Hashable {
    /// A page: blocks, paragraphs and lines found by Tesseract's layout analysis.
    case page
    /// A single block of text (a table cell): lines top to bottom.
    case block
}
