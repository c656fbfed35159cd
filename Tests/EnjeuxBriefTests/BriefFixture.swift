import EnjeuxBrief
import EnjeuxModel

/// A small evidence: three issues, passages of a PDF (with page labels), a web page and a
/// document without author or year; one passage shown under two issues, one duplicate.
enum BriefFixture {
    static let issues = [
        BriefIssue(id: "autonomie", label: "Autonomie professionnelle"),
        BriefIssue(id: "indicateurs", label: "Indicateurs de performance"),
        BriefIssue(id: "acces", label: "Accès aux services"),
    ]

    static func passage(
        _ id: String, _ category: String, rank: Int, source: String = "a.pdf", pages: String? = "12",
        text: String? = nil, needsCheck: Bool = false, duplicates: [String] = []
    ) -> EvidencePassage {
        let label = issues.first { $0.id == category }?.label ?? category
        return EvidencePassage(
            category: category, label: label, rank: rank, passageId: id, source: source,
            text: text ?? "Texte du passage \(id).", pages: pages, citation: "(X, 2016, p. 12)",
            citationNeedsCheck: needsCheck, duplicateIds: duplicates)
    }

    static let passages = [
        passage("a1", "autonomie", rank: 1, pages: "iv", duplicates: ["z9"]),
        passage("w1", "autonomie", rank: 2, source: "web/page.html", pages: nil),
        passage("a2", "autonomie", rank: 3, pages: "3-4"),
        passage("a1", "indicateurs", rank: 1, pages: "iv"),
        passage("s1", "indicateurs", rank: 2, source: "s.pdf", pages: "7", needsCheck: true),
        passage("a3", "indicateurs", rank: 3),
    ]

    static let references = [
        CSLItem(
            id: "tremblay-2016-aaaa", type: "report", title: "Le Lean",
            authors: [CSLName(family: "Tremblay", given: "Marie")], issued: CSLDate(year: 2016), source: "a.pdf"),
        CSLItem(id: "la-reforme-sd-bbbb", type: "report", title: "La réforme", source: "s.pdf"),
        CSLItem(
            id: "roy-2020-cccc", type: "webpage", title: "Page", authors: [CSLName(family: "Roy", given: "Jean")],
            issued: CSLDate(year: 2020), url: "https://a.example/", source: "web/page.html"),
    ]

    static let evidence = BriefEvidence(issues: issues, passages: passages, references: references)
}
