import EnjeuxModel
import Foundation

/// A document's plain text as a reader sees it, for the exports that point into it
/// (REFI-QDA sources): blocks in reading order separated by a blank line, headings and tables
/// of contents included, and a paragraph that goes on over a page break joined by a space as
/// the passages join it, so that every passage's text is a substring of this text.
package enum ReadingText {
    package static func text(of document: ExtractedDocument) -> String {
        var text = ""
        var builder = Builder()
        for page in document.pages {
            for (position, block) in page.blocks.enumerated() {
                text += builder.add(block, position: position, page: page)
            }
        }
        return text
    }

    /// The same text read from an extracted-document file block by block
    /// (`ExtractedDocument.readBlocks`): memory holds the text being made, not the document.
    package static func text(jsonFile url: URL) throws -> String {
        var text = ""
        try write(jsonFile: url) { text += $0 }
        return text
    }

    /// The same text handed to `emit` a block at a time, in order: memory holds one block
    /// (a 200 MB web page's text goes to a file without being held whole).
    package static func write(jsonFile url: URL, to emit: (String) -> Void) throws {
        let outline = try ExtractedDocument.outline(jsonFile: url)
        var builder = Builder()
        try ExtractedDocument.readBlocks(jsonFile: url, outline: outline) { page, position, block in
            let piece = builder.add(block, position: position, page: page)
            if !piece.isEmpty { emit(piece) }
        }
    }

    /// Adds blocks in reading order; whether the first block of a page continues the last
    /// paragraph of the page before is what the passages decide (`TextUnitStream`).
    private struct Builder {
        private var units = TextUnitStream()
        private var isEmpty = true
        /// True after a CR, whose LF (if one follows, even in the next block) is dropped.
        private var afterCarriageReturn = false

        /// The text the block adds (its separator from the text before, then the block).
        mutating func add(_ block: Block, position: Int, page: Page) -> String {
            _ = units.add(block, position: position, page: page)
            guard !block.text.isEmpty else { return "" }
            let separator = isEmpty ? "" : position == 0 && units.continuedOnPage == page.number ? " " : "\n\n"
            isEmpty = false
            return normalised(separator) + normalised(block.text)
        }

        /// Line endings as REFI-QDA importers expect them: LF only (CR LF and a lone CR
        /// become LF).
        private mutating func normalised(_ text: String) -> String {
            guard text.utf8.contains(UInt8(ascii: "\r")) || afterCarriageReturn else { return text }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\n") && afterCarriageReturn {
                    afterCarriageReturn = false
                    continue
                }
                afterCarriageReturn = byte == UInt8(ascii: "\r")
                bytes.append(afterCarriageReturn ? UInt8(ascii: "\n") : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
