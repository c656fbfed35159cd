/// Heading levels from font size: the largest heading size is level 1, the next 2,
/// anything smaller 3; bold headings at body size come after the sized ones.
enum PDFHeadingLevels {
    static func assign(to pages: inout [[PDFBlockDraft]], bodySize: Double) {
        var sizes = Set<Double>()
        for blocks in pages {
            for block in blocks where block.kind == .heading {
                sizes.insert(PDFLayoutStatistics.bucket(block.fontSize))
            }
        }
        let ranked = sizes.sorted(by: >)
        for pageIndex in pages.indices {
            for blockIndex in pages[pageIndex].indices where pages[pageIndex][blockIndex].kind == .heading {
                let size = PDFLayoutStatistics.bucket(pages[pageIndex][blockIndex].fontSize)
                let rank = ranked.firstIndex(of: size) ?? ranked.count
                pages[pageIndex][blockIndex].level = min(rank + 1, 3)
            }
        }
    }
}
