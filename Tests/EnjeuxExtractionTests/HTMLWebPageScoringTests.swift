import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import LibXMLKit
import Testing

@testable import EnjeuxExtraction

/// Main text of real web pages (`../shared/eval/web`), scored as its `score.py` does: 4-word
/// shingles of the expected and the extracted text, precision and recall averaged over
/// pages. The floors are the figures reached, rounded down, so a change cannot silently
/// lose ground on the web as it is.
@Suite("Real web pages", .enabled(if: HTMLWebPages.isAvailable, "needs ../shared/eval/web"))
struct HTMLWebPageScoringTests {
    static let floors = ["article-benchmark": 0.96, "readability-pages": 0.958]

    @Test("Main-text F1 on each set stays above its floor", arguments: ["article-benchmark", "readability-pages"])
    func mainTextF1(set: String) throws {
        let pages = try HTMLWebPages.pages(in: set)
        #expect(!pages.isEmpty)
        var precisions: [Double] = []
        var recalls: [Double] = []
        for page in pages {
            let extracted = (try? HTMLTestHelpers.plainText(HTMLExtractor().extract(data: page.html))) ?? ""
            let score = ShingleScore(expected: page.expectedText, extracted: extracted)
            if let precision = score.precision { precisions.append(precision) }
            if let recall = score.recall { recalls.append(recall) }
        }
        let precision = precisions.reduce(0, +) / Double(max(1, precisions.count))
        let recall = recalls.reduce(0, +) / Double(max(1, recalls.count))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        print("\(set): \(pages.count) pages, precision \(precision), recall \(recall), F1 \(f1)")
        #expect(f1 >= Self.floors[set] ?? 1, "\(set): F1 \(f1)")
    }
}

/// The pages of `../shared/eval/web` with their expected text.
enum HTMLWebPages {
    struct Page {
        var name: String
        var html: Data
        var expectedText: String
    }

    static let root: URL? = SharedData.url("eval/web")

    static var isAvailable: Bool { root != nil }

    static func pages(in set: String) throws -> [Page] {
        guard let root else { return [] }
        let folder = root.appendingPathComponent(set)
        if set == "article-benchmark" {
            let truth = try JSONDecoder().decode(
                [String: [String: String?]].self,
                from: Data(contentsOf: folder.appendingPathComponent("ground-truth.json")))
            return try truth.keys.sorted().map { key in
                let html = try Data(contentsOf: folder.appendingPathComponent("pages/\(key).html"))
                return Page(name: key, html: html, expectedText: (truth[key]?["articleBody"] ?? nil) ?? "")
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.compactMap { name in
            let source = folder.appendingPathComponent("\(name)/source.html")
            guard FileManager.default.fileExists(atPath: source.path) else { return nil }
            let expected = try Data(contentsOf: folder.appendingPathComponent("\(name)/expected.html"))
            return Page(name: name, html: try Data(contentsOf: source), expectedText: visibleText(expected))
        }
    }

    /// Block elements that end a line in the expected fragments (as `score.py` reads them).
    static let lineTags: Set<String> = [
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "pre", "blockquote",
        "figcaption", "dd", "dt",
    ]

    /// The visible text of an expected fragment, block elements on lines of their own.
    static func visibleText(_ data: Data) -> String {
        guard let tree = try? HTMLParser.parse(utf8: String(decoding: data, as: UTF8.self)).tree else { return "" }
        var out = ""
        var stack: [(index: Int, exiting: Bool)] = [(HTMLTree.rootIndex, false)]
        while let (index, exiting) = stack.popLast() {
            if tree.kind(at: index) == .text {
                out += tree.text(at: index)
                continue
            }
            let name = tree.name(at: index)
            if name == "script" || name == "style" { continue }
            if lineTags.contains(name) { out += "\n" }
            if exiting { continue }
            stack.append((index, true))
            for child in tree.children(at: index).reversed() { stack.append((child, false)) }
        }
        return out
    }
}

/// One page's shingle counts: true positives, false positives and false negatives, each
/// divided by their sum (the benchmark's per-page normalisation).
struct ShingleScore {
    var truePositive = 0.0
    var falsePositive = 0.0
    var falseNegative = 0.0

    init(expected: String, extracted: String) {
        let expectedShingles = Self.shingles(expected)
        let extractedShingles = Self.shingles(extracted)
        var shared = 0
        for (shingle, count) in expectedShingles { shared += min(count, extractedShingles[shingle] ?? 0) }
        let extra = extractedShingles.values.reduce(0, +) - shared
        let missed = expectedShingles.values.reduce(0, +) - shared
        let total = Double(shared + extra + missed)
        guard total > 0 else { return }
        (truePositive, falsePositive, falseNegative) =
            (Double(shared) / total, Double(extra) / total, Double(missed) / total)
    }

    /// Nil when the page has nothing to measure precision on.
    var precision: Double? {
        guard truePositive + falsePositive > 0 else { return nil }
        return falsePositive == 0 && falseNegative == 0 ? 1 : truePositive / (truePositive + falsePositive)
    }

    /// Nil when the page has nothing to measure recall on.
    var recall: Double? {
        guard truePositive + falseNegative > 0 else { return nil }
        return falsePositive == 0 && falseNegative == 0 ? 1 : truePositive / (truePositive + falseNegative)
    }

    /// Words are runs of letters, digits and underscores (Python's `\w+`).
    static func words(_ text: String) -> [String] {
        let wordCategories: Set<Unicode.GeneralCategory> = [
            .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber,
        ]
        return text.unicodeScalars.split(whereSeparator: { scalar in
            scalar != "_" && !wordCategories.contains(scalar.properties.generalCategory)
        }).map { String(String.UnicodeScalarView($0)) }
    }

    /// Overlapping runs of four words (one shorter run for a text of fewer words).
    static func shingles(_ text: String) -> [String: Int] {
        let words = words(text)
        var counts: [String: Int] = [:]
        guard !words.isEmpty else { return counts }
        let width = min(4, words.count)
        for start in 0...(words.count - width) {
            counts[words[start..<start + width].joined(separator: " "), default: 0] += 1
        }
        return counts
    }
}
