import TesseractKit

/// A table drawn with rules on a page image. OCR reads it cell by cell (`PDFOCRTables`):
/// Tesseract's own layout analysis runs a text line on across the cells of a row, which mixes
/// the lines of neighbouring cells.
struct OCRRuledTable: Sendable, Hashable {
    struct Cell: Sendable, Hashable {
        /// Inside the cell's rules.
        var box: OCRBox
        /// Drawn on a dark background (a header row in light letters): read inverted.
        var isFilled: Bool
    }

    var box: OCRBox
    /// Row by row, each row left to right.
    var cells: [Cell]
}

/// Finds ruled tables on an upright page image (`OCRSkew` levels a slanted scan first).
///
/// Horizontal rules are runs of ink along rows at least half an inch long, gathered over
/// neighbouring rows into bands; a band thicker than a rule is a filled row (a coloured header),
/// read as a row of its own. Vertical rules are runs of ink down columns, not counting the
/// horizontal bands they cross, that start and end at a horizontal band. Bands joined by
/// vertical rules make a table; its rows lie between consecutive bands, and the vertical rules
/// crossing a row divide it into cells.
enum OCRRuledTables {
    /// Grey levels below this are ink (rules are often drawn grey).
    static let inkLevel: UInt8 = 192
    /// Lighter pixels a run of ink may cross (noise, JPEG artefacts).
    static let gapAllowance = 3
    /// A page with more horizontal bands or cells than this (a grid pattern, a hostile page)
    /// is left to Tesseract's own layout.
    static let maximumBands = 500
    static let maximumCells = 2000

    /// The thickest rule at `resolution` (a thicker band is a filled row), in pixels.
    static func ruleThickness(_ resolution: Int) -> Int { max(resolution / 25, 3) }
    /// How far a rule's end may be from the rule it meets, in pixels.
    static func tolerance(_ resolution: Int) -> Int { max(resolution / 30, 3) }

    /// A rectangle of ink, inclusive pixel coordinates.
    struct Band: Sendable, Hashable {
        var left: Int
        var right: Int
        var top: Int
        var bottom: Int
        /// Ink rows (for a vertical rule, not counting the horizontal bands it crosses).
        var length: Int = 0

        var width: Int { right - left + 1 }
        var height: Int { bottom - top + 1 }
    }

