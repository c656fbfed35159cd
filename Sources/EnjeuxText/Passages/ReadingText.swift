import EnjeuxModel
import Foundation

/// A document's plain text as a reader sees it, for the exports that point into it
/// (REFI-QDA sources): blocks in reading order separated by a blank line, headings and tables
/// of contents included, and a paragraph that goes on over a page break joined by a space as
/// the passages join it, so that every passage's text is a substring of this text.
package enum ReadingText {
    package static func text(of document: ExtractedDocument) -> String {
        var text = Builder()
        for page in document.pages {
            for (position, block) in page.blocks.enumerated() { text.add(block, position: position, page: page) }
        }
        return text.finish()
    }

    /// The same text read from an extracted-document file block by block
    /// (`ExtractedDocument.readBlocks`): memory holds the text being made, not the document.
    package static func text(jsonFile url: URL) throws -> String {
        let outline = try ExtractedDocument.outline(jsonFile: url)
        var text = Builder()
        try ExtractedDocument.readBlocks(jsonFile: url, outline: outline) { page, position, block in
            text.add(block, position: position, page: page)
        }
        return text.finish()
    }

    /// Adds blocks in reading order; whether the first block of a page continues the last
    /// paragraph of the page before is what the passages decide (`TextUnitStream`).
    private struct Builder {
        private var units = TextUnitStream()
        private var out = ""

        mutating func add(_ block: Block, position: Int, page: Page) {
            _ = units.add(block, position: position, page: page)
            guard !block.text.isEmpty else { return }
            if position == 0, units.continuedOnPage == page.number, !out.isEmpty {
                out += " "
            } else if !out.isEmpty {
                out += "\n\n"
            }
            out += block.text
        }

        /// Line endings as REFI-QDA importers expect them (LF only).
        mutating func finish() -> String {
            out.contains("\r")
                ? out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : out
        }
    }
}
