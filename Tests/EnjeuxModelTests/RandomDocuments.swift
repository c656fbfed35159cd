import EnjeuxModel
import EnjeuxTestSupport

/// Random documents whose strings mix French text with everything JSON must escape.
enum RandomDocuments {
    /// Pieces strings are made of: accents (precomposed and combining), emoji (outside the
    /// BMP, with joiners and modifiers), quotes, backslashes, slashes, every control character.
    static let pieces: [String] =
        [
            "a", "é", "e\u{0301}", "Œ", "ß", "œuvre", " ", "\u{00A0}", "«", "»", "’", "\"", "\\", "/", "\\u0041",
            "😀", "👩🏽‍⚕️", "🇨🇦", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{7F}", "\u{10FFFF}", "𝔘", "{", "}", "[", "]",
            ",", ":", "null", "0", "-1.5e3",
        ] + (0..<32).map { String(UnicodeScalar(UInt8($0))) }

    static func string(_ generator: inout SeededGenerator, maxPieces: Int = 6) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    static func optionalString(_ generator: inout SeededGenerator) -> String? {
        Bool.random(using: &generator) ? string(&generator) : nil
    }

    static func metadata(_ generator: inout SeededGenerator) -> DocumentMetadata {
        DocumentMetadata(
            title: optionalString(&generator),
            titleSource: Bool.random(using: &generator) ? .pdfInfo : nil,
            authors: (0..<Int.random(in: 0...2, using: &generator)).map { _ in string(&generator) },
            date: optionalString(&generator), language: optionalString(&generator),
            subject: optionalString(&generator),
            keywords: (0..<Int.random(in: 0...2, using: &generator)).map { _ in string(&generator) },
            publisher: optionalString(&generator), url: optionalString(&generator),
            producer: optionalString(&generator))
    }

    static func token(_ generator: inout SeededGenerator) -> Token {
        let kinds: [TokenKind] = [.word, .number, .punctuation, .symbol, .url, .email]
        let start = Int.random(in: 0...500, using: &generator)
        // A small vocabulary so that forms repeat and the table is exercised.
        let norm =
            ["travail", "charge", string(&generator, maxPieces: 2), "œ", "\"\\"].randomElement(
                using: &generator) ?? ""
        let stem = Bool.random(using: &generator) ? norm : string(&generator, maxPieces: 2)
        return Token(
            start: start, end: start + Int.random(in: 0...20, using: &generator),
            kind: kinds.randomElement(using: &generator) ?? .word, norm: norm, stem: stem)
    }

    /// A warning of any shape: a free text, one with values, one without.
    static func warning(_ generator: inout SeededGenerator) -> DocumentWarning {
        switch Int.random(in: 0...4, using: &generator) {
        case 0: .other(string(&generator))
        case 1: .unreadablePage(Int.random(in: 1...1000, using: &generator))
        case 2: .unknownCharset(string(&generator))
        case 3: .misnamed(fileExtension: string(&generator), contains: "html")
        default: .noTextLayer
        }
    }

    static func passage(_ generator: inout SeededGenerator, index: Int) -> Passage {
        let endPage = Bool.random(using: &generator) ? Int.random(in: 1...1000, using: &generator) : nil
        return Passage(
            id: string(&generator), index: index, page: Int.random(in: 1...1000, using: &generator),
            endPage: endPage, pageLabel: optionalString(&generator), endPageLabel: optionalString(&generator),
            heading: optionalString(&generator),
            blockKind: [.heading, .listItem, .tableCell, .quote].randomElement(
                using: &generator) ?? .paragraph,
            text: string(&generator, maxPieces: 30),
            tokens: (0..<Int.random(in: 0...30, using: &generator)).map { _ in token(&generator) })
    }

    static func document(seed: UInt64) -> TokenizedDocument {
        var generator = SeededGenerator(seed: seed)
        return TokenizedDocument(
            id: string(&generator), source: string(&generator), sha256: string(&generator),
            format: Bool.random(using: &generator) ? .pdf : .html, metadata: metadata(&generator),
            pageCount: Int.random(in: 0...5000, using: &generator), analyzer: string(&generator),
            passages: (0..<Int.random(in: 0...8, using: &generator)).map { passage(&generator, index: $0) },
            warnings: (0..<Int.random(in: 0...2, using: &generator)).map { _ in warning(&generator) })
    }

    static func extractedDocument(seed: UInt64) -> ExtractedDocument {
        var generator = SeededGenerator(seed: seed)
        let kinds: [BlockKind] = [.heading, .paragraph, .listItem, .tableCell, .footnote, .quote, .caption]
        let pages = (0..<Int.random(in: 0...4, using: &generator)).map { index in
            Page(
                number: index + 1,
                label: Bool.random(using: &generator) ? string(&generator) : nil,
                blocks: (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    let kind = kinds.randomElement(using: &generator) ?? .paragraph
                    return Block(
                        kind: kind, text: string(&generator),
                        level: kind == .heading ? Int.random(in: 1...6, using: &generator) : nil)
                })
        }
        return ExtractedDocument(
            id: "doc-\(seed)", source: "dossier/l’été \(seed).html", sha256: String(repeating: "a", count: 64),
            byteCount: Int.random(in: 0...1_000_000, using: &generator),
            format: Bool.random(using: &generator) ? .pdf : .html,
            content: ExtractedContent(
                metadata: metadata(&generator), pages: pages,
                warnings: (0..<Int.random(in: 0...2, using: &generator)).map { _ in warning(&generator) }))
    }

    static func scoreSet(seed: UInt64) -> ScoreSet {
        var generator = SeededGenerator(seed: seed)
        let document = document(seed: seed)
        let passages = document.passages.map { passage in
            let scores = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                CategoryScore(
                    category: string(&generator),
                    score: (Double.random(in: 0..<40, using: &generator) * 10_000).rounded() / 10_000,
                    matches: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                        TermMatch(
                            term: string(&generator), text: string(&generator),
                            start: Int.random(in: 0...99, using: &generator), end: 100,
                            contribution: (Double.random(in: 0..<5, using: &generator) * 10_000).rounded() / 10_000)
                    })
            }
            return ScoredPassage(documentId: document.id, passage: passage, scores: scores)
        }
        let summary = DocumentSummary(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, passageCount: passages.count,
            warnings: document.warnings)
        return ScoreSet(
            lexicon: LexiconInfo(path: string(&generator), sha256: "ab", name: string(&generator), version: "1"),
            categories: [CategoryInfo(id: "a", label: string(&generator), description: "d\n\"x\"")],
            documents: [summary], passages: passages)
    }
}
