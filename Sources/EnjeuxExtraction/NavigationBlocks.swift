import EnjeuxModel
import Foundation

/// Tables of contents, indexes and lists of figures: lines of titles joined to page numbers
/// by dot leaders (`Entrée en matière . . . . . . 12`). They are kept in the document (and in
/// `--print`) as `navigation` blocks, and are not made into passages: they repeat the words
/// of the headings without saying anything about them.
package enum NavigationBlocks {
    /// Dots (or middle dots, ellipses) in a row, spaces allowed between them, that make a leader.
    static let minimumLeaderDots = 4
    /// A block with at least one leader per this many words is navigation.
    static let wordsPerLeader = 30

    /// The content with its navigation blocks marked.
    package static func marked(_ content: ExtractedContent) -> ExtractedContent {
        var content = content
        for page in content.pages.indices { mark(&content.pages[page]) }
        return content
    }

    /// Marks the navigation blocks of one page.
    static func mark(_ page: inout Page) {
        for block in page.blocks.indices where isNavigation(page.blocks[block]) {
            page.blocks[block].kind = .navigation
            page.blocks[block].level = nil
        }
    }

    /// A sink that marks the navigation blocks of each page before handing it on.
    struct MarkingSink<Inner: ExtractedPageSink>: ExtractedPageSink {
        var inner: Inner

        mutating func begin(format: DocumentFormat, metadata: DocumentMetadata) {
            inner.begin(format: format, metadata: metadata)
        }

        mutating func append(_ page: Page) {
            var page = page
            mark(&page)
            inner.append(page)
        }

        mutating func beginPage(_ page: Page) {
            inner.beginPage(page)
        }

        mutating func appendBlock(_ block: Block) {
            var block = block
            if isNavigation(block) {
                block.kind = .navigation
                block.level = nil
            }
            inner.appendBlock(block)
        }

        mutating func endPage() {
            inner.endPage()
        }
    }

    static func isNavigation(_ block: Block) -> Bool {
        switch block.kind {
        case .paragraph, .listItem, .tableCell: isNavigation(block.text)
        default: false
        }
    }

    /// True when the text holds dot leaders, at least one per `wordsPerLeader` words. Read on
    /// UTF-8 bytes (every block of every document passes here): `.`, `…`, `·` and `․` are dots;
    /// spaces (also no-break ones) may separate them; a word is a run of letters and digits.
    static func isNavigation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard hasDotRun(bytes) else { return false }
            var leaders = 0
            var dots = 0
            var words = 0
            var inWord = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                var isDot = false
                var isSpace = false
                switch byte {
                case 0x2E:
                    isDot = true
                case 0x20, 0x09:
                    isSpace = true
                case 0xC2 where index + 1 < bytes.count:
                    length = 2
                    isDot = bytes[index + 1] == 0xB7
                    isSpace = bytes[index + 1] == 0xA0
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
                    length = 3
                    isDot = bytes[index + 2] == 0xA6 || bytes[index + 2] == 0xA4
                    isSpace = bytes[index + 2] == 0xAF
                    if bytes[index + 2] == 0xA6 { dots += 2 }
                default:
                    break
                }
                if isDot {
                    dots += 1
                    inWord = false
                } else if !isSpace {
                    if dots >= minimumLeaderDots { leaders += 1 }
                    dots = 0
                    // A word starts with a letter or digit (ASCII, or a multi-byte character).
                    let startsWord =
                        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte >= 0xC3
                    if !inWord, startsWord {
                        words += 1
                        inWord = true
                    } else if !startsWord && byte < 0x80 {
                        inWord = false
                    }
                } else {
                    inWord = false
                }
                index += length
            }
            if dots >= minimumLeaderDots { leaders += 1 }
            return leaders > 0 && words <= leaders * wordsPerLeader
        }
    }

    /// Whether two dots (`..`, `. .`), an ellipsis followed by a dot, or two ellipses (`……`)
    /// occur: a quick test (`memchr`) that rules out nearly every block.
    private static func hasDotRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // After a dot: a dot, or an ellipsis just before it.
        occurs(0x2E, in: bytes) { position, next in
            (next < bytes.count && bytes[next] == 0x2E)
                || (position >= 3 && bytes[position - 3] == 0xE2 && bytes[position - 1] == 0xA6)
        }
            // After an ellipsis (E2 80 A6): another one.
            || occurs(0xA6, in: bytes) { position, next in
                position >= 2 && bytes[position - 2] == 0xE2 && bytes[position - 1] == 0x80 && next + 2 < bytes.count
                    && bytes[next] == 0xE2 && bytes[next + 1] == 0x80 && bytes[next + 2] == 0xA6
            }
    }

    /// Whether `byte` occurs where `follows(position, next)` holds; `next` is the position
    /// after it, past one space.
    private static func occurs(
        _ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where follows: (Int, Int) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start < bytes.count {
            guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return false }
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var next = position + 1
            if next < bytes.count, bytes[next] == 0x20 { next += 1 }
            if follows(position, next) { return true }
            start = position + 1
        }
        return false
    }
}
