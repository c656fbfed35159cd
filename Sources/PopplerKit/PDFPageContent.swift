/// A rectangle on a page in PDF points, origin at the top-left corner, y growing downwards.
public struct PDFBox: Sendable, Hashable {
    public var x1: Double
    public var y1: Double
    public var x2: Double
    public var y2: Double

    public init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
    }

    public var width: Double { x2 - x1 }
    public var height: Double { y2 - y1 }
}

/// A run of characters that share one font, as poppler reports it.
public struct PDFTextRun: Sendable, Hashable {
    public var fontName: String
    public var fontSize: Double
    public var isUnderlined: Bool
    /// First character index of the run in `PDFPageContent.characters` (inclusive).
    public var start: Int
    /// Last character index of the run (inclusive).
    public var end: Int

    public init(fontName: String, fontSize: Double, isUnderlined: Bool, start: Int, end: Int) {
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
public struct PDFPageContent: Sendable {
    /// 0-based page index in the document.
    public var index: Int
    public var width: Double
    public var height: Double
    /// The page label poppler reports (from /PageLabels, or the plain number), nil when empty.
    public var label: String?
    public var characters: [Unicode.Scalar]
    public var boxes: [PDFBox]
    public var runs: [PDFTextRun]

    public init(
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
