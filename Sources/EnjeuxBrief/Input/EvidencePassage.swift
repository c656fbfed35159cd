import EnjeuxSupport

/// A passage of the evidence as a brief quotes it: one line of `evidence.jsonl` (see
/// docs/evidence.md), reduced to what the brief needs.
package struct EvidencePassage: Sendable, Hashable {
    /// Issue id and label.
    package var category: String
    package var label: String
    /// 1-based rank within the issue.
    package var rank: Int
    package var passageId: String
    /// Path of the document relative to the corpus folder.
    package var source: String
    /// The passage as extracted, quoted as it is.
    package var text: String
    /// The page or page span as cited (`12`, `iv`, `3-4`); nil for a web page.
    package var pages: String?
    /// The paragraph number of a passage of a Word, OpenDocument or text file that records no
    /// pages (`location` `paragraph` in the evidence); nil otherwise.
    package var paragraph: Int?
    /// The evidence's own citation, for messages.
    package var citation: String
    package var citationNeedsCheck: Bool
    /// Passage ids of the duplicates shown under this passage.
    package var duplicateIds: [String]
    /// The evidence's OCR flag (`ocr`: « texte reconnu par OCR, confiance 91 % — vérifier la
    /// citation ») of a passage read by OCR; nil otherwise.
    package var ocrFlag: String?

    package init(
        category: String, label: String, rank: Int, passageId: String, source: String, text: String,
        pages: String?, paragraph: Int? = nil, citation: String = "", citationNeedsCheck: Bool = false,
        duplicateIds: [String] = [], ocrFlag: String? = nil
    ) {
        self.category = category
        self.label = label
        self.rank = rank
        self.passageId = passageId
        self.source = source
        self.text = text
        self.pages = pages
        self.paragraph = paragraph
        self.citation = citation
        self.citationNeedsCheck = citationNeedsCheck
        self.duplicateIds = duplicateIds
        self.ocrFlag = ocrFlag
    }
}

extension EvidencePassage: JSONReadable {
    /// Reads an `evidence.jsonl` object; keys the brief does not use are skipped.
    package init(from reader: inout JSONReader) throws(JSONReadError) {
        var category: String?
        var label: String?
        var rank: Int?
        var passageId: String?
        var source: String?
        var text: String?
        var pages: String?
        var paragraph: Int?
        var citation = ""
        var needsCheck = false
        var duplicates: [String] = []
        var ocrFlag: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "category": category = try reader.readString()
            case "label": label = try reader.readString()
            case "rank": rank = try reader.readInt()
            case "passage_id": passageId = try reader.readString()
            case "source": source = try reader.readString()
            case "text": text = try reader.readString()
            case "pages": pages = try reader.readOptionalString()
            case "paragraph": paragraph = try reader.readOptionalInt()
            case "citation": citation = try reader.readString()
            case "citation_needs_check": needsCheck = try reader.readBool()
            case "ocr": ocrFlag = try reader.readOptionalString()
            case "also_in":
                try reader.beginArray()
                while try reader.nextElement() {
                    try reader.beginObject()
                    while let field = try reader.nextKey() {
                        if field == "passage_id" {
                            duplicates.append(try reader.readString())
                        } else {
                            try reader.skipValue()
                        }
                    }
                }
            default: try reader.skipValue()
            }
        }
        self.init(
            category: try reader.required(category, "category"), label: label ?? "",
            rank: try reader.required(rank, "rank"), passageId: try reader.required(passageId, "passage_id"),
            source: try reader.required(source, "source"), text: try reader.required(text, "text"), pages: pages,
            paragraph: paragraph, citation: citation, citationNeedsCheck: needsCheck, duplicateIds: duplicates,
            ocrFlag: ocrFlag)
    }
}
