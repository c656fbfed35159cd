import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxLexicon

/// The example of docs/lexicon.md stays a valid lexicon.
@Suite("Documentation")
struct DocumentationTests {
    @Test func firstYAMLExampleOfTheFormatDocumentParses() throws {
        let url = SharedData.repositoryRoot.appendingPathComponent("docs/lexicon.md")
        let markdown = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(markdown.range(of: "```yaml\n"))
        let end = try #require(markdown.range(of: "```", range: start.upperBound..<markdown.endIndex))
        let yaml = String(markdown[start.upperBound..<end.lowerBound])
        let lexicon = try Lexicon.parse(yaml: yaml, file: "docs/lexicon.md")
        #expect(lexicon.categories.first?.terms.count == 7)
        #expect(lexicon.categories.first?.exclusions.count == 2)
        #expect(lexicon.globalExclusions.count == 1)
        #expect(lexicon.warnings.isEmpty)
    }
}
