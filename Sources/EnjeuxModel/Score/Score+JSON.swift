import EnjeuxSupport

/// The members of `scores.json` (docs/formats.md §3).
extension ScoredPassage: JSONObject {
    public static let jsonMembers: [JSONMember<ScoredPassage>] = [
        .init("document_id", \.documentId), .init("end_page", \.endPage), .init("end_page_label", \.endPageLabel),
        .init("heading", \.heading), .init("index", \.index), .init("page", \.page), .init("page_label", \.pageLabel),
        .init("paragraph", \.paragraph), .init("passage_id", \.passageId), .init("scores", \.scores),
        .init("text", \.text),
    ]

    public static var jsonBlank: ScoredPassage {
        // A scored passage is built from a passage; its block kind and tokens are not stored.
        ScoredPassage(
            documentId: "", passage: Passage(id: "", index: 0, page: 0, blockKind: .paragraph, text: "", tokens: []),
            scores: [])
    }

    public var jsonSizeEstimate: Int { text.utf8.count * 2 + 256 }

    /// Written by hand, in the order of `jsonMembers`, like scores and matches: they are nearly
    /// all of `scores.json`, and the members' generic closures would slow the score stage down.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "document_id")
        writer.string(documentId)
        writer.field("end_page", endPage)
        writer.field("end_page_label", endPageLabel)
        writer.field("heading", heading)
        writer.key(literal: "index")
        writer.int(index)
        writer.key(literal: "page")
        writer.int(page)
        writer.field("page_label", pageLabel)
        writer.field("paragraph", paragraph)
        writer.key(literal: "passage_id")
        writer.string(passageId)
        writer.key(literal: "scores")
        writeArray(scores, to: &writer)
        writer.key(literal: "text")
        writer.string(text)
        writer.endObject()
    }
}

extension CategoryScore: JSONObject {
    public static let jsonMembers: [JSONMember<CategoryScore>] = [
        .init("category", \.category), .init("matches", \.matches), .init("score", \.score),
    ]

    public static var jsonBlank: CategoryScore { CategoryScore(category: "", score: 0, matches: []) }

    /// Written by hand, in the order of `jsonMembers` (see `ScoredPassage.write(to:)`).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("category", category)
        writer.key(literal: "matches")
        writeArray(matches, to: &writer)
        writer.field("score", score)
        writer.endObject()
    }
}

extension TermMatch: JSONObject {
    public static let jsonMembers: [JSONMember<TermMatch>] = [
        .init("contribution", \.contribution), .init("end", \.end), .init("start", \.start), .init("term", \.term),
        .init("text", \.text),
    ]

    public static var jsonBlank: TermMatch { TermMatch(term: "", text: "", start: 0, end: 0, contribution: 0) }

    /// Written by hand, in the order of `jsonMembers` (see `ScoredPassage.write(to:)`).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "contribution")
        writer.double(contribution)
        writer.key(literal: "end")
        writer.int(end)
        writer.key(literal: "start")
        writer.int(start)
        writer.key(literal: "term")
        writer.string(term)
        writer.key(literal: "text")
        writer.string(text)
        writer.endObject()
    }
}

extension DocumentSummary: JSONObject {
    public static let jsonMembers: [JSONMember<DocumentSummary>] = [
        .init("format", \.format), .init("id", \.id), .init("metadata", \.metadata), .init("ocr_pages", \.ocrPages),
        .init("page_count", \.pageCount),
        .init("passage_count", \.passageCount), .init("sha256", \.sha256), .init("source", \.source),
        .init("warnings", \.warnings),
    ]

    public static var jsonBlank: DocumentSummary {
        DocumentSummary(
            id: "", source: "", sha256: "", format: .html, metadata: DocumentMetadata(), pageCount: 0, passageCount: 0,
            warnings: [])
    }
}

extension CategoryInfo: JSONObject {
    public static let jsonMembers: [JSONMember<CategoryInfo>] = [
        .init("description", \.description), .init("id", \.id), .init("label", \.label),
    ]

    public static var jsonBlank: CategoryInfo { CategoryInfo(id: "", label: "", description: "") }
}

extension LexiconInfo: JSONObject {
    public static let jsonMembers: [JSONMember<LexiconInfo>] = [
        .init("name", \.name), .init("path", \.path), .init("sha256", \.sha256), .init("version", \.version),
    ]

    public static var jsonBlank: LexiconInfo { LexiconInfo(path: "", sha256: "", name: "", version: "") }
}
