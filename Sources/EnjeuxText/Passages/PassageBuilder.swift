import EnjeuxModel
import EnjeuxSupport

/// How passages are cut.
package struct PassageOptions: Codable, Sendable, Hashable {
    /// Upper bound on words per passage; a longer sentence is a passage of its own, and a
    /// sentence longer than three times the bound is cut at word boundaries.
    package var maxWords = 80

    package init(maxWords: Int = 80) { self.maxWords = maxWords }
}

/// Cuts an extracted document into passages: consecutive sentences of one block, up to
/// `maxWords` words, each with the nearest heading above it. Headings are not passages.
package struct PassageBuilder: Sendable {
    package var analyzer: FrenchAnalyzer
    package var options: PassageOptions

    package init(analyzer: FrenchAnalyzer = FrenchAnalyzer(), options: PassageOptions = PassageOptions()) {
        self.analyzer = analyzer
        self.options = options
    }

    /// The passages of a document, in reading order, indexed from 0.
    package func passages(of document: ExtractedDocument) -> [Passage] {
        var session = analyzer.makeSession()
        return passages(of: document, session: &session)
    }

    /// The passages of a document, reusing (and filling) a session's caches: pass the same
    /// session for the documents one worker handles. A session made with other options than
    /// the builder's analyzer is replaced by a fresh one.
    package func passages(of document: ExtractedDocument, session: inout FrenchAnalyzer.Session) -> [Passage] {
        if session.options != analyzer.options { session = analyzer.makeSession() }
        var passages: [Passage] = []
        var index = 0
        for unit in TextUnit.units(of: document) {
            appendPassages(of: unit, sha256: document.sha256, session: &session, index: &index) {
                passages.append($0)
            }
        }
        return passages
    }

    /// Cuts one unit into passages, numbered on from `index`, handing each to `body`.
    func appendPassages(
        of unit: TextUnit, sha256: String, session: inout FrenchAnalyzer.Session, index: inout Int,
        _ body: (Passage) throws -> Void
    ) rethrows {
        let text = ScalarText(unit.text)
        let raw = FrenchTokenizer().tokenize(text)
        guard !raw.isEmpty else { return }
        let sentences = SentenceSplitter().sentences(in: text, tokens: raw)
        for range in passageRanges(raw: raw, sentences: sentences) {
            let slice = Array(raw[range])
            let start = slice[0].start
            let end = slice[slice.count - 1].end
            guard slice.contains(where: { $0.kind == .word || $0.kind == .number }) else { continue }
            var tokens = session.state.tokens(in: text, raw: slice)
            for i in tokens.indices {
                tokens[i].start -= start
                tokens[i].end -= start
            }
            let passageText = text.string(start, end)
            let id = String(SHA256.hex(of: "\(sha256):\(index):\(passageText)").prefix(16))
            let pages = unit.pages(from: start, to: end)
            try body(
                Passage(
                    id: id, index: index, page: pages.page, endPage: pages.endPage, pageLabel: pages.label,
                    endPageLabel: pages.endLabel, heading: unit.heading, paragraph: unit.paragraph,
                    blockKind: unit.kind,
                    text: passageText,
                    tokens: tokens))
            index += 1
        }
    }

    /// Token index ranges of the passages of one unit: sentences grouped up to the word bound.
    func passageRanges(raw: [RawToken], sentences: [SentenceSpan]) -> [Range<Int>] {
        let maxWords = max(1, options.maxWords)
        var pieces: [(range: Range<Int>, words: Int)] = []
        var t = 0
        for sentence in sentences {
            while t < raw.count, raw[t].start < sentence.start { t += 1 }
            let first = t
            var words = 0
            while t < raw.count, raw[t].end <= sentence.end {
                if raw[t].kind == .word || raw[t].kind == .number { words += 1 }
                t += 1
            }
            guard t > first else { continue }
            if words > 3 * maxWords {
                pieces += cut(raw, first..<t, maxWords: maxWords)
            } else {
                pieces.append((first..<t, words))
            }
        }
        var ranges: [Range<Int>] = []
        var current: Range<Int>? = nil
        var currentWords = 0
        for piece in pieces {
            if let open = current, currentWords + piece.words <= maxWords {
                current = open.lowerBound..<piece.range.upperBound
                currentWords += piece.words
            } else {
                if let open = current { ranges.append(open) }
                current = piece.range
                currentWords = piece.words
            }
        }
        if let open = current { ranges.append(open) }
        return ranges
    }

    /// Cuts a huge sentence into pieces of at most `maxWords` words, at token boundaries.
    private func cut(_ raw: [RawToken], _ range: Range<Int>, maxWords: Int) -> [(range: Range<Int>, words: Int)] {
        var out: [(range: Range<Int>, words: Int)] = []
        var start = range.lowerBound
        var words = 0
        for i in range {
            let isWord = raw[i].kind == .word || raw[i].kind == .number
            if isWord, words == maxWords {
                out.append((start..<i, words))
                start = i
                words = 0
            }
            if isWord { words += 1 }
        }
        if start < range.upperBound { out.append((start..<range.upperBound, words)) }
        return out
    }
}

