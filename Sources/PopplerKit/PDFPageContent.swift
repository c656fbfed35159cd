/// A rectangle on a page in PDF points, origin at the top-left corner, y growing downwards.
package struct PDFBox: Sendable, Hashable {
    package var x1: Double
    package var y1: Double
    package var x2: Double
    package var y2: Double

    package init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
    }

    package var width: Double { x2 - x1 }
    package var height: Double { y2 - y1 }
}

/// A run of characters that share one font, as poppler reports it.
package struct PDFTextRun: Sendable, Hashable {
    package var fontName: String
    package var fontSize: Double
    package var isUnderlined: Bool
    /// First character index of the run in `PDFPageContent.characters` (inclusive).
    package var start: Int
    /// Last character index of the run (inclusive).
    package var end: Int

    package init(fontName: String, fontSize: Double, isUnderlined: Bool, start: Int, end: Int) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.isUnderlined = isUnderlined
        self.start = start
        self.end = end
    }
}

/// Everything the extractor needs from one page, as Swift values.
///
/// `characters` is poppler's page text in its reading order (lines end with `\n`);
/// `boxes` holds one rectangle per character when poppler provides them (same count),
/// and is empty otherwise.
package struct PDFPageContent: Sendable {
    /// 0-based page index in the document.
    package var index: Int
    package var width: Double
    package var height: Double
    /// The page label poppler reports (from /PageLabels, or the plain number), nil when empty.
    package var label: String?
    package var characters: [Unicode.Scalar]
    package var boxes: [PDFBox]
    package var runs: [PDFTextRun]

    package init(
        index: Int, width: Double, height: Double, label: String?, characters: [Unicode.Scalar],
        boxes: [PDFBox], runs: [PDFTextRun]
    ) {
        self.index = index
        self.width = width
        self.height = height
        self.label = label
        self.characters = characters
        self.boxes = boxes
        self.runs = runs
    }
}
