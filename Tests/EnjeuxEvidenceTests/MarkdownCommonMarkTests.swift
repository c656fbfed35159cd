import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxEvidence

/// The Markdown written for document text, read back by a CommonMark parser (pandoc's
/// `-f commonmark`, Debian's `pandoc`): on thousands of random texts full of characters that
/// can start markup, every text comes back verbatim (up to the whitespace CommonMark drops at
/// the edges of lines) and the bold spans are exactly the matched ones. This is what makes the
/// few escapes enough.
@Suite("Markdown read by a CommonMark parser")
struct MarkdownCommonMarkTests {
    static let pandoc: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pandoc") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Pieces of random texts: letters, spaces, line breaks, every ASCII punctuation character
    /// and a few sequences that start markup (list markers, entities, links, rules).
    static let pieces: [String] = [
        "a", "b", "é", "Z", "1", "2", "0", " ", " ", " ", "  ", "\n", "\n", "\r\n", "\u{A0}", "œ", "’", "«", "»",
        "👩‍⚕️", "e\u{301}", "*", "*", "_", "_", "\\", "`", "[", "]", "(", ")", "<", ">", "#", "-", "+", "=", "~", "&",
        "!", ".", ";", "|", ":", "'", "\"", "%", "/", "{", "}", "^", "$", "@", "?", ",", "amp", "#38", "#x26",
        "http://x.ca", "a@b.ca", "1. ", "- ", "---", "===", "~~~", "```", "![", "](", "<b>", "</i>", "<!--",
    ]

    /// One case: a text, its bold ranges, and how it is written.
    struct Case {
        enum Form {
            case blockQuote
            /// Inline after `X ` and before `suffix`.
            case inline(suffix: String)
            /// Inline at the start of a line, before `suffix` (which starts with a space).
            case lineStart(suffix: String)
        }

        var text: String
        var bold: [Range<Int>]
        var form: Form

        var markdown: String {
            switch form {
            case .blockQuote: MarkdownText.blockQuote(text, bold: bold)
            case .inline(let suffix): "X " + MarkdownText.inline(text) + suffix
            case .lineStart(let suffix): MarkdownText.inline(text, in: .lineStart) + suffix
            }
        }

        /// The paragraphs CommonMark should give, and the text of each bold span.
        var expected: (paragraphs: [String], bold: [String]) {
            let scalars = Array(text.unicodeScalars)
            switch form {
            case .blockQuote:
                let runs = MarkdownText.boldRuns(in: scalars, ranges: bold)
                let strong = runs.map { String(String.UnicodeScalarView(scalars[$0])) }
                var paragraphs: [String] = []
                var current: [String] = []
                for line in Self.lines(text) {
                    let kept = Self.trimmed(line)
                    if kept.isEmpty {
                        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                        current = []
                    } else {
                        current.append(kept)
                    }
                }
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                return (paragraphs, strong)
            case .inline(let suffix):
                return (["X " + Self.joined(text) + suffix], [])
            case .lineStart(let suffix):
                return ([Self.trimmed(Self.joined(text) + suffix)], [])
            }
        }

        static func lines(_ text: String) -> [String] {
            text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        }

        /// A line as CommonMark keeps it in a paragraph: no leading whitespace (left out by the
        /// writer), no trailing spaces.
        static func trimmed(_ line: String) -> String {
            var scalars = Substring(line).unicodeScalars.drop { $0.properties.isWhitespace }
            while scalars.last == " " { scalars = scalars.dropLast() }
            return String(String.UnicodeScalarView(scalars))
        }

        /// An inline text: line breaks as spaces, no leading whitespace.
        static func joined(_ text: String) -> String {
            let spaced = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            return String(String.UnicodeScalarView(spaced.unicodeScalars.drop { $0.properties.isWhitespace }))
        }
    }