/// A block to cut into passages, or two blocks joined across a page break (a paragraph that
/// ends page N unfinished and goes on, in lowercase, at the top of page N+1).
struct TextUnit {
    var text: String
    var kind: BlockKind
    var heading: String?
    var page: Int
    var label: String?
    /// The block's paragraph number, in a document cited by paragraph.
    var paragraph: Int?
    /// Where the continuation on the next page starts (scalar offset) and that page.
    var continuation: (offset: Int, page: Int, label: String?)?

    func pages(from start: Int, to end: Int) -> (page: Int, endPage: Int?, label: String?, endLabel: String?) {
        guard let continuation else { return (page, nil, label, nil) }
        if end <= continuation.offset { return (page, nil, label, nil) }
        if start >= continuation.offset { return (continuation.page, nil, continuation.label, nil) }
        return (page, continuation.page, label, continuation.label)
    }

    static func units(of document: ExtractedDocument) -> [TextUnit] {
        var units: [TextUnit] = []
        var stream = TextUnitStream()
        for page in document.pages {
            for (position, block) in page.blocks.enumerated() {
                if let unit = stream.add(block, position: position, page: page) { units.append(unit) }
            }
        }
        if let unit = stream.finish() { units.append(unit) }
        return units
    }

    /// The unit is the last block of its page and its text has no final punctuation.
    fileprivate static func isUnfinished(_ unit: TextUnit) -> Bool {
        guard let last = unit.text.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        switch last {
        case ".", "!", "?", "…", ":", ";", "»", "”", "\"", ")", "]": return false
        default: return true
        }
    }

    fileprivate static func startsLowercase(_ block: Block) -> Bool {
        guard let first = block.text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else {
            return false
        }
        return first.properties.isLowercase
    }
}

/// Makes the text units of a document block by block, in reading order: a unit is handed over
/// once the next one starts (until then, the first block of the next page may still continue
/// it), the last one by `finish()`.
struct TextUnitStream {
    private var pending: TextUnit?
    private var heading: String?

    /// Adds a block at `position` on `page` (its blocks are not read); returns the unit this
    /// block completed, if any.
    mutating func add(_ block: Block, position: Int, page: Page) -> TextUnit? {
        if block.kind == .heading {
            heading = block.text
            return nil
        }
        // Tables of contents and indexes are not passages.
        if block.kind == .navigation { return nil }
        if position == 0, let previous = pending, previous.continuation == nil,
            previous.page == page.number - 1, TextUnit.isUnfinished(previous), TextUnit.startsLowercase(block),
            block.kind == .paragraph, previous.kind == .paragraph, previous.heading == heading
        {
            let offset = previous.text.unicodeScalars.count + 1
            pending?.text += " " + block.text
            pending?.continuation = (offset, page.number, page.label)
            return nil
        }
        let done = pending
        pending = TextUnit(
            text: block.text, kind: block.kind, heading: heading, page: page.number, label: page.label,
            paragraph: block.paragraph)
        return done
    }

    /// The page on which the unit being made goes on, when its paragraph runs over a page break.
    var continuedOnPage: Int? { pending?.continuation?.page }

    /// The last unit.
    mutating func finish() -> TextUnit? {
        defer { pending = nil }
        return pending
    }
}

/// Cuts a document into passages as its blocks arrive (`ExtractedDocument.readBlocks`), handing
/// each passage over as soon as it is built: the same passages as `PassageBuilder.passages(of:)`,
/// with one block's text and tokens in memory at a time.
package struct PassageStream {
    private let builder: PassageBuilder
    private let sha256: String
    private var session: FrenchAnalyzer.Session
    private var units = TextUnitStream()
    /// Passages handed over so far.
    package private(set) var count = 0

    /// `sha256` is the document's (it makes the passages' ids).
    package init(builder: PassageBuilder, sha256: String) {
        self.builder = builder
        self.sha256 = sha256
        session = builder.analyzer.makeSession()
    }

    /// Adds the block at `position` on `page`.
    package mutating func add(
        _ block: Block, position: Int, page: Page, _ body: (Passage) throws -> Void
    ) rethrows {
        guard let unit = units.add(block, position: position, page: page) else { return }
        try builder.appendPassages(of: unit, sha256: sha256, session: &session, index: &count, body)
    }

    /// Hands over the passages of the last unit.
    package mutating func finish(_ body: (Passage) throws -> Void) rethrows {
        guard let unit = units.finish() else { return }
        try builder.appendPassages(of: unit, sha256: sha256, session: &session, index: &count, body)
    }
}
