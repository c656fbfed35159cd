import Foundation

/// One ranked passage of the evidence (a row of `evidence.jsonl`), reduced to what the
/// evaluation needs.
package struct RankedEntry: Sendable, Hashable {
    package var category: String
    /// 1-based rank within the issue.
    package var rank: Int
    /// Path of the document relative to the corpus folder.
    package var source: String
    /// First and last 1-based physical pages (`endPage` nil when the passage is on one page).
    package var page: Int?
    package var endPage: Int?
    package var text: String
    /// `QuoteNormalizer.normalize(text)`.
    package let normalizedText: String

    package init(category: String, rank: Int, source: String, page: Int?, endPage: Int? = nil, text: String) {
        self.category = category
        self.rank = rank
        self.source = source
        self.page = page
        self.endPage = endPage
        self.text = text
        self.normalizedText = QuoteNormalizer.normalize(text)
    }

    /// Whether the passage lies on `goldPage` (its first page, or within its page range).
    package func covers(page goldPage: Int) -> Bool {
        guard let page else { return false }
        return (page...max(page, endPage ?? page)).contains(goldPage)
    }
}

/// Reading `evidence.jsonl` (other fields of its rows are ignored).
package enum EvidenceFile {
    private struct Row: Decodable {
        var category: String
        var rank: Int
        var source: String
        var page: Int?
        var endPage: Int?
        var text: String
    }

    /// Parses evidence JSON Lines; `file` names the file in errors.
    package static func parse(_ text: String, file: String = "evidence.jsonl") throws(EvaluationError) -> [RankedEntry]
    {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var entries: [RankedEntry] = []
        for (number, line) in JSONLines.lines(text) {
            do {
                let row = try decoder.decode(Row.self, from: Data(line.utf8))
                entries.append(
                    RankedEntry(
                        category: row.category, rank: row.rank, source: row.source, page: row.page,
                        endPage: row.endPage, text: row.text))
            } catch {
                throw EvaluationError(file: file, line: number, message: "not an evidence row: \(describe(error))")
            }
        }
        return entries
    }

    /// Reads `evidence.jsonl` from an evidence folder (or the file itself).
    package static func load(from url: URL) throws(EvaluationError) -> [RankedEntry] {
        var isFolder: ObjCBool = false
        let file =
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? url.appendingPathComponent("evidence.jsonl") : url
        return try parse(FileText.read(file), file: file.path)
    }
}
