import TesseractKit

/// Reads a page image by OCR, its ruled tables cell by cell.
///
/// A page without ruled tables is read as Tesseract reads a page. On a page with some
/// (`OCRRuledTables`), levelled first when the scan is slanted (`OCRSkew`), the text around
/// the tables is read with the tables blanked out, then each cell alone as one block of text
/// (a dark header cell inverted). Each table's lines, row by row and left to right, go in
/// before the first line of the text below the table's top that is not beside it on its left.
/// Each cell's paragraphs stay its own, so a cell's lines make its blocks and never run on
/// into the next cell's.
enum PDFOCRTables {
    /// White pixels put around a cell, which Tesseract reads better than ink at the edge.
    static let cellMargin = 12
    /// A cell with fewer ink pixels is empty and not read.
    static let emptyCellInk = 20

    /// The page's lines; `timeLimit` is in processor seconds of the calling thread, for the
    /// whole page.
    static func recognize(_ image: OCRGrayImage, resolution: Int, timeLimit: Double, engine: OCREngine)
        throws(OCRError) -> OCRPageResult
    {
        let start = OCREngine.threadProcessorSeconds()
        func remaining() -> Double { timeLimit - (OCREngine.threadProcessorSeconds() - start) }
        // Most pages have no rules: one pass over the rows says so.
        let bands = OCRRuledTables.horizontalBands(in: image, minimumLength: max(resolution / 4, 8)).count
        guard (2...OCRRuledTables.maximumBands).contains(bands) else {
            return try engine.recognize(image, resolution: resolution, timeLimit: timeLimit)
        }
        let angle = OCRSkew.angle(of: image)
        let upright = abs(angle) >= OCRSkew.negligible ? OCRSkew.deskewed(image, by: angle) : image
        let tables = OCRRuledTables.find(in: upright, resolution: resolution)
        guard !tables.isEmpty else {
            return try engine.recognize(image, resolution: resolution, timeLimit: remaining())
        }

        var around = upright
        for table in tables { around.fill(table.box, margin: 2) }
        let text = try engine.recognize(around, resolution: resolution, timeLimit: remaining())
        var timedOut = text.timedOut
        var cellLines: [[OCRLine]] = []
        for table in tables {
            var lines: [OCRLine] = []
            for cell in table.cells where !timedOut {
                let budget = remaining()
                guard budget > 0 else {
                    timedOut = true
                    break
                }
                let crop = upright.cropped(cell.box, margin: cellMargin, inverted: cell.isFilled)
                guard crop.inkCount(below: 128) >= emptyCellInk else { continue }
                // A cell Tesseract cannot read: the page is read as a whole instead.
                guard let read = try? engine.recognize(crop, resolution: resolution, timeLimit: budget, layout: .block)
                else { return try engine.recognize(image, resolution: resolution, timeLimit: remaining()) }
                timedOut = timedOut || read.timedOut
                let dx = cell.box.left - cellMargin
                let dy = cell.box.top - cellMargin
                // Each cell's paragraphs and blocks are numbered apart from every other's.
                let group = lines.last.map { $0.block + 1 } ?? 0
                for var line in read.lines {
                    line.box = line.box.offset(dx: dx, dy: dy)
                    line.words = line.words.map { word in
                        var word = word
                        word.box = word.box.offset(dx: dx, dy: dy)
                        return word
                    }
                    line.block += group
                    lines.append(line)
                }
            }
            cellLines.append(lines)
        }
        return OCRPageResult(
            lines: merged(text.lines, tables: zip(tables, cellLines).map { ($0.box, $1) }), timedOut: timedOut)
    }

    /// The text's lines with each table's lines put in before the first line read after it
    /// (`comesAfter`); paragraphs and blocks numbered again in that order.
    static func merged(_ text: [OCRLine], tables: [(box: OCRBox, lines: [OCRLine])]) -> [OCRLine] {
        // (source, block, paragraph): 0 for the text, 1 + table index for a table.
        var keyed: [(source: Int, line: OCRLine)] = []
        var pending = tables.enumerated().sorted { $0.element.box.top < $1.element.box.top }[...]
        for line in text {
            while let next = pending.first, Self.comesAfter(line, next.element.box) {
                keyed += next.element.lines.map { (1 + next.offset, $0) }
                pending = pending.dropFirst()
            }
            keyed.append((0, line))
        }
        for rest in pending { keyed += rest.element.lines.map { (1 + rest.offset, $0) } }

        var lines: [OCRLine] = []
        lines.reserveCapacity(keyed.count)
        var paragraph = -1
        var block = -1
        var previous: (source: Int, block: Int, paragraph: Int)?
        for (source, line) in keyed {
            if previous?.source != source || previous?.block != line.block {
                block += 1
                paragraph += 1
            } else if previous?.paragraph != line.paragraph {
                paragraph += 1
            }
            previous = (source, line.block, line.paragraph)
            var renumbered = line
            renumbered.block = block
            renumbered.paragraph = paragraph
            lines.append(renumbered)
        }
        return lines
    }
}

extension PDFOCRTables {
    /// True when `line` is read after a table in `box`: its middle is below the table's top,
    /// and it is not beside the table on its left.
    static func comesAfter(_ line: OCRLine, _ box: OCRBox) -> Bool {
        let middle = (line.box.top + line.box.bottom) / 2
        guard middle > box.top else { return false }
        return !(line.box.right <= box.left && middle < box.bottom)
    }
}

extension OCRBox {
    fileprivate func offset(dx: Int, dy: Int) -> OCRBox {
        OCRBox(left: left + dx, top: top + dy, right: right + dx, bottom: bottom + dy)
    }
}

extension OCRGrayImage {
    /// Paints `box`, grown by `margin`, white.
    fileprivate mutating func fill(_ box: OCRBox, margin: Int) {
        let top = max(box.top - margin, 0)
        let bottom = min(box.bottom + margin, height - 1)
        let left = max(box.left - margin, 0)
        let right = min(box.right + margin, width - 1)
        guard top <= bottom, left <= right else { return }
        for y in top...bottom {
            for x in left...right { pixels[y * width + x] = 255 }
        }
    }

    /// The pixels of `box` (clipped to the image) on a white border of `margin` pixels,
    /// light and dark swapped when `inverted`.
    fileprivate func cropped(_ box: OCRBox, margin: Int, inverted: Bool) -> OCRGrayImage {
        let left = max(box.left, 0)
        let top = max(box.top, 0)
        let right = min(box.right, width - 1)
        let bottom = min(box.bottom, height - 1)
        let innerWidth = max(right - left + 1, 0)
        let innerHeight = max(bottom - top + 1, 0)
        let cropWidth = innerWidth + 2 * margin
        var crop = [UInt8](repeating: 255, count: cropWidth * (innerHeight + 2 * margin))
        for y in 0..<innerHeight {
            let source = (top + y) * width + left
            let target = (margin + y) * cropWidth + margin
            for x in 0..<innerWidth {
                let value = pixels[source + x]
                crop[target + x] = inverted ? 255 - value : value
            }
        }
        return OCRGrayImage(width: cropWidth, height: innerHeight + 2 * margin, pixels: crop)
    }

    /// The number of pixels darker than `level`.
    fileprivate func inkCount(below level: UInt8) -> Int {
        pixels.reduce(0) { $0 + ($1 < level ? 1 : 0) }
    }
}
