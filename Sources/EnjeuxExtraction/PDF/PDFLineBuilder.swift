import PopplerKit

/// Turns poppler's page text and character boxes into lines with positions and fonts.
///
/// Poppler ends each of its lines with `\n`. When two columns have aligned baselines it
/// sometimes reads both halves as one line; such a line is cut where a wide gap lines
/// up with an empty vertical channel in the neighbouring lines (a column gutter).
enum PDFLineBuilder {
    /// Gaps wider than this many font sizes are candidate column gutters.
    static let gutterGapFactor = 0.8
    /// A gutter must stay empty over at least this width, in font sizes.
    static let gutterChannelFactor = 0.6
    /// Gaps wider than this many font sizes, where poppler put no space, get one.
    static let missingSpaceFactor = 0.3

    /// A poppler line as character index range plus the indices of its visible characters.
    private struct RawLine {
        var visible: [Int]
        var x1: Double
        var x2: Double
        var y1: Double
        var y2: Double
    }

    static func lines(of page: PDFPageContent) -> [PDFTextLine] {
        let characters = page.characters
        let boxes = page.boxes
        guard !characters.isEmpty else { return [] }
        let fonts = FontLookup(runs: page.runs, characterCount: characters.count)
        guard boxes.count == characters.count else {
            return linesWithoutGeometry(characters, fonts: fonts, pageHeight: page.height)
        }

        var rawLines: [RawLine] = []
        var visible: [Int] = []
        for index in characters.indices {
            let scalar = characters[index]
            if scalar == "\n" {
                appendRawLine(visible, boxes: boxes, to: &rawLines)
                visible.removeAll(keepingCapacity: true)
            } else if !isBlank(scalar) {
                visible.append(index)
            }
        }
        appendRawLine(visible, boxes: boxes, to: &rawLines)

        var result: [PDFTextLine] = []
        result.reserveCapacity(rawLines.count)
        for lineIndex in rawLines.indices {
            let raw = rawLines[lineIndex]
            var segmentStart = 0
            for position in 1..<max(raw.visible.count, 1) {
                let previous = raw.visible[position - 1]
                let current = raw.visible[position]
                let gap = boxes[current].x1 - boxes[previous].x2
                let size = max(fonts.size(at: previous), 1)
                let goesBack = boxes[current].x1 < boxes[previous].x1 - 2 * size
                // Superscripts overlap the line vertically; a box on another row does not.
                let verticalOverlap =
                    min(boxes[current].y2, boxes[previous].y2) - max(boxes[current].y1, boxes[previous].y1)
                let smallerHeight = min(boxes[current].height, boxes[previous].height)
                let changesRow = verticalOverlap < 0.3 * max(smallerHeight, 1)
                guard gap > gutterGapFactor * size || goesBack || changesRow else { continue }
                // A bullet or list number set apart from its text stays with it.
                if !goesBack && !changesRow
                    && isListMarker(raw.visible[segmentStart..<position].map { characters[$0] })
                {
                    continue
                }
                let isGutter =
                    goesBack || changesRow
                    || hasEmptyChannel(
                        from: boxes[previous].x2, to: boxes[current].x1, width: gutterChannelFactor * size,
                        around: lineIndex, in: rawLines, boxes: boxes)
                if isGutter {
                    result.append(
                        makeLine(
                            raw.visible[segmentStart..<position], characters: characters, boxes: boxes,
                            fonts: fonts, order: result.count))
                    segmentStart = position
                }
            }
            if segmentStart < raw.visible.count {
                result.append(
                    makeLine(
                        raw.visible[segmentStart...], characters: characters, boxes: boxes, fonts: fonts,
                        order: result.count))
            }
        }
        return attachListMarkers(result.filter { !$0.scalars.isEmpty })
    }

    /// True for a bullet glyph, a list number (`1.`, `12)`, `a.`) or a note number (`1`,
    /// `12`) standing alone.
    static func isListMarker(_ scalars: [Unicode.Scalar]) -> Bool {
        if scalars.count == 1 && PDFLineOpening.bullets.contains(scalars[0]) { return true }
        if scalars.count <= 2 && scalars.allSatisfy({ $0.properties.numericType == .decimal }) { return true }
        guard scalars.count <= 4, let last = scalars.last, last == "." || last == ")" else { return false }
        let body = scalars.dropLast()
        return body.allSatisfy { $0.properties.numericType == .decimal }
            || (body.count == 1 && body.allSatisfy { $0.isASCII && $0.properties.isLowercase })
    }

