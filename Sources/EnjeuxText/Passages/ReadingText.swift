import EnjeuxModel

/// A document's plain text as a reader sees it, for the exports that point into it
/// (REFI-QDA sources): blocks in reading order separated by a blank line, headings and tables
/// of contents included, and a paragraph that goes on over a page break joined by a space as
/// the passages join it, so that every passage's text is a substring of this text.
package enum ReadingText {
    package static func text(of document: ExtractedDocument) -> String {
        // Pages whose first block continues the last paragraph of the page before.
        let continued = Set(TextUnit.units(of: document).compactMap { $0.continuation?.page })
        var out = ""
        for page in document.pages {
            for (position, block) in page.blocks.enumerated() where !block.text.isEmpty {
                if position == 0, continued.contains(page.number), !out.isEmpty {
                    out += " "
                } else if !out.isEmpty {
                    out += "\n\n"
                }
                out += block.text
            }
        }
        // Line endings as REFI-QDA importers expect them (LF only).
        return out.contains("\r")
            ? out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : out
    }
}
