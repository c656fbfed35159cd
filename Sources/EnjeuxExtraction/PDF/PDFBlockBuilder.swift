import EnjeuxModel

/// Groups a page's lines (in reading order) into blocks: paragraphs, headings, list
/// items and footnotes, from vertical spacing, indentation and font changes.
struct PDFBlockBuilder: Sendable {
    var statistics: PDFLayoutStatistics

    /// Footnotes: set smaller than this share of the body size.
    static let smallTextRatio = 0.9
    /// Headings: set at least this share of the body size.
    static let headingRatio = 1.15

    func blocks(of lines: [PDFTextLine], pageHeight: Double) -> [PDFBlockDraft] {
        let footnoteStart = footnoteZoneStart(lines, pageHeight: pageHeight)
        var drafts = group(Array(lines[..<footnoteStart]))
        for index in drafts.indices { drafts[index].kind = kind(of: drafts[index]) }
        drafts.append(contentsOf: footnotes(Array(lines[footnoteStart...])))
        return drafts
    }

    // MARK: - Footnotes

    /// Index of the first footnote line: the footnotes are the trailing run of small
    /// lines in the lower half of the page, the first of them opening with a number.
    private func footnoteZoneStart(_ lines: [PDFTextLine], pageHeight: Double) -> Int {
        let limit = Self.smallTextRatio * statistics.bodySize
        var start = lines.count
        var index = lines.count - 1
        while index >= 0, lines[index].fontSize < limit, lines[index].y1 > 0.45 * pageHeight {
            if PDFLineOpening.startsWithNoteMarker(lines[index].scalars) { start = index }
            index -= 1
        }
        // Everything in the zone must follow its first note marker.
        return start
    }

    private func footnotes(_ lines: [PDFTextLine]) -> [PDFBlockDraft] {
        var drafts: [PDFBlockDraft] = []
        for line in lines {
            if PDFLineOpening.startsWithNoteMarker(line.scalars) || drafts.isEmpty {
                drafts.append(PDFBlockDraft(kind: .footnote, lines: [line]))
            } else {
                drafts[drafts.count - 1].lines.append(line)
            }
        }
        return drafts
    }

    // MARK: - Body

    private func group(_ lines: [PDFTextLine]) -> [PDFBlockDraft] {
        var drafts: [PDFBlockDraft] = []
        for line in lines {
            if var current = drafts.last, continues(current, with: line) {
                current.lines.append(line)
                drafts[drafts.count - 1] = current
            } else {
                let opensItem =
                    PDFLineOpening.bulletLength(line.scalars) > 0 || PDFLineOpening.startsWithEnumerator(line.scalars)
                drafts.append(PDFBlockDraft(kind: opensItem ? .listItem : .paragraph, lines: [line]))
            }
        }
        return drafts
    }

    /// True when `line` carries on the block (same paragraph), false when it starts a new one.
    private func continues(_ block: PDFBlockDraft, with line: PDFTextLine) -> Bool {
        guard let previous = block.lines.last, let first = block.lines.first else { return false }
        if PDFLineOpening.bulletLength(line.scalars) > 0 || PDFLineOpening.startsWithEnumerator(line.scalars) {
            return false
        }
        let size = max(previous.fontSize, 1)
        if abs(line.fontSize - previous.fontSize) > 0.12 * size { return false }
        if Self.finishesHyphenatedWord(line, after: previous, size: size) { return true }
        if line.isBold != previous.isBold { return false }
        if line.fontKey != previous.fontKey && line.fontKey != 0 && previous.fontKey != 0 { return false }
        if line.isOnSameRow(as: previous) { return false }

        if line.midY > previous.midY && line.horizontalOverlap(with: previous) > 0 {
            let pitch = line.y2 - previous.y2
            if pitch > 1.25 * statistics.pitch(forSize: size) { return false }
            if block.kind == .listItem && PDFLineOpening.bulletLength(first.scalars) > 0 {
                return line.x1 > first.x1 + 0.3 * size
            }
            if block.kind == .listItem && line.x1 < first.x1 - 0.3 * size { return false }
            if block.kind != .listItem && line.x1 > previous.x1 + 0.8 * size { return false }
            let right = max(block.lines.map(\.x2).max() ?? previous.x2, line.x2)
            let columnWidth = right - min(first.x1, line.x1)
            let shortfall = right - previous.x2
            if shortfall > 2 * size && PDFLineOpening.endsSentence(previous.scalars) { return false }
            // Ragged-right text: a short line followed by lowercase text goes on.
            if shortfall > 0.35 * columnWidth && !PDFLineOpening.startsLowercase(line.scalars) { return false }
            return true
        }
        // A jump up and to the right: the paragraph may go on at the top of the next column.
        if line.midY < previous.midY && line.x1 >= previous.x2 - size {
            if PDFLineOpening.endsWithHyphen(previous.scalars) || previous.endsWithSoftHyphen { return true }
            return !PDFLineOpening.endsSentence(previous.scalars) && PDFLineOpening.startsLowercase(line.scalars)
        }
        return false
    }

    /// A word cut by a line-end hyphen goes on at the start of the line just below: the two
    /// lines belong together even when a font change (a URL in typewriter type) or a hanging
    /// indent (a numbered heading's second line) would otherwise start a new block.
    private static func finishesHyphenatedWord(_ line: PDFTextLine, after previous: PDFTextLine, size: Double) -> Bool {
        guard PDFLineOpening.endsWithHyphen(previous.scalars) || previous.endsWithSoftHyphen,
            PDFLineOpening.startsLowercase(line.scalars),
            line.midY > previous.midY, line.horizontalOverlap(with: previous) > 0
        else { return false }
        return line.y2 - previous.y2 <= 1.8 * size
    }

    // MARK: - Kinds

    private func kind(of draft: PDFBlockDraft) -> BlockKind {
        let body = statistics.bodySize
        let characters = draft.characterCount
        if draft.fontSize >= Self.headingRatio * body && characters <= 300 { return .heading }
        if draft.isBold && draft.fontSize >= 0.95 * body && characters <= 200 && draft.lines.count <= 3,
            let last = draft.lines.last, !(last.scalars.last == "." && characters > 80)
        {
            return .heading
        }
        return draft.kind
    }
}
