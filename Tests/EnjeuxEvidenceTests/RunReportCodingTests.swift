import EnjeuxSupport
import Testing

@testable import EnjeuxEvidence

@Suite("run.json read back")
struct RunReportCodingTests {
    @Test func documentsLeftOutAreReadBack() throws {
        var report = Fixture.report()
        report.leftOutDocuments = [RunLeftOutDocument(source: "blogue/lean-startup.html", strength: 7.25, share: 0.1)]
        let decoded = try JSONCoding.decode(RunReport.self, from: try JSONCoding.encode(report))
        #expect(decoded.leftOutDocuments == report.leftOutDocuments)
        #expect(decoded == report)
    }
}
