import EnjeuxModel
import EnjeuxSupport

/// An issue of the run, as a brief heads its passages.
package struct BriefIssue: Sendable, Hashable {
    package var id: String
    package var label: String

    package init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// What a brief draws from in an Evidence folder: the issues in lexicon order, the ranked
/// passages (`evidence.jsonl`) and the documents' CSL-JSON items (`references.json`).
package struct BriefEvidence: Sendable, Hashable {
    package var issues: [BriefIssue]
    package var passages: [EvidencePassage]
    /// Items by the corpus path of their document.
    package var references: [String: CSLItem]

    /// `issues` as the run listed them (`run.json`); nil takes them from the passages, in
    /// order of appearance (the lexicon's order in `evidence.jsonl`).
    package init(issues: [BriefIssue]?, passages: [EvidencePassage], references: [CSLItem]) {
        self.passages = passages
        var bySource: [String: CSLItem] = [:]
        for item in references {
            if let source = item.source, bySource[source] == nil { bySource[source] = item }
        }
        self.references = bySource
        if let issues {
            self.issues = issues
        } else {
            var seen = Set<String>()
            self.issues = passages.compactMap { passage in
                seen.insert(passage.category).inserted ? BriefIssue(id: passage.category, label: passage.label) : nil
            }
        }
    }

    /// The passages of `evidence.jsonl`, one JSON object per line; `file` names it in errors.
    package static func passages(jsonLines bytes: [UInt8], file: String) throws(BriefError) -> [EvidencePassage] {
        var passages: [EvidencePassage] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                passages.append(try EvidencePassage(jsonBytes: Array(line)))
            } catch {
                throw BriefError(
                    .invalidInput, path: file, line: lineNumber, message: "not an evidence line (\(error.message))")
            }
        }
        return passages
    }

    /// The items of `references.json`, a CSL-JSON array.
    package static func references(cslJSON bytes: [UInt8], file: String) throws(BriefError) -> [CSLItem] {
        do {
            return try [CSLItem](jsonBytes: bytes)
        } catch {
            throw BriefError(.invalidInput, path: file, message: "not a CSL-JSON array (\(error.description))")
        }
    }
}
