import Foundation

/// One graded judgement of the gold file: a verbatim quote of a document and how relevant
/// it is to one issue.
package struct GoldLine: Sendable, Hashable {
    /// The document, as a path relative to the corpus folder (its file name when the
    /// corpus is flat).
    package var source: String
    /// The issue id.
    package var category: String
    /// 2 (makes a point about the issue) or 1 (other sector, or in passing).
    package var grade: Int
    /// The quote as written in the document.
    package var quote: String
    /// The 1-based physical page of a PDF quote; nil for HTML.
    package var page: Int?
    /// `QuoteNormalizer.normalize(quote)`.
    package let normalizedQuote: String

    package init(source: String, category: String, grade: Int, quote: String, page: Int?) {
        self.source = source
        self.category = category
        self.grade = grade
        self.quote = quote
        self.page = page
        self.normalizedQuote = QuoteNormalizer.normalize(quote)
    }
}

/// Reading gold files (JSON Lines: `source`, `category`, `grade`, `quote`, `page`).
package enum GoldFile {
    private struct Row: Decodable {
        var source: String
        var category: String
        var grade: Int
        var quote: String
        var page: Int?
    }

    /// Parses gold JSON Lines; `file` names the file in errors. Blank lines are skipped.
    package static func parse(_ text: String, file: String = "gold") throws(EvaluationError) -> [GoldLine] {
        var lines: [GoldLine] = []
        let decoder = JSONDecoder()
        for (number, line) in JSONLines.lines(text) {
            let row: Row
            do {
                row = try decoder.decode(Row.self, from: Data(line.utf8))
            } catch {
                throw EvaluationError(file: file, line: number, message: "not a gold line: \(describe(error))")
            }
            guard row.grade == 1 || row.grade == 2 else {
                throw EvaluationError(file: file, line: number, message: "grade must be 1 or 2, not \(row.grade)")
            }
            let gold = GoldLine(
                source: row.source, category: row.category, grade: row.grade, quote: row.quote, page: row.page)
            guard !gold.normalizedQuote.isEmpty else {
                throw EvaluationError(file: file, line: number, message: "the quote has no letters or digits")
            }
            lines.append(gold)
        }
        return lines
    }

    /// Reads a gold file from disk.
    package static func load(from url: URL) throws(EvaluationError) -> [GoldLine] {
        try parse(FileText.read(url), file: url.path)
    }
}

/// Reading UTF-8 text files with a typed error.
enum FileText {
    static func read(_ url: URL) throws(EvaluationError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EvaluationError(file: url.path, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError(file: url.path, line: 0, message: "not UTF-8 text")
        }
        return text
    }
}

/// A short, readable description of a decoding error.
func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        "wrong type for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
    case DecodingError.dataCorrupted: "invalid JSON"
    default: "\(error)"
    }
}