    static func cases(count: Int, seed: UInt64) -> [Case] {
        var random = SeededGenerator(seed: seed)
        let suffixes = ["(x)", ", p. 3", ";", "*", "_x", " #", ")", "[a]", "; b"]
        return (0..<count).map { number in
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in
                pieces.randomElement(using: &random) ?? "a"
            }.joined()
            // Matches start and end between characters (they are whole words).
            var boundaries = [0]
            for character in text { boundaries.append((boundaries.last ?? 0) + character.unicodeScalars.count) }
            let bold = (0..<Int.random(in: 0...3, using: &random)).map { _ -> Range<Int> in
                let start = Int.random(in: 0..<boundaries.count, using: &random)
                let end = min(boundaries.count - 1, start + Int.random(in: 0...6, using: &random))
                return boundaries[start]..<boundaries[end]
            }
            let form: Case.Form =
                switch number % 4 {
                case 0, 1: .blockQuote
                case 2: .inline(suffix: suffixes[number / 4 % suffixes.count])
                default: .lineStart(suffix: number / 4 % 2 == 0 ? " — rang 1, score 0,9" : " (x) #")
                }
            return Case(text: text, bold: bold, form: form)
        }
    }

    @Test(.enabled(if: pandoc != nil, "skipped: pandoc is not installed (apt-get install pandoc)"))
    func randomTextsComeBackVerbatimWithTheirBoldSpans() throws {
        let cases = Self.cases(count: 4_000, seed: 17)
        let document = cases.enumerated().map { "ENJEUX\($0.offset)\n\n\($0.element.markdown)\n\n" }.joined()
        let html = try Self.html(of: document)
        let blocks = html.components(separatedBy: "<p>ENJEUX").dropFirst()
        #expect(blocks.count == cases.count)
        var failures = 0
        for (number, block) in blocks.enumerated() where number < cases.count {
            let digits = block.prefix { $0.isNumber }
            let body = String(block.dropFirst(digits.count + "</p>\n".count))
            // pandoc keeps a run of spaces as one space: runs are compared as one.
            let read = Self.read(body)
            let expected = cases[number].expected
            if read.paragraphs.map(Self.singleSpaced) != expected.paragraphs.map(Self.singleSpaced)
                || read.bold.map(Self.singleSpaced) != expected.bold.map(Self.singleSpaced)
            {
                failures += 1
                if failures <= 10 {
                    Issue.record(
                        """
                        case \(number): \(cases[number].text.debugDescription) bold \(cases[number].bold)
                        markdown: \(cases[number].markdown.debugDescription)
                        read: \(read.paragraphs) \(read.bold)
                        expected: \(expected.paragraphs) \(expected.bold)
                        """)
                }
            }
        }
        #expect(failures == 0)
    }

    static func singleSpaced(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !(scalar == " " && out.last == " ") { out.append(scalar) }
        return String(out)
    }

    /// The paragraphs and bold spans of a block of pandoc's HTML; anything else that is markup
    /// (a list, a heading, a link, emphasis, code, raw HTML) is kept as tags, so it differs.
    static func read(_ block: String) -> (paragraphs: [String], bold: [String]) {
        var rest = block.replacingOccurrences(of: "<blockquote>\n", with: "")
            .replacingOccurrences(of: "</blockquote>\n", with: "")
        var paragraphs: [String] = []
        var bold: [String] = []
        while let open = rest.range(of: "<p>"),
            let close = rest.range(of: "</p>", range: open.upperBound..<rest.endIndex)
        {
            let outside = rest[rest.startIndex..<open.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !outside.isEmpty { paragraphs.append("<outside>" + outside) }
            var paragraph = String(rest[open.upperBound..<close.lowerBound])
                .replacingOccurrences(of: "<br />\n", with: "\n")
            for piece in paragraph.components(separatedBy: "<strong>").dropFirst() {
                if let end = piece.range(of: "</strong>") { bold.append(unescaped(String(piece[..<end.lowerBound]))) }
            }
            paragraph = paragraph.replacingOccurrences(of: "<strong>", with: "")
                .replacingOccurrences(of: "</strong>", with: "")
            paragraphs.append(unescaped(paragraph))
            rest = String(rest[close.upperBound...])
        }
        let trailing = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trailing.isEmpty { paragraphs.append("<outside>" + trailing) }
        return (paragraphs, bold)
    }

    /// Text of pandoc's HTML: a `<` left means markup, which then differs from the text.
    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "\u{FFFC}")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&nbsp;", with: "\u{A0}")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "<", with: "<markup>").replacingOccurrences(of: "\u{FFFC}", with: "<")
    }

    /// Thrown when pandoc is not installed (the tests that need it are skipped then).
    struct PandocMissing: Error {}

    static func html(of markdown: String) throws -> String {
        let process = Process()
        guard let executable = Self.pandoc else { throw PandocMissing() }
        process.executableURL = executable
        process.arguments = ["-f", "commonmark", "-t", "html", "--wrap=preserve"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
