/// Heading levels from font size: the largest heading size is level 1, the next 2,
/// anything smaller 3; bold headings at body size come after the sized ones.
enum PDFHeadingLevels {
    static func assign(to pages: inout [[PDFBlockDraft]], bodySize: Double) {
        var sizes = Set<Double>()
        for blocks in pages { add(blocks, to: &sizes) }
        let ranked = ranked(sizes)
        for pageIndex in pages.indices { assign(to: &pages[pageIndex], ranked: ranked) }
    }

    /// Adds the (bucketed) font sizes of a page's headings to `sizes`.
    static func add(_ blocks: [PDFBlockDraft], to sizes: inout Set<Double>) {
        for block in blocks where block.kind == .heading {
            sizes.insert(PDFLayoutStatistics.bucket(block.fontSize))
        }
    }

    /// The heading sizes of the whole document, largest first.
    static func ranked(_ sizes: Set<Double>) -> [Double] { sizes.sorted(by: >) }

    /// Gives each heading of a page its level among the document's `ranked` sizes.
    static func assign(to blocks: inout [PDFBlockDraft], ranked: [Double]) {
        for blockIndex in blocks.indices where blocks[blockIndex].kind == .heading {
            let size = PDFLayoutStatistics.bucket(blocks[blockIndex].fontSize)
            let rank = ranked.firstIndex(of: size) ?? ranked.count
            blocks[blockIndex].level = min(rank + 1, 3)
        }
    }
}
