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
        var candidates: [[(index: Int, key: String)]] = []
        var pageCountByKey: [String: Int] = [:]
        for (pageIndex, lines) in pages.enumerated() {
            let height = pageHeights[pageIndex]
            let found = marginLines(lines, pageHeight: height).map { (index: $0, key: key(of: lines[$0])) }
            candidates.append(found)
            for key in Set(found.map(\.key)) where !key.isEmpty {
                pageCountByKey[key, default: 0] += 1
            }
        }
        let threshold = max(2, Int((0.4 * Double(pages.count)).rounded(.up)))
        let bodySize = PDFLayoutStatistics(pages: pages).bodySize
        for pageIndex in pages.indices {
            let lines = pages[pageIndex]
            func isSmall(_ index: Int) -> Bool { lines[index].fontSize <= bodySize + 0.5 }
            var doomed = Set(
                candidates[pageIndex].filter { candidate in
                    let repeats = pageCountByKey[candidate.key, default: 0]
                    return isPageNumber(candidate.key) || repeats >= threshold
                        || (repeats >= smallLineRepeats && isSmall(candidate.index))
                }.map(\.index))
            guard !doomed.isEmpty else { continue }
            for candidate in candidates[pageIndex] where !doomed.contains(candidate.index) && isSmall(candidate.index) {
                if doomed.contains(where: { lines[$0].isOnSameRow(as: lines[candidate.index]) }) {
                    doomed.insert(candidate.index)
                }
            }
            pages[pageIndex] = pages[pageIndex].enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
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
