import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("Same passages everywhere")
struct ConsistencyTests {
    @Test func markdownAndCSVFollowTheJSONLinesOrder() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let jsonl = EvidenceRenderer.jsonl(issues)
        let jsonIds = try jsonl.split(separator: "\n").map { line -> String in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["passage_id"] as? String)
        }
        #expect(jsonIds == issues.flatMap(\.entries).map(\.passageId))

        let allCSV = try RFC4180Reader.parse(
            String(EvidenceRenderer.csv(issues.flatMap(\.entries)).unicodeScalars.dropFirst()))
        #expect(allCSV.dropFirst().map { $0[8] } == jsonIds)

        var markdownIds: [String] = []
        for issue in issues {
            let csv = try RFC4180Reader.parse(String(EvidenceRenderer.csv(issue.entries).unicodeScalars.dropFirst()))
            #expect(csv.dropFirst().map { $0[8] } == issue.entries.map(\.passageId))
            let markdown = EvidenceRenderer.markdown(issue: issue)
            let positions = try issue.entries.map { entry -> (String, String.Index) in
                let block = EvidenceRenderer.markdownBlock(entry)
                let range = try #require(markdown.range(of: block))
                return (entry.passageId, range.lowerBound)
            }
            #expect(positions.map(\.1) == positions.map(\.1).sorted())
            markdownIds += positions.map(\.0)
        }
        #expect(markdownIds == jsonIds)
    }
}