    /// Joins lines that hold only a bullet or list number to the text on the same row
    /// just to their right ("•" and "Défendre l’apport…" become one line).
    static func attachListMarkers(_ lines: [PDFTextLine]) -> [PDFTextLine] {
        var result = lines
        var removed = Set<Int>()
        for markerIndex in result.indices where isListMarker(result[markerIndex].scalars) {
            let marker = result[markerIndex]
            let reach = 4 * max(marker.fontSize, marker.height * 0.8)
            var best: Int?
            for candidate in result.indices where candidate != markerIndex && !removed.contains(candidate) {
                let line = result[candidate]
                guard line.x1 >= marker.x2 - 1, line.x1 - marker.x2 <= reach,
                    abs(line.y2 - marker.y2) < 0.5 * max(line.height, marker.height),
                    !isListMarker(line.scalars)
                else { continue }
                if best.map({ line.x1 < result[$0].x1 }) ?? true { best = candidate }
            }
            guard let target = best else { continue }
            var merged = result[target]
            merged.scalars = marker.scalars + [" "] + merged.scalars
            merged.x1 = marker.x1
            merged.y1 = min(merged.y1, marker.y1)
            merged.y2 = max(merged.y2, marker.y2)
            merged.order = min(merged.order, marker.order)
            result[target] = merged
            removed.insert(markerIndex)
        }
        guard !removed.isEmpty else { return result }
        return result.indices.filter { !removed.contains($0) }.map { result[$0] }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch PDFCharacterNormalizer.mapping(of: scalar) {
        case .space, .nonBreakingSpace, .drop: true
        default: false
        }
    }

    private static func appendRawLine(_ visible: [Int], boxes: [PDFBox], to lines: inout [RawLine]) {
        guard let first = visible.first else { return }
        var line = RawLine(
            visible: visible, x1: boxes[first].x1, x2: boxes[first].x2, y1: boxes[first].y1, y2: boxes[first].y2)
        for index in visible.dropFirst() {
            let box = boxes[index]
            line.x1 = min(line.x1, box.x1)
            line.x2 = max(line.x2, box.x2)
            line.y1 = min(line.y1, box.y1)
            line.y2 = max(line.y2, box.y2)
        }
        lines.append(line)
    }

    /// True when, in the lines vertically near `lineIndex`, no character covers some
    /// sub-interval of [start, end] at least `width` wide.
    private static func hasEmptyChannel(
        from start: Double, to end: Double, width: Double, around lineIndex: Int, in lines: [RawLine],
        boxes: [PDFBox]
    ) -> Bool {
        let line = lines[lineIndex]
        let reach = 3 * max(line.y2 - line.y1, 1)
        var covered: [(Double, Double)] = []
        var neighbours = 0
        for other in lines.indices where other != lineIndex {
            let candidate = lines[other]
            guard candidate.y2 > line.y1 - reach, candidate.y1 < line.y2 + reach else { continue }
            guard candidate.x1 < end, candidate.x2 > start else { continue }
            neighbours += 1
            for index in candidate.visible {
                let box = boxes[index]
                if box.x2 > start && box.x1 < end { covered.append((box.x1, box.x2)) }
            }
        }
        guard neighbours > 0 else { return true }
        covered.sort { $0.0 < $1.0 }
        var cursor = start
        for (low, high) in covered {
            if low - cursor >= width { return true }
            cursor = max(cursor, high)
        }
        return end - cursor >= width
    }

    /// Note numbers set smaller than this share of the line's size are superscript anchors.
    static let superscriptRatio = 0.8

    private static func nextVisible(after index: Int, upTo last: Int, in characters: [Unicode.Scalar]) -> Int? {
        var next = index + 1
        while next <= last, isBlank(characters[next]) { next += 1 }
        return next <= last ? next : nil
    }

