/// Finds running headers, running footers and page numbers: lines at the top or bottom
/// of the page that repeat on many pages once digits are ignored ("Page 3 de 12",
/// "— 4 —", "Dossier optimisation"), and lone page numbers. Chapter-running headers
/// (LaTeX's "CHAPITRE 2. …" on a chapter's pages only) repeat on fewer pages: a margin
/// line no larger than the body text that repeats on a few pages counts as well, and so
/// does the rest of a header row (the section title beside it) once one part is found.
enum PDFPageFurniture {
    /// Share of the page height, at the top and at the bottom, where furniture may sit
    /// (pdfTeX sets page numbers about 17 % above the bottom edge).
    static let marginShare = 0.18
    /// At most this many lines per margin are considered.
    static let linesPerMargin = 3
    /// A margin line in body size or smaller repeated on this many pages is furniture.
    static let smallLineRepeats = 3

    /// Removes the furniture lines from each page. `pageHeights[i]` is page i's height.
    static func removeFurniture(from pages: inout [[PDFTextLine]], pageHeights: [Double]) {
        var finder = Finder()
        for (pageIndex, lines) in pages.enumerated() { finder.add(lines, pageHeight: pageHeights[pageIndex]) }
        let removal = finder.removal()
        for pageIndex in pages.indices { removal.remove(from: &pages[pageIndex], page: pageIndex) }
    }

    /// Looks at the margins of each page in turn (the lines themselves are not kept), then
    /// decides which lines are furniture once every page has been seen.
    struct Finder {
        private var candidates: [[(index: Int, key: String)]] = []
        private var pageCountByKey: [String: Int] = [:]
        private var sizes = PDFLayoutStatistics.Tally(pitches: false)

        /// Adds the next page.
        mutating func add(_ lines: [PDFTextLine], pageHeight: Double) {
            let found = marginLines(lines, pageHeight: pageHeight).map { (index: $0, key: key(of: lines[$0])) }
            candidates.append(found)
            for key in Set(found.map(\.key)) where !key.isEmpty {
                pageCountByKey[key, default: 0] += 1
            }
            sizes.add(lines)
        }

        /// The furniture of every page added.
        func removal() -> Removal {
            let threshold = max(2, Int((0.4 * Double(candidates.count)).rounded(.up)))
            return Removal(
                candidates: candidates, pageCountByKey: pageCountByKey, threshold: threshold,
                bodySize: sizes.bodySize)
        }
    }

    /// Which lines of each page are furniture, applied one page at a time.
    struct Removal {
        fileprivate var candidates: [[(index: Int, key: String)]]
        fileprivate var pageCountByKey: [String: Int]
        fileprivate var threshold: Int
        fileprivate var bodySize: Double

        /// Removes the furniture from the lines of the page at a 0-based index (the lines
        /// given to `Finder.add` for that page).
        func remove(from lines: inout [PDFTextLine], page pageIndex: Int) {
            let page = lines
            func isSmall(_ index: Int) -> Bool { page[index].fontSize <= bodySize + 0.5 }
            var doomed = Set(
                candidates[pageIndex].filter { candidate in
                    let repeats = pageCountByKey[candidate.key, default: 0]
                    return isPageNumber(candidate.key) || repeats >= threshold
                        || (repeats >= smallLineRepeats && isSmall(candidate.index))
                }.map(\.index))
            guard !doomed.isEmpty else { return }
            for candidate in candidates[pageIndex] where !doomed.contains(candidate.index) && isSmall(candidate.index) {
                if doomed.contains(where: { page[$0].isOnSameRow(as: page[candidate.index]) }) {
                    doomed.insert(candidate.index)
                }
            }
            lines = page.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
        }
    }

    /// Indices of the lines nearest the top and bottom edges, inside the margins.
    private static func marginLines(_ lines: [PDFTextLine], pageHeight: Double) -> [Int] {
        guard pageHeight > 0 else { return [] }
        let top = lines.indices.filter { lines[$0].y2 <= marginShare * pageHeight }
            .sorted { lines[$0].y1 < lines[$1].y1 }.prefix(linesPerMargin)
        let bottom = lines.indices.filter { lines[$0].y1 >= (1 - marginShare) * pageHeight }
            .sorted { lines[$0].y2 > lines[$1].y2 }.prefix(linesPerMargin)
        return Array(top) + Array(bottom)
    }

    /// The line's letters and digits, lowercased, every run of digits replaced by `#`.
    static func key(of line: PDFTextLine) -> String {
        var key = String.UnicodeScalarView()
        var inDigits = false
        for scalar in line.scalars {
            if scalar.properties.numericType == .decimal {
                if !inDigits { key.append("#") }
                inDigits = true
                continue
            }
            inDigits = false
            if scalar.properties.isAlphabetic {
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(key)
    }

    /// Keys of lines that are only a page number ("12", "- 4 -", "Page 3 de 12", "p. 7", "iv").
    static func isPageNumber(_ key: String) -> Bool {
        let numberKeys: Set<String> = [
            "#", "page#", "page#de#", "page#sur#", "page#of#", "#de#", "#sur#", "##", "page##", "p#", "pp#",
        ]
        if numberKeys.contains(key) { return true }
        let romanDigits = Set("ivxlc")
        return key.count <= 6 && !key.isEmpty && key.allSatisfy { romanDigits.contains($0) }
    }
}
