import EnjeuxBrief
import EnjeuxModel
import Testing

/// Selection files and the choice of passages.
@Suite("Selection")
struct SelectionTests {
    @Test func selectionFileIgnoresBlankLinesCommentsAndLineEndings() throws {
        let text = "\u{FEFF}# Passages pour le comité\r\na1\r\n\n   w1   # la page web\n\t\n#s1\ns1"
        let lines = try SelectionFile.parse(text, file: "choix.txt")
        #expect(lines.map(\.id) == ["a1", "w1", "s1"])
        #expect(lines.map(\.number) == [2, 4, 7])
    }

    @Test func twoIdsOnOneLineAreAnErrorNamingTheLine() {
        let error = #expect(throws: BriefError.self) {
            _ = try SelectionFile.parse("a1\na2 a3\n", file: "choix.txt")
        }
        #expect(error?.description == "choix.txt:2: expected one passage id per line, found 2 words: a2 a3")
    }

    private func brief(_ choice: BriefChoice) throws(BriefError) -> Brief {
        try BriefSelector.brief(BriefFixture.evidence, choice: choice, title: "T", date: "1er mai 2026")
    }

    private func selection(_ ids: String) throws(BriefError) -> BriefChoice {
        .selection(try SelectionFile.parse(ids, file: "choix.txt"), file: "choix.txt")
    }

    @Test func selectedPassagesGoUnderTheirFirstIssueInSelectionOrder() throws {
        let brief = try brief(try selection("s1\na2\na1\nw1\na1\n"))
        #expect(brief.sections.map(\.issue.id) == ["autonomie", "indicateurs"])
        #expect(brief.sections[0].quotes.map(\.passage.passageId) == ["a2", "a1", "w1"])
        #expect(brief.sections[1].quotes.map(\.passage.passageId) == ["s1"])
        #expect(
            brief.quotes.map(\.key) == [
                "tremblay-2016-aaaa", "tremblay-2016-aaaa", "roy-2020-cccc", "la-reforme-sd-bbbb",
            ])
        // One item per cited document, in source order.
        #expect(brief.references.map(\.id) == ["tremblay-2016-aaaa", "la-reforme-sd-bbbb", "roy-2020-cccc"])
        #expect(brief.title == "T" && brief.date == "1er mai 2026")
    }

    @Test func unknownIdIsAnErrorNamingItAndItsLine() throws {
        let choice = try selection("a1\n\nzz42\n")
        do {
            _ = try brief(choice)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.line == 3)
            #expect(error.description == "choix.txt:3: unknown passage id zz42: no passage of evidence.jsonl has it")
        }
    }

    @Test func duplicateIdPointsToThePassageShownInstead() throws {
        do {
            _ = try brief(try selection("z9"))
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("repeats passage a1 (a.pdf)"), "\(error)")
        }
    }

    @Test func emptySelectionIsAnError() throws {
        #expect(throws: BriefError.self) { try brief(try selection("# rien\n\n")) }
    }

    @Test func topTakesTheFirstPassagesOfEachIssueEachOnce() throws {
        let all = try brief(.top(2, issues: []))
        #expect(all.sections.map(\.issue.id) == ["autonomie", "indicateurs"])
        #expect(all.sections[0].quotes.map(\.passage.passageId) == ["a1", "w1"])
        // a1 is already quoted under autonomie: the next passages of indicateurs come instead.
        #expect(all.sections[1].quotes.map(\.passage.passageId) == ["s1", "a3"])

        let chosen = try brief(.top(1, issues: ["indicateurs", "autonomie", "indicateurs"]))
        #expect(chosen.sections.map(\.issue.id) == ["indicateurs", "autonomie"])
        #expect(chosen.quotes.map(\.passage.passageId) == ["a1", "w1"])
    }

    @Test func unknownIssueIsAUsageErrorListingTheIssues() {
        do {
            _ = try brief(.top(1, issues: ["autonomy"]))
            Issue.record("no error")
        } catch {
            #expect(error.kind == .usage)
            #expect(
                error.description == "unknown issue autonomy; the issues of this run are: autonomie, indicateurs, acces"
            )
        }
    }

    @Test func issuesComeFromThePassagesWithoutARunReport() {
        let evidence = BriefEvidence(
            issues: nil, passages: BriefFixture.passages, references: BriefFixture.references)
        #expect(evidence.issues.map(\.id) == ["autonomie", "indicateurs"])
        #expect(evidence.issues.first?.label == "Autonomie professionnelle")
    }

    @Test func evidenceLinesAreRead() throws {
        let line = #"""
            {"also_in":[{"page":2,"passage_id":"b-4","source":"b.pdf"}],"category":"autonomie","citation":"(X, 2016, p. iv)","citation_needs_check":true,"document_id":"a","end_page":null,"heading":null,"label":"Autonomie","matches":[{"contribution":1.0,"end":3,"start":0,"term":"t","text":"Tex"}],"page":4,"page_label":"iv","pages":"iv","passage_id":"a-0","rank":1,"reference":"X","score":0.5,"source":"a.pdf","text":"Texte \"cité\"."}
            """#
        let passages = try BriefEvidence.passages(jsonLines: Array((line + "\n\n" + line + "\n").utf8), file: "e")
        #expect(passages.count == 2)
        #expect(
            passages.first
                == EvidencePassage(
                    category: "autonomie", label: "Autonomie", rank: 1, passageId: "a-0", source: "a.pdf",
                    text: "Texte \"cité\".", pages: "iv", citation: "(X, 2016, p. iv)", citationNeedsCheck: true,
                    duplicateIds: ["b-4"]))
        let error = #expect(throws: BriefError.self) {
            _ = try BriefEvidence.passages(jsonLines: Array("\(line)\n{\"category\":1}\n".utf8), file: "e")
        }
        #expect(error?.line == 2)
        #expect(error?.kind == .invalidInput)
    }
}
