import EnjeuxEvaluation
import Testing

@Suite struct FileReadingTests {
    @Test func goldLinesAreReadWithNullPages() throws {
        let text = """
            {"source": "a.pdf", "category": "indicateurs", "grade": 2, "quote": "Une citation assez longue", "page": 3}

            {"source": "b.html", "category": "acces", "grade": 1, "quote": "Une autre citation", "page": null}
            """
        let gold = try GoldFile.parse(text)
        #expect(gold.count == 2)
        #expect(gold[0].page == 3 && gold[0].grade == 2 && gold[0].normalizedQuote == "une citation assez longue")
        #expect(gold[1].page == nil && gold[1].category == "acces")
    }

    @Test func badGoldLinesAreReportedWithTheirLine() {
        let text = """
            {"source": "a.pdf", "category": "x", "grade": 2, "quote": "Un texte", "page": 1}
            {"source": "a.pdf", "category": "x", "grade": 3, "quote": "Un texte", "page": 1}
            """
        #expect(throws: EvaluationError(file: "gold", line: 2, message: "grade must be 1 or 2, not 3")) {
            try GoldFile.parse(text)
        }
        #expect(throws: EvaluationError.self) { try GoldFile.parse("{\"source\": \"a\"}") }
        #expect(throws: EvaluationError.self) { try GoldFile.parse("not json") }
    }

    @Test func evidenceRowsKeepTheFieldsTheEvaluationNeeds() throws {
        let text = """
            {"category":"ngp","label":"NGP","rank":2,"score":1.5,"source":"web/a.html","page":1,"text":"Texte B","matches":[]}
            {"category":"ngp","label":"NGP","rank":1,"score":2.5,"source":"r.pdf","page":1,"end_page":2,"text":"Texte A","matches":[]}
            """
        let entries = try EvidenceFile.parse(text)
        #expect(entries.map(\.rank) == [2, 1])
        #expect(entries[1].endPage == 2 && entries[1].covers(page: 2) && !entries[1].covers(page: 3))
        #expect(entries[0].source == "web/a.html" && entries[0].endPage == nil)
        #expect(throws: EvaluationError.self) { try EvidenceFile.parse("{\"category\":\"ngp\"}") }
    }
}
