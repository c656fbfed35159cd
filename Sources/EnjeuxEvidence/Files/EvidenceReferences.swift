import EnjeuxModel

/// `references.json`: the bibliography of the evidence as CSL-JSON, one item per document with
/// a passage in `evidence.jsonl`, in source path order. Zotero imports it; `enjeux-brief`
/// cites from it.
package enum EvidenceReferences {
    package static let fileName = "references.json"

    /// The item of every document the issues' entries come from.
    package static func items(_ issues: [IssueEvidence], scoreSet: ScoreSet) -> [CSLItem] {
        let documents = Dictionary(scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sources: [String: String] = [:]
        for entry in issues.lazy.flatMap(\.entries) where sources[entry.source] == nil {
            sources[entry.source] = entry.documentId
        }
        return sources.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { source in
            CSLItem.make(document: sources[source].flatMap { documents[$0] }, source: source)
        }
    }

    /// The file's text.
    package static func json(_ items: [CSLItem]) -> String {
        String(decoding: CSLItem.cslJSON(items), as: UTF8.self)
    }
}
