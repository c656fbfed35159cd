import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxExtraction

/// Citation metadata of real web pages against the readability pages' `expected-metadata.json`:
/// match rates of author, date, title and language over the pages that state each one,
/// printed and held above floors (the rates reached, rounded down).
@Suite("Real web pages: metadata", .enabled(if: HTMLWebPages.isAvailable, "needs ../shared/eval/web"))
struct HTMLWebPageMetadataTests {
    static let floors = ["author": 0.92, "date": 0.99, "title": 0.91, "language": 0.99]

    struct Expected: Decodable {
        var title: String?
        var byline: String?
        var lang: String?
        var publishedTime: String?
    }

    /// Lowercased, whitespace collapsed.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A byline matches when one of the names found is in it or holds it.
    static func authorMatches(_ authors: [String], byline: String) -> Bool {
        let expected = normalized(byline)
        return authors.map(normalized).contains { !$0.isEmpty && (expected.contains($0) || $0.contains(expected)) }
    }

    @Test("Author, date, title and language match the expected metadata")
    func matchRates() throws {
        guard let root = HTMLWebPages.root?.appendingPathComponent("readability-pages") else { return }
        var found: [String: Int] = [:]
        var stated: [String: Int] = [:]
        var misses: [String] = []
        func count(_ field: String, _ expected: String?, _ got: String?, _ matches: (String) -> Bool) {
            guard let expected, !expected.isEmpty else { return }
            stated[field, default: 0] += 1
            if matches(expected) {
                found[field, default: 0] += 1
            } else {
                misses.append(
                    "\(field): expected \(expected.debugDescription), got \((got ?? "nothing").debugDescription)")
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(name)
            guard
                let expectedData = try? Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")),
                let html = try? Data(contentsOf: folder.appendingPathComponent("source.html"))
            else { continue }
            let expected = try JSONDecoder().decode(Expected.self, from: expectedData)
            let metadata = (try? HTMLExtractor().extract(data: html))?.metadata ?? DocumentMetadata()
            count("author", expected.byline, metadata.authors.joined(separator: "; ")) {
                Self.authorMatches(metadata.authors, byline: $0)
            }
            count("date", expected.publishedTime, metadata.date) { metadata.date == String($0.prefix(10)) }
            count("title", expected.title, metadata.title) {
                Self.normalized(metadata.title ?? "") == Self.normalized($0)
            }
            count("language", expected.lang, metadata.language) { $0.lowercased() == metadata.language?.lowercased() }
        }
        print(misses.joined(separator: "\n"))
        for field in ["author", "date", "title", "language"] {
            let rate = Double(found[field] ?? 0) / Double(max(1, stated[field] ?? 0))
            print("\(field): \(found[field] ?? 0) of \(stated[field] ?? 0) (\(rate))")
            #expect(rate >= Self.floors[field] ?? 1, "\(field): \(rate)")
        }
    }
}
