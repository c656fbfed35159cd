import EnjeuxModel

/// Where a page break recorded in a word-processing file comes from.
enum FlowPageBreak: Sendable {
    /// Asked for by the author: a page break, a section starting on a new page, a paragraph
    /// style with a break before or after it.
    case explicit
    /// Where the word processor last laid a page out (`w:lastRenderedPageBreak`,
    /// `text:soft-page-break`).
    case rendered
}

/// Collects the blocks of a word-processing or text file in reading order, with the page
/// breaks the file records, and makes the document's pages.
///
/// A block is opened (`begin`), given text (`append`) and closed (`end`); notes and text
/// boxes met inside it are kept aside (`deferBlock`) and placed right after it. A page
/// break inside a block cuts it in two, one part on each page, as a PDF would show it, the
/// notes called before the break staying on the first page. A
/// rendered break that follows an explicit one with no text between them marks the same
/// page start and is not counted twice.
///
/// `pages(layoutRecorded:)` gives the pages as recorded when the file records its layout;
/// otherwise one page whose blocks carry their paragraph numbers (`paragr. 12`): every block but
/// headings and notes is numbered from 1 in reading order, and a note takes the number of the
/// paragraph that calls it.
struct FlowBuilder {
    private var pages: [[Block]] = [[]]
    private var open: (kind: BlockKind, level: Int?, text: String)?
    private var deferred: [Block] = []
    private var explicitBreakWithoutText = false
    /// True once the file has recorded where a page began when it was last laid out.
    private(set) var hasRenderedBreaks = false

    /// True while a block is open.
    var isOpen: Bool { open != nil }

    /// Opens a block (closing the one open, if any).
    mutating func begin(_ kind: BlockKind, level: Int? = nil) {
        if open != nil { end() }
        open = (kind, kind == .heading ? level : nil, "")
    }

    /// Adds text to the open block (opening a paragraph when none is open).
    mutating func append(_ text: String) {
        if open == nil { begin(.paragraph) }
        open?.text += text
        if explicitBreakWithoutText, FlowText.hasVisibleText(text) { explicitBreakWithoutText = false }
    }

    /// Closes the open block, then places the blocks kept aside while it was open.
    mutating func end() {
        if let block = open {
            emit(block.kind, block.text, level: block.level)
            open = nil
        }
        for block in deferred { pages[pages.count - 1].append(block) }
        deferred = []
    }

    /// A whole block at once.
    mutating func add(_ kind: BlockKind, text: String, level: Int? = nil) {
        begin(kind, level: level)
        append(text)
        end()
    }

    /// Keeps a block (a note, a paragraph of a text box) to be placed after the open block,
    /// or at once when none is open.
    mutating func deferBlock(_ block: Block) {
        var block = block
        block.text = FlowText.normalized(block.text)
        guard !block.text.isEmpty else { return }
        if open == nil {
            pages[pages.count - 1].append(block)
        } else {
            deferred.append(block)
        }
    }

    /// Starts a new page.
    mutating func pageBreak(_ kind: FlowPageBreak) {
        if kind == .rendered {
            hasRenderedBreaks = true
            if explicitBreakWithoutText {
                explicitBreakWithoutText = false
                return
            }
            // A rendered break before any text is the first page's start.
            if pages.count == 1, pages[0].isEmpty, !FlowText.hasVisibleText(open?.text ?? "") { return }
        }
        if let block = open, FlowText.hasVisibleText(block.text) {
            emit(block.kind, block.text, level: block.level)
            open?.text = ""
        }
        // Notes called before the break are on the page that calls them.
        pages[pages.count - 1] += deferred
        deferred = []
        pages.append([])
        explicitBreakWithoutText = kind == .explicit
    }

    /// Every block in reading order, pages ignored (the content of a note or a text box).
    mutating func blocks() -> [Block] {
        end()
        return pages.flatMap { $0 }
    }

    /// The document's pages: as recorded when `layoutRecorded`, else one numbered page.
    mutating func pages(layoutRecorded: Bool) -> [Page] {
        end()
        var recorded = pages
        while recorded.count > 1, recorded[recorded.count - 1].isEmpty { recorded.removeLast() }
        if layoutRecorded {
            return recorded.enumerated().map { Page(number: $0.offset + 1, blocks: $0.element) }
        }
        var numbered: [Block] = []
        var paragraph = 0
        for var block in recorded.joined() {
            switch block.kind {
            case .heading: block.paragraph = nil
            case .footnote: block.paragraph = max(paragraph, 1)
            default:
                paragraph += 1
                block.paragraph = paragraph
            }
            numbered.append(block)
        }
        return [Page(number: 1, blocks: numbered)]
    }

    private mutating func emit(_ kind: BlockKind, _ text: String, level: Int?) {
        let normalized = FlowText.normalized(text)
        guard !normalized.isEmpty else { return }
        pages[pages.count - 1].append(Block(kind: kind, text: normalized, level: level))
    }
}