    /// The tables of `image`, top to bottom; empty when it has fewer than two horizontal rules.
    static func find(in image: OCRGrayImage, resolution: Int) -> [OCRRuledTable] {
        let bands = horizontalBands(in: image, minimumLength: max(resolution / 2, 8))
        guard bands.count >= 2, bands.count <= maximumBands else { return [] }
        let thickness = ruleThickness(resolution)
        let tolerance = tolerance(resolution)
        let rules = verticalRules(in: image, crossing: bands, minimumLength: max(resolution / 6, 6)).filter {
            $0.width <= thickness && touches(bands, x: ($0.left + $0.right) / 2, y: $0.top, tolerance: tolerance)
                && touches(bands, x: ($0.left + $0.right) / 2, y: $0.bottom, tolerance: tolerance)
        }
        guard rules.count >= 2 else { return [] }

        // Bands joined by a vertical rule belong to one table.
        var parent = Array(bands.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var ruleBand: [Int] = []
        for rule in rules {
            let x = (rule.left + rule.right) / 2
            let joined = bands.indices.filter { index in
                let band = bands[index]
                return x >= band.left - tolerance && x <= band.right + tolerance
                    && band.bottom >= rule.top - tolerance && band.top <= rule.bottom + tolerance
            }
            for index in joined.dropFirst() { parent[root(index)] = root(joined[0]) }
            ruleBand.append(joined.first ?? -1)
        }
        var tables: [OCRRuledTable] = []
        let groups = Dictionary(grouping: bands.indices, by: root)
        for members in groups.values where members.count >= 2 {
            let group = root(members[0])
            let tableRules = rules.indices.filter { ruleBand[$0] >= 0 && root(ruleBand[$0]) == group }.map { rules[$0] }
            guard tableRules.count >= 2 else { continue }
            let tableBands = members.map { bands[$0] }.sorted { $0.top < $1.top }
            if let table = table(bands: tableBands, rules: tableRules, image: image, resolution: resolution) {
                tables.append(table)
            }
        }
        guard tables.reduce(0, { $0 + $1.cells.count }) <= maximumCells else { return [] }
        return tables.sorted { $0.box.top < $1.box.top }
    }

    /// True when some horizontal band holds (x, y) within `tolerance`.
    private static func touches(_ bands: [Band], x: Int, y: Int, tolerance: Int) -> Bool {
        bands.contains { band in
            x >= band.left - tolerance && x <= band.right + tolerance && y >= band.top - tolerance
                && y <= band.bottom + tolerance
        }
    }

    /// The rows and cells of one table.
    private static func table(bands: [Band], rules: [Band], image: OCRGrayImage, resolution: Int)
        -> OCRRuledTable?
    {
        let thickness = ruleThickness(resolution)
        let left = min(bands.map(\.left).min() ?? 0, rules.map(\.left).min() ?? 0)
        let right = max(bands.map(\.right).max() ?? 0, rules.map(\.right).max() ?? 0)
        // Each row with the bands above and below it (a filled band is both).
        var rows: [(top: Int, bottom: Int, above: Band, below: Band)] = []
        for (index, band) in bands.enumerated() {
            if band.height > thickness { rows.append((band.top, band.bottom, band, band)) }
            if index + 1 < bands.count {
                let top = band.bottom + 1
                let bottom = bands[index + 1].top - 1
                if bottom - top + 1 >= thickness { rows.append((top, bottom, band, bands[index + 1])) }
            }
        }
        let minimumWidth = max(resolution / 10, 4)
        let tolerance = tolerance(resolution)
        var cells: [OCRRuledTable.Cell] = []
        var widestRow = 0
        for row in rows {
            let middle = (row.top + row.bottom) / 2
            let dividers = rules.filter { $0.top <= middle && $0.bottom >= middle }.sorted { $0.left < $1.left }
            var cursor = left
            var spans: [(Int, Int)] = []
            for divider in dividers {
                spans.append((cursor, divider.left - 1))
                cursor = divider.right + 1
            }
            spans.append((cursor, right))
            // A cell is closed above and below: both bands run over its whole width.
            let closed = spans.filter { start, end in
                end - start + 1 >= minimumWidth
                    && [row.above, row.below].allSatisfy { $0.left <= start + tolerance && $0.right >= end - tolerance }
            }
            widestRow = max(widestRow, closed.count)
            for (start, end) in closed {
                let box = OCRBox(
                    left: start + 2, top: row.top + 2, right: max(end - 2, start + 3),
                    bottom: max(row.bottom - 2, row.top + 3))
                cells.append(OCRRuledTable.Cell(box: box, isFilled: meanGrey(of: image, in: box) < 128))
            }
        }
        // Framed boxes one above the other (form fields, a box around a paragraph) are left to
        // Tesseract's layout, which reads each in line with the text beside it: a table has a
        // row of two cells or more.
        guard widestRow >= 2 else { return nil }
        return OCRRuledTable(
            box: OCRBox(left: left, top: bands[0].top, right: right, bottom: bands[bands.count - 1].bottom),
            cells: cells)
    }

    private static func meanGrey(of image: OCRGrayImage, in box: OCRBox) -> Double {
        let top = max(box.top, 0)
        let bottom = min(box.bottom, image.height - 1)
        let left = max(box.left, 0)
        let right = min(box.right, image.width - 1)
        guard top <= bottom, left <= right else { return 255 }
        var total = 0
        var count = 0
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in top...bottom {
                for x in left...right {
                    total += Int(pixels[y * image.width + x])
                    count += 1
                }
            }
        }
        return count > 0 ? Double(total) / Double(count) : 255
    }

