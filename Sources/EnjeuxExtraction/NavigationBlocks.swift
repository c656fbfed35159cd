import EnjeuxModel

/// Tables of contents, indexes and lists of figures: lines of titles joined to page numbers
/// by dot leaders (`Entrée en matière . . . . . . 12`). They are kept in the document (and in
/// `--print`) as `navigation` blocks, and are not made into passages: they repeat the words
/// of the headings without saying anything about them.
package enum NavigationBlocks {
    /// Dots (or middle dots, ellipses) in a row, spaces allowed between them, that make a leader.
    static let minimumLeaderDots = 4
    /// A block with at least one leader per this many words is navigation.
    static let wordsPerLeader = 20

    /// The content with its navigation blocks marked.
    package static func marked(_ content: ExtractedContent) -> ExtractedContent {
        var content = content
        for page in content.pages.indices {
            for block in content.pages[page].blocks.indices where isNavigation(content.pages[page].blocks[block]) {
                content.pages[page].blocks[block].kind = .navigation
                content.pages[page].blocks[block].level = nil
            }
        }
        return content
    }

    static func isNavigation(_ block: Block) -> Bool {
        switch block.kind {
        case .paragraph, .listItem, .tableCell: isNavigation(block.text)
        default: false
        }
    }

    /// True when the text holds dot leaders, at least one per `wordsPerLeader` words.
    static func isNavigation(_ text: String) -> Bool {
        var leaders = 0
        var dots = 0
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case ".", "·", "…", "․":
                dots += scalar == "…" ? 3 : 1
                inWord = false
            case " ", "\u{A0}", "\u{202F}", "\t":
                inWord = false
                continue
            default:
                if dots >= minimumLeaderDots { leaders += 1 }
                dots = 0
                if !inWord, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    words += 1
                    inWord = true
                }
            }
        }
        if dots >= minimumLeaderDots { leaders += 1 }
        return leaders > 0 && words <= leaders * wordsPerLeader
    }
}
