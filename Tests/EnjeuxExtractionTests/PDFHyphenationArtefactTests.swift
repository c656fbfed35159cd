import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Issue 3, no hyphenation artefact: every word that `pdftotext -layout` shows split by a
/// hyphen at a line end (`xxx-` then `yyy` on the next line) must come out of our
/// extraction joined (`xxxyyy`) or as a real compound (`xxx-yyy`), never as `xxx- yyy`,
/// `xxx -yyy` or `xxx yyy`; where the source text is known, in the source's form.
@Suite(.enabled(if: SharedData.isAvailable && PDFLayoutReference.isAvailable, "needs ../shared and pdftotext"))
struct PDFHyphenationArtefactTests {
    struct LineBreak: Hashable {
        let left: String
        let right: String
    }

    /// Line-end hyphen breaks of the layout text, page by page. In a two-column layout the
    /// right column's continuation is read on the next line from the column where the
    /// hyphenated piece starts (pieces are separated by three or more spaces).
    static func lineBreaks(in pages: [String]) throws -> [LineBreak] {
        let end = try NSRegularExpression(pattern: #"(\p{L}+) ?-$"#)
        let start = try NSRegularExpression(pattern: #"^\s*(\p{L}+)"#)
        var found: [LineBreak] = []
        for page in pages {
            let lines = page.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\u{00AD}", with: "-") }
                .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
                .filter { !$0.isEmpty }
            for (position, line) in lines.enumerated() {
                let lineRange = NSRange(line.startIndex..., in: line)
                guard let left = end.firstMatch(in: line, range: lineRange),
                    let leftRange = Range(left.range(at: 1), in: line)
                else { continue }
                let pieceStart = line.range(of: "   ", options: .backwards).map(\.upperBound) ?? line.startIndex
                let column =
                    line.distance(from: line.startIndex, to: pieceStart)
                    + line[pieceStart...].prefix(while: { $0 == " " }).count
                guard let right = continuation(after: position, in: lines, column: column, pattern: start) else {
                    continue
                }
                found.append(LineBreak(left: String(line[leftRange]), right: right))
            }
        }
        return found
    }

    /// The first word of the text that carries on in `column` below line `position`: the
    /// next line with text starting there (two columns may not advance together).
    static func continuation(after position: Int, in lines: [String], column: Int, pattern: NSRegularExpression)
        -> String?
    {
        for next in lines.dropFirst(position + 1).prefix(3) {
            let cut = max(0, column - 2)
            let tail = String(next.dropFirst(cut))
            let leading = tail.prefix(while: { $0 == " " }).count
            // Text running into the column from the left is another column's line.
            if cut > 0, next.dropFirst(cut - 1).first.map({ $0 != " " }) ?? false { continue }
            if leading > 8 || tail.isEmpty { continue }
            let range = NSRange(tail.startIndex..., in: tail)
            guard let match = pattern.firstMatch(in: tail, range: range), let word = Range(match.range(at: 1), in: tail)
            else { return nil }
            return String(tail[word])
        }
        return nil
    }

    /// Lowercased text with straight apostrophes and single spaces.
    static func flat(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether `phrase` occurs in `text` not glued to other letters.
    static func occurs(_ phrase: String, in text: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: phrase)
        guard let regex = try? NSRegularExpression(pattern: #"(?<!\p{L})"# + escaped + #"(?!\p{L})"#) else {
            return false
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The problems found for one PDF (empty when clean), with the number of breaks checked.
    static func artefacts(pdf: String, source: String?) throws -> (checked: Int, problems: [String]) {
        let url = try #require(SharedData.url(pdf))
        let breaks = try lineBreaks(in: PDFLayoutReference.pages(of: url))
        let content = try PDFTestSupport.extract(pdf)
        let text = flat(content.pages.map(\.plainText).joined(separator: "\n\n"))
        let sourceText = source.map(flat)
        var problems: [String] = []
        for found in breaks {
            let left = found.left.lowercased()
            let right = found.right.lowercased()
            let joined = left + right
            let compound = left + "-" + right
            for broken in [left + "- " + right, left + " -" + right, left + " " + right] where occurs(broken, in: text)
            {
                problems.append("\(pdf): '\(broken)'")
            }
            let hasJoined = occurs(joined, in: text)
            let hasCompound = occurs(compound, in: text)
            if !hasJoined && !hasCompound { problems.append("\(pdf): neither '\(joined)' nor '\(compound)'") }
            if let sourceText {
                if occurs(joined, in: sourceText) && !occurs(compound, in: sourceText) && !hasJoined {
                    problems.append("\(pdf): source has '\(joined)'")
                }
                if occurs(compound, in: sourceText) && !occurs(joined, in: sourceText) && !hasCompound {
                    problems.append("\(pdf): source has '\(compound)'")
                }
                if occurs(joined, in: sourceText) && !occurs(compound, in: sourceText) && hasCompound {
                    problems.append("\(pdf): '\(compound)' output, the source only has '\(joined)'")
                }
                if occurs(compound, in: sourceText) && !occurs(joined, in: sourceText) && hasJoined {
                    problems.append("\(pdf): '\(joined)' output, the source only has '\(compound)'")
                }
            }
        }
        print("hyphenation artefacts \(pdf): \(breaks.count) line-end hyphens checked, \(problems.count) artefacts")
        return (breaks.count, problems)
    }

    @Test(arguments: ["000_29a6c5865de0a7fd", "004_21255a5746c9818d"])
    func seedPDFHasNoArtefact(seed: String) throws {
        let source = try String(decoding: PDFTestSupport.data("seeds/\(seed).txt"), as: UTF8.self)
        let result = try Self.artefacts(pdf: "corpus/seeds/\(seed).pdf", source: source)
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func developmentPDFsHaveNoArtefact() throws {
        let folder = try #require(SharedData.url("eval/dev/corpus"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(names.count >= 6)
        var checked = 0
        var problems: [String] = []
        for name in names {
            let result = try Self.artefacts(pdf: "eval/dev/corpus/\(name)", source: nil)
            checked += result.checked
            problems += result.problems
        }
        print("hyphenation artefacts eval/dev: \(checked) line-end hyphens checked, \(problems.count) artefacts")
        #expect(problems.isEmpty, "\(problems)")
    }
}
