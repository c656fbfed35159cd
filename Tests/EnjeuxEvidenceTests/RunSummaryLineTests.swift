import EnjeuxEvidence
import Testing

@Suite struct RunSummaryLineTests {
    private func report(documents: Int, failures: Int, shown: [Int]) -> RunReport {
        RunReport(
            startedAt: "2026-11-24T02:00:00Z", documents: documents, pages: 1, passages: 334,
            failures: (0..<failures).map { RunFailure(path: "broken \($0).pdf", code: "damaged", reason: "truncated") },
            lexicon: Fixture.lexicon,
            issues: shown.enumerated().map {
                IssueCount(
                    category: "issue\($0.offset)", label: "Issue \($0.offset)", candidates: $0.element,
                    shown: $0.element)
            })
    }

    @Test func countsDocumentsPassagesAndWhereTheEvidenceIs() {
        #expect(
            report(documents: 14, failures: 0, shown: [200, 111]).summaryLine(evidenceFolder: "Evidence")
                == "14 documents, 1 page, 334 passages\u{A0}; 311 passages retenus pour 2 enjeux\u{A0}; "
                + "résultats dans Evidence/index.html"
        )
    }

    @Test func mentionsFailuresAndIssuesWithoutPassages() {
        #expect(
            report(documents: 13, failures: 4, shown: [1, 0, 0]).summaryLine(evidenceFolder: "out/")
                == "13 documents (4 en échec), 1 page, 334 passages\u{A0}; 1 passage retenu pour 3 enjeux "
                + "(2 sans passage)\u{A0}; résultats dans out/index.html")
    }
}
