import EnjeuxModel
import EnjeuxTestSupport
import Foundation

@testable import EnjeuxExtraction

/// Helpers shared by the HTML extraction tests.
enum HTMLTestHelpers {
    /// Extracts an HTML string written in a test.
    static func extract(_ html: String) throws -> ExtractedContent {
        try HTMLExtractor().extract(data: Data(html.utf8))
    }

    /// Extracts a file of the shared data folder.
    static func extract(shared path: String) throws -> ExtractedContent {
        try HTMLExtractor().extract(data: try sharedData(path))
    }

    static func sharedData(_ path: String) throws -> Data {
        guard let url = SharedData.url(path) else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: url)
    }

    static func blocks(_ content: ExtractedContent) -> [Block] {
        content.pages.flatMap(\.blocks)
    }

    static func plainText(_ content: ExtractedContent) -> String {
        content.pages.map(\.plainText).joined(separator: "\n\n")
    }

    /// Every run of Unicode whitespace (no-break spaces included) becomes one space.
    static func normalizeWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Words split on any whitespace.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    /// Length of the longest common subsequence of two word sequences.
    static func longestCommonSubsequence(_ a: [Substring], _ b: [Substring]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Word-level precision and recall of `extracted` against `reference`, by LCS.
    static func precisionRecall(extracted: String, reference: String) -> (
        precision: Double, recall: Double
    ) {
        let found = words(extracted)
        let expected = words(reference)
        let common = Double(longestCommonSubsequence(found, expected))
        return (
            found.isEmpty ? 0 : common / Double(found.count),
            expected.isEmpty ? 0 : common / Double(expected.count)
        )
    }
}
