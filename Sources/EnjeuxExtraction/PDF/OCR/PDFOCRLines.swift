import Foundation
import TesseractKit

/// Turns Tesseract's lines into `PDFTextLine`s in PDF points (y downwards, as poppler's), so
/// that the clean-up of born-digital text (running headers and footers, de-hyphenation)
/// applies to them. Each line keeps its Tesseract paragraph (`ocrParagraph`), from which
/// `PDFOCRBlocks` makes the blocks.
enum PDFOCRLines {
    /// Share of the font size above the baseline in a line with capitals or ascenders.
    static let ascentShare = 0.72

    static func lines(of result: OCRPageResult, resolution: Int) -> [PDFTextLine] {
        let scale = 72 / Double(max(resolution, 1))
        var lines: [PDFTextLine] = []
        for line in result.lines {
            var scalars: [Unicode.Scalar] = []
            for word in line.words {
                if !scalars.isEmpty { scalars.append(" ") }
                for scalar in word.text.precomposedStringWithCanonicalMapping.unicodeScalars {
                    _ = PDFCharacterNormalizer.append(scalar, to: &scalars)
                }
            }
            PDFCharacterNormalizer.trimTrailingSpaces(&scalars)
            guard !scalars.isEmpty else { continue }
            let height = Double(line.box.height) * scale
            let fontSize = line.ascent.map { Double($0) * scale / ascentShare } ?? height / 1.25
            lines.append(
                PDFTextLine(
                    scalars: scalars, x1: Double(line.box.left) * scale, y1: Double(line.box.top) * scale,
                    x2: Double(line.box.right) * scale, y2: Double(line.box.bottom) * scale,
                    fontSize: min(max(fontSize, 1), max(height, 1)), isBold: false, fontKey: 0,
                    endsWithSoftHyphen: false, order: lines.count, ocrParagraph: line.paragraph))
        }
        return lines
    }
}
