import EnjeuxBrief
import EnjeuxModel
import Foundation
import Testing

/// The brief's Markdown read back by pandoc itself: every quote's text comes out exactly, and
/// each citation is one citation of the right key with its page. Random texts full of
/// characters pandoc Markdown gives a meaning to, at the start of lines and inside them.
@Suite struct PandocRoundTripTests {
    static let pandoc: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pandoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Pieces random texts are made of: markup characters, list markers, dashes and dots,
    /// quotes, spaces, line breaks, French text.
    static let pieces = [
        "a", "é", "L’", "l'", "\"", "«\u{00A0}", "\u{00A0}»", " ", "  ", "\t", "\n", "\n\n", "\\", "`", "*", "**", "_",
        "[", "]", "(", ")", "<", ">", "<b>", "&", "&amp;", "^", "~", "~~", "$", "@", "@cle", "#", "|", "{", "}", "-",
        "--", "---", ".", "...", "+", "=", ":", "::: ", "1.", "2)", "iv.", "A.", "(a)", "(@)", "http://a.example",
        "<!--", "-->", "Québec", "2016", "%", "!", "?", ";", ",", "\u{202F}", "’", "…", "—", "œ", "👩‍⚕️", "\\\n",
    ]

    static func randomText(_ seed: UInt64) -> String {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let count = 1 + next() % 30
        var text = (0..<count).map { _ in pieces[next() % pieces.count] }.joined()
        if text.allSatisfy({ $0.isWhitespace }) { text += "x" }
        return text
    }

    /// What pandoc shows of a text: runs of spaces and tabs as one space, none at the ends of
    /// lines, a blank line between paragraphs, line breaks kept.
    static func shown(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: " ")
        var paragraphs: [[String]] = [[]]
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if words.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(words)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    @Test(.enabled(if: pandoc != nil, "skipped: pandoc is not installed (apt-get install pandoc)"))
    func quotesAndCitationsReadBackExactly() throws {
        let pandoc = try #require(Self.pandoc)
        let texts =
            (0..<1000).map { Self.randomText(UInt64($0)) } + ["2. Remplacer", "- a", "a\n- b", "x\n===", "A.  B"]
        let pages = ["12", "iv", "3-4", "A-3", "xii", "12a"]
        let quotes = texts.enumerated().map { index, text in
            BriefQuote(
                passage: EvidencePassage(
                    category: "c", label: "Enjeu *c*", rank: index + 1, passageId: "p\(index)", source: "a.pdf",
                    text: text, pages: index % 7 == 0 ? nil : pages[index % pages.count]),
                key: "cle-2016-\(String(index, radix: 16))")
        }
        let brief = Brief(
            title: "Titre : l'essai *vrai*", date: "1er mai 2026",
            sections: [BriefSection(issue: BriefIssue(id: "c", label: "Enjeu *c* #1"), quotes: quotes)], references: [])
        let markdown = BriefMarkdown.render(brief, bibliography: "b.json", style: "apa.csl")
        let document = try Self.json(of: markdown, pandoc: pandoc)

        let meta = document["meta"] as? [String: Any]
        #expect(Self.text(of: (meta?["title"] as? [String: Any])?["c"]) == "Titre : l'essai *vrai*")
        let blocks = document["blocks"] as? [[String: Any]] ?? []
        let headings = blocks.filter { $0["t"] as? String == "Header" }
        #expect(Self.text(of: (headings.first?["c"] as? [Any])?[2]) == "Enjeu *c* #1")
        let quoteBlocks = blocks.filter { $0["t"] as? String == "BlockQuote" }
        #expect(quoteBlocks.count == quotes.count)
        for (quote, block) in zip(quotes, quoteBlocks) {
            let (text, citation) = Self.quote(block)
            #expect(text == Self.shown(quote.passage.text), "\(quote.passage.text.debugDescription)")
            #expect(citation?.key == quote.key)
            // Pandoc's reader puts a no-break space after the abbreviation `p.`.
            let expectedSuffix = quote.passage.pages.map { ", p.\u{00A0}\($0)" } ?? ""
            #expect(citation?.suffix == expectedSuffix, "\(quote.passage.pages ?? "-")")
        }
    }

    /// Pandoc's JSON of a Markdown text.
    static func json(of markdown: String, pandoc: URL) throws -> [String: Any] {
        let process = Process()
        process.executableURL = pandoc
        process.arguments = ["--from=markdown", "--to=json"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A block quote's text (paragraphs separated by a blank line) and the citation that
    /// ends it: its key and its suffix as text.
    static func quote(_ block: [String: Any]) -> (String, (key: String, suffix: String)?) {
        var paragraphs: [String] = []
        var citation: (key: String, suffix: String)?
        for paragraph in block["c"] as? [[String: Any]] ?? [] {
            var inlines = paragraph["c"] as? [[String: Any]] ?? []
            if let last = inlines.last, last["t"] as? String == "Cite",
                let content = last["c"] as? [Any], let first = (content.first as? [[String: Any]])?.first
            {
                citation = (first["citationId"] as? String ?? "", text(of: first["citationSuffix"]))
                inlines.removeLast()
                if inlines.last?["t"] as? String == "Space" { inlines.removeLast() }
            }
            paragraphs.append(text(of: inlines))
        }
        return (paragraphs.joined(separator: "\n\n"), citation)
    }

    /// The text of inlines: strings, spaces, line breaks.
    static func text(of value: Any?) -> String {
        guard let inlines = value as? [[String: Any]] else { return "" }
        return inlines.map { inline -> String in
            switch inline["t"] as? String {
            case "Str": return inline["c"] as? String ?? ""
            case "Space", "SoftBreak": return " "
            case "LineBreak": return "\n"
            default: return "⟦\(inline["t"] ?? "?")⟧"
            }
        }.joined()
    }
}
