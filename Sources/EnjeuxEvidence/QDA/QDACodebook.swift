import EnjeuxModel

/// The codes of the project: a folder named after the lexicon holding one code per issue,
/// each with its label, description and colour; under an issue, one code per judgment grade
/// when someone judged passages for it.
struct QDACodebook: Sendable, Hashable {
    struct Code: Sendable, Hashable {
        var guid: String
        var name: String
        var description: String
        var color: String?
        var isCodable: Bool
        var children: [Code]
    }

    /// Colours of the issue codes in lexicon order (then again from the first).
    static let palette = [
        "#2E6DB4", "#D9822B", "#3A9A4A", "#C23B3B", "#7E57C2", "#8C6D46", "#D45FA6", "#5F6B73", "#A5A23A",
        "#2AA1B3",
    ]

    var folder: Code
    /// Issue id → code GUID.
    var issueCodes: [String: String]
    /// "issue grade" → code GUID of the grade code.
    var gradeCodes: [String: String]

    init(lexicon: LexiconInfo, categories: [CategoryInfo], judgments: [EvidenceJudgment]) {
        var issueCodes: [String: String] = [:]
        var gradeCodes: [String: String] = [:]
        let grades = Dictionary(grouping: judgments, by: \.issue).mapValues { Set($0.map(\.grade)).sorted(by: >) }
        let children = categories.enumerated().map { offset, category in
            let guid = QDAGUID.make("code", lexicon.name, category.id)
            issueCodes[category.id] = guid
            let gradeChildren = (grades[category.id] ?? []).map { grade in
                let judgment = EvidenceJudgment(
                    passageId: "", source: "", issue: category.id, grade: grade, judge: "", time: "")
                let code = Code(
                    guid: QDAGUID.make("grade", lexicon.name, category.id, String(grade)),
                    name: "Jugé \(judgment.gradeLabel) (\(grade))",
                    description:
                        "Passages jugés \(judgment.gradeLabel) pour l’enjeu « \(category.label) » (note \(grade)).",
                    color: nil, isCodable: true, children: [])
                gradeCodes["\(category.id) \(grade)"] = code.guid
                return code
            }
            return Code(
                guid: guid, name: category.label.isEmpty ? category.id : category.label,
                description: category.description, color: Self.palette[offset % Self.palette.count],
                isCodable: true, children: gradeChildren)
        }
        folder = Code(
            guid: QDAGUID.make("folder", lexicon.name), name: lexicon.name,
            description: "Enjeux du lexique « \(lexicon.name) », version \(lexicon.version).", color: nil,
            isCodable: false, children: children)
        self.issueCodes = issueCodes
        self.gradeCodes = gradeCodes
    }

    /// Writes the codes as `<Code>` elements (project and codebook share the element names).
    func write(into xml: inout QDAXML) {
        write(folder, into: &xml)
    }

    private func write(_ code: Code, into xml: inout QDAXML) {
        xml.open(
            "Code",
            [
                ("guid", code.guid), ("name", code.name), ("isCodable", code.isCodable ? "true" : "false"),
                ("color", code.color),
            ])
        if !code.description.isEmpty { xml.element("Description", code.description) }
        for child in code.children { write(child, into: &xml) }
        xml.close("Code")
    }

    /// The codebook alone (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`).
    func codebookXML() -> String {
        var xml = QDAXML()
        xml.open("CodeBook", [("xmlns", "urn:QDA-XML:codebook:1.0"), ("origin", "Enjeux")])
        xml.open("Codes")
        write(into: &xml)
        xml.close("Codes")
        xml.close("CodeBook")
        return xml.text
    }
}
