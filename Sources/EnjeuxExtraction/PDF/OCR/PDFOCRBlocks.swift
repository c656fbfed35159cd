import EnjeuxModel

/// Makes the blocks of a page read by OCR from Tesseract's paragraphs: consecutive lines of one
/// paragraph form a block, a line opening with a bullet or a list number starts a list item,
/// and a paragraph Tesseract cut in the middle of a sentence (the next line, just below in the
/// same column, goes on in lowercase) is joined again. The kinds come from the estimated font
/// sizes as for a text layer (`PDFBlockBuilder`): headings are larger than the body, or a short
/// numbered line (`3.2 Autonomie professionnelle`); footnotes are the trailing run of smaller
/// paragraphs in the lower part of the page, the first opening with a note number.
struct PDFOCRBlocks: Sendable {
    /// The body size of the document's OCR lines: the median font size, weighted by characters.
    var bodySize: Double

    init(pages: [[PDFTextLine]]) {
        var sizes = Sizes()
        for lines in pages { sizes.add(lines) }
        bodySize = sizes.median
    }

    init(bodySize: Double) {
        self.bodySize = bodySize
    }

    /// The font sizes of a document's OCR lines, gathered page by page.
    struct Sizes {
        private var entries: [(size: Double, weight: Int)] = []

        mutating func add(_ lines: [PDFTextLine]) {
            for line in lines { entries.append((line.fontSize, line.scalars.count)) }
        }

        /// The median size weighted by characters (10 without any line).
        var median: Double {
            let sorted = entries.sorted { $0.size < $1.size }
            let half = sorted.reduce(0) { $0 + $1.weight } / 2
            var seen = 0
            for entry in sorted {
                seen += entry.weight
                if seen > half { return entry.size }
            }
            return 10
        }
    }

    func blocks(of lines: [PDFTextLine], pageHeight: Double) -> [PDFBlockDraft] {
        var drafts: [PDFBlockDraft] = []
        for line in lines {
            let opensItem =
                PDFLineOpening.bulletLength(line.scalars) > 0 || PDFLineOpening.startsWithEnumerator(line.scalars)
            if var current = drafts.last, !opensItem, let previous = current.lines.last,
                previous.ocrParagraph == line.ocrParagraph || Self.goesOn(previous, with: line)
            {
                current.lines.append(line)
                drafts[drafts.count - 1] = current
            } else {
                drafts.append(PDFBlockDraft(kind: opensItem ? .listItem : .paragraph, lines: [line]))
            }
        }
        for index in drafts.indices where drafts[index].kind == .paragraph && isHeading(drafts[index]) {
            drafts[index].kind = .heading
        }
        markFootnotes(&drafts, pageHeight: pageHeight)
        return drafts
    }

    /// True when `line` carries on the sentence of `previous` from a paragraph Tesseract ended
    /// there: no final punctuation before it, a lowercase opening, the same column, the next row.
    static func goesOn(_ previous: PDFTextLine, with line: PDFTextLine) -> Bool {
        guard !PDFLineOpening.endsSentence(previous.scalars), PDFLineOpening.startsLowercase(line.scalars),
            line.horizontalOverlap(with: previous) > 0, line.midY > previous.midY
        else { return false }
        return line.y1 - previous.y2 < 1.2 * max(previous.height, line.height)
    }

    /// A one-line block of at most 100 characters opening with a section number (`3.2`, `IV.`)
    /// then a capital, without a final period: a numbered heading.
    static func isNumberedHeading(_ draft: PDFBlockDraft) -> Bool {
        guard draft.lines.count == 1, let scalars = draft.lines.first?.scalars, scalars.count <= 100,
            scalars.last != "."
        else { return false }
        var index = 0
        var digits = 0
        while index < scalars.count, scalars[index].properties.numericType == .decimal || scalars[index] == "." {
            if scalars[index] != "." { digits += 1 }
            index += 1
        }
        guard digits > 0, digits <= 4, index < scalars.count - 1, scalars[index] == " " else { return false }
        return scalars[index + 1].properties.isUppercase
    }

    /// The median size of a block's lines (one line's estimate varies with its letters).
    private func size(of draft: PDFBlockDraft) -> Double {
        let sizes = draft.lines.map(\.fontSize).sorted()
        return sizes.isEmpty ? 0 : sizes[sizes.count / 2]
    }

    private func isHeading(_ draft: PDFBlockDraft) -> Bool {
        if Self.isNumberedHeading(draft) { return true }
        return draft.lines.count <= 3 && draft.characterCount <= 300
            && size(of: draft) >= PDFBlockBuilder.headingRatio * bodySize
    }

    private func markFootnotes(_ drafts: inout [PDFBlockDraft], pageHeight: Double) {
        var start = drafts.count
        var index = drafts.count - 1
        while index >= 0, size(of: drafts[index]) < PDFBlockBuilder.smallTextRatio * bodySize,
            let first = drafts[index].lines.first, first.y1 > 0.45 * pageHeight
        {
            if PDFLineOpening.startsWithNoteMarker(first.scalars) { start = index }
            index -= 1
        }
        for note in start..<drafts.count { drafts[note].kind = .footnote }
    }
}