    /// True for a run of small digits, ending the line or followed by a space or punctuation.
    private static func isFootnoteAnchor(
        at index: Int, limit: Double, characters: [Unicode.Scalar], fonts: FontLookup
    ) -> Bool {
        var end = index
        while end < characters.count, isDigit(characters[end]), fonts.size(at: end) < limit { end += 1 }
        guard end > index, end - index <= 3 else { return false }
        return end == characters.count || !isDigit(characters[end]) && !characters[end].properties.isAlphabetic
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func makeLine(
        _ visible: ArraySlice<Int>, characters: [Unicode.Scalar], boxes: [PDFBox], fonts: FontLookup, order: Int
    ) -> PDFTextLine {
        guard let first = visible.first, let last = visible.last else {
            return PDFTextLine(
                scalars: [], x1: 0, y1: 0, x2: 0, y2: 0, fontSize: 0, isBold: false, fontKey: 0,
                endsWithSoftHyphen: false,
                order: order)
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(last - first + 1)
        var x1 = boxes[first].x1
        var x2 = boxes[first].x2
        var y1 = boxes[first].y1
        var y2 = boxes[first].y2
        var tally = FontTally(styles: fonts.styles)
        for index in visible { tally.add(style: fonts.style(at: index)) }
        let anchorLimit = superscriptRatio * tally.dominantSize
        var endsWithSoftHyphen = false
        var index = first
        while index <= last {
            let scalar = characters[index]
            if isBlank(scalar), let next = nextVisible(after: index, upTo: last, in: characters),
                isFootnoteAnchor(at: next, limit: anchorLimit, characters: characters, fonts: fonts),
                let previous = scalars.last, !isDigit(previous)
            {
                // A superscript note number glued to the word before it ("problème1").
                index = next
                continue
            }
            if !isBlank(scalar), index > first, !isBlank(characters[index - 1]),
                boxes[index].x1 - boxes[index - 1].x2 > missingSpaceFactor * max(fonts.size(at: index), 1),
                let previous = scalars.last, !PDFCharacterNormalizer.isSpace(previous)
            {
                scalars.append(" ")
            }
            let wasSoftHyphen = PDFCharacterNormalizer.append(scalar, to: &scalars)
            if wasSoftHyphen { endsWithSoftHyphen = index == last }
            if !isBlank(scalar) {
                let box = boxes[index]
                x1 = min(x1, box.x1)
                x2 = max(x2, box.x2)
                y1 = min(y1, box.y1)
                y2 = max(y2, box.y2)
            }
            index += 1
        }
        PDFCharacterNormalizer.trimTrailingSpaces(&scalars)
        return PDFTextLine(
            scalars: scalars, x1: x1, y1: y1, x2: x2, y2: y2, fontSize: tally.dominantSize,
            isBold: tally.isMostlyBold, fontKey: tally.dominantFont, endsWithSoftHyphen: endsWithSoftHyphen,
            order: order)
    }

    /// Fallback when poppler's character boxes do not match its text (some right-to-left
    /// or multi-character glyphs): one line per poppler line, placed one under the other
    /// in poppler's order from a quarter of the page down, clear of the margins where
    /// running headers and footers are looked for.
    private static func linesWithoutGeometry(
        _ characters: [Unicode.Scalar], fonts: FontLookup, pageHeight: Double
    ) -> [PDFTextLine] {
        let top = max(pageHeight, 100) * 0.25
        var result: [PDFTextLine] = []
        var scalars: [Unicode.Scalar] = []
        var tally = FontTally(styles: fonts.styles)
        func flush() {
            PDFCharacterNormalizer.trimTrailingSpaces(&scalars)
            if !scalars.isEmpty {
                let row = top + Double(result.count) * 14
                let size = tally.dominantSize > 0 ? tally.dominantSize : 10
                result.append(
                    PDFTextLine(
                        scalars: scalars, x1: 0, y1: row, x2: 500, y2: row + 12, fontSize: size,
                        isBold: tally.isMostlyBold, fontKey: tally.dominantFont, endsWithSoftHyphen: false,
                        order: result.count))
            }
            scalars.removeAll()
            tally = FontTally(styles: fonts.styles)
        }
        for index in characters.indices {
            if characters[index] == "\n" {
                flush()
            } else {
                PDFCharacterNormalizer.append(characters[index], to: &scalars)
                tally.add(style: fonts.style(at: index))
            }
        }
        flush()
        return result
    }
}