    /// Runs of ink along rows at least `minimumLength` long, gathered into bands over rows
    /// where they overlap.
    static func horizontalBands(in image: OCRGrayImage, minimumLength: Int) -> [Band] {
        var bands: [Band] = []
        var open: [Int] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                let row = y * image.width
                var runs: [(Int, Int)] = []
                var start = -1
                var lastInk = -1
                for x in 0..<image.width where pixels[row + x] < inkLevel {
                    if start >= 0, x - lastInk > gapAllowance + 1 {
                        if lastInk - start + 1 >= minimumLength { runs.append((start, lastInk)) }
                        start = x
                    } else if start < 0 {
                        start = x
                    }
                    lastInk = x
                }
                if start >= 0, lastInk - start + 1 >= minimumLength { runs.append((start, lastInk)) }
                open.removeAll { bands[$0].bottom < y - 2 }
                for (runLeft, runRight) in runs {
                    if let index = open.first(where: { bands[$0].left <= runRight && bands[$0].right >= runLeft }) {
                        bands[index].left = min(bands[index].left, runLeft)
                        bands[index].right = max(bands[index].right, runRight)
                        bands[index].bottom = y
                        bands[index].length += 1
                    } else {
                        bands.append(Band(left: runLeft, right: runRight, top: y, bottom: y, length: 1))
                        open.append(bands.count - 1)
                    }
                }
            }
        }
        return bands
    }

    /// Runs of ink down columns, within the horizontal bands' span, at least `minimumLength`
    /// rows of ink long not counting the rows of the bands they cross, gathered into bands over
    /// neighbouring columns where they overlap.
    static func verticalRules(in image: OCRGrayImage, crossing bands: [Band], minimumLength: Int) -> [Band] {
        guard let top = bands.map(\.top).min(), let bottom = bands.map(\.bottom).max(),
            let leftmost = bands.map(\.left).min(), let rightmost = bands.map(\.right).max()
        else { return [] }
        let first = max(leftmost - gapAllowance, 0)
        let last = min(rightmost + gapAllowance, image.width - 1)
        // Per row, the horizontal bands' spans, which vertical runs cross without counting.
        var crossed = [[(Int, Int)]](repeating: [], count: bottom - top + 1)
        for band in bands {
            for y in band.top...band.bottom {
                crossed[y - top].append((band.left - gapAllowance, band.right + gapAllowance))
            }
        }
        var rules: [Band] = []
        var open: [Int] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for x in first...last {
                var runs: [Band] = []
                var start = -1
                var lastInk = -1
                var inkRows = 0
                var gap = 0
                func close() {
                    if start >= 0, inkRows >= minimumLength {
                        runs.append(Band(left: x, right: x, top: start, bottom: lastInk, length: inkRows))
                    }
                    start = -1
                    inkRows = 0
                    gap = 0
                }
                for y in top...bottom {
                    if crossed[y - top].contains(where: { x >= $0.0 && x <= $0.1 }) { continue }
                    if pixels[y * image.width + x] < inkLevel {
                        if start < 0 { start = y }
                        lastInk = y
                        inkRows += 1
                        gap = 0
                    } else if start >= 0 {
                        gap += 1
                        if gap > gapAllowance { close() }
                    }
                }
                close()
                open.removeAll { rules[$0].right < x - 1 }
                for run in runs {
                    if let index = open.first(where: { rules[$0].top <= run.bottom && rules[$0].bottom >= run.top }) {
                        rules[index].right = x
                        rules[index].top = min(rules[index].top, run.top)
                        rules[index].bottom = max(rules[index].bottom, run.bottom)
                        rules[index].length = max(rules[index].length, run.length)
                    } else {
                        rules.append(run)
                        open.append(rules.count - 1)
                    }
                }
            }
        }
        return rules
    }
}
