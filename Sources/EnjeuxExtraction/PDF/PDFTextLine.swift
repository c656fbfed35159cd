/// One line of text on a PDF page: its characters (already normalised), where it sits
/// and the font most of its characters use. Coordinates are PDF points, y downwards.
struct PDFTextLine: Sendable {
    var scalars: [Unicode.Scalar]
    var x1: Double
    var y1: Double
    var x2: Double
    var y2: Double
    /// Font size used by most of the line's characters.
    var fontSize: Double
    /// True when most of the line's characters use a bold font.
    var isBold: Bool
    /// Identifies the font family most of the line's characters use (0 when unknown).
    var fontKey: Int
    /// True when the line ended with a soft hyphen (a discretionary break to undo).
    var endsWithSoftHyphen: Bool
    /// Position in poppler's own reading order on the page (tie-breaker).
    var order: Int
    /// The Tesseract paragraph of a line read by OCR (`PDFOCRBlocks`); nil for a text-layer line.
    var ocrParagraph: Int? = nil

    var height: Double { y2 - y1 }
    var midY: Double { (y1 + y2) / 2 }
    var width: Double { x2 - x1 }

    /// Horizontal overlap with another line, in points (negative when apart).
    func horizontalOverlap(with other: PDFTextLine) -> Double {
        min(x2, other.x2) - max(x1, other.x1)
    }

    /// True when both lines sit on the same row (their vertical extents mostly overlap).
    func isOnSameRow(as other: PDFTextLine) -> Bool {
        let overlap = min(y2, other.y2) - max(y1, other.y1)
        return overlap > 0.5 * min(height, other.height)
    }

    /// The line's text as a String.
    var text: String { String(String.UnicodeScalarView(scalars)) }
}
