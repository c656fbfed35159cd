import EnjeuxModel
import Foundation

/// Bibliographic data for one document, from the corpus catalog. A nil (or empty) field is
/// not given and leaves the document's own metadata as it is.
package struct CatalogEntry: Sendable, Hashable {
    /// Path of the document relative to the corpus folder (or a bare file name).
    package var path: String?
    package var title: String?
    package var authors: [String]
    /// A year (`2016`) or an ISO 8601 date (`2016-04-01`).
    package var date: String?
    package var publisher: String?
    package var url: String?
    /// The catalog file the entry was read from (`catalog.csv`).
    package var file: String
    /// The 1-based line where the entry starts.
    package var line: Int

    package init(
        path: String? = nil, title: String? = nil, authors: [String] = [], date: String? = nil,
        publisher: String? = nil, url: String? = nil, file: String, line: Int
    ) {
        self.path = path
        self.title = title
        self.authors = authors
        self.date = date
        self.publisher = publisher
        self.url = url
        self.file = file
        self.line = line
    }
}

/// A problem in a catalog file: the file, the 1-based line, and what is wrong.
package struct CatalogWarning: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var problem: CatalogProblem

    package init(file: String, line: Int, problem: CatalogProblem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// The English sentence (`no path; row ignored`).
    package var message: String { problem.message }

    package var description: String { "\(file):\(line): \(message)" }

    /// The warning as listed in `run.json`: the problem's code and values, and the line.
    package var runWarning: RunWarning {
        var values = problem.values
        values["line"] = String(line)
        return RunWarning(path: file, code: problem.code, message: "line \(line): \(message)", values: values)
    }
}

/// The corpus catalog: bibliographic data that overrides, field by field, what the documents
/// say about themselves. Read from `catalog.json` (CSL-JSON, as Zotero exports it) and
/// `catalog.csv` in the corpus folder; see `docs/evidence.md` for the matching rules.
package struct Catalog: Sendable, Hashable {
    /// Entries in reading order: `catalog.json` first, then `catalog.csv`, so that a CSV field
    /// overrides a CSL-JSON field for the same document.
    package var entries: [CatalogEntry]
    package var warnings: [CatalogWarning]

    package static let jsonFileName = "catalog.json"
    package static let csvFileName = "catalog.csv"

    package init(entries: [CatalogEntry] = [], warnings: [CatalogWarning] = []) {
        self.entries = entries
        self.warnings = warnings
    }

    /// Reads `catalog.json` and `catalog.csv` from the corpus folder; a missing file is no
    /// catalog, an unreadable one is a warning.
    package static func load(corpus: URL) -> Catalog {
        var catalog = Catalog()
        let json = corpus.appendingPathComponent(jsonFileName)
        if FileManager.default.fileExists(atPath: json.path) {
            do {
                catalog.append(parseCSLJSON(try Data(contentsOf: json)))
            } catch {
                catalog.warnings.append(CatalogWarning(file: jsonFileName, line: 1, problem: .unreadable("\(error)")))
            }
        }
        let csv = corpus.appendingPathComponent(csvFileName)
        if FileManager.default.fileExists(atPath: csv.path) {
            do {
                let data = try Data(contentsOf: csv)
                guard let text = String(data: data, encoding: .utf8) else {
                    catalog.warnings.append(CatalogWarning(file: csvFileName, line: 1, problem: .notUTF8))
                    return catalog
                }
                catalog.append(parseCSV(text))
            } catch {
                catalog.warnings.append(CatalogWarning(file: csvFileName, line: 1, problem: .unreadable("\(error)")))
            }
        }
        return catalog
    }

    /// Parses the text of a `catalog.csv` (pure; problems become warnings with line numbers).
    package static func parseCSV(_ text: String, file: String = csvFileName) -> Catalog {
        CatalogCSV.parse(text, file: file)
    }

    /// Parses the bytes of a CSL-JSON `catalog.json` (pure; problems become warnings with the
    /// line of the item).
    package static func parseCSLJSON(_ data: Data, file: String = jsonFileName) -> Catalog {
        CatalogCSLJSON.parse(data, file: file)
    }

    /// Adds another catalog's entries and warnings after these.
    package mutating func append(_ other: Catalog) {
        entries += other.entries
        warnings += other.warnings
    }

    /// The score set with the catalog applied to every document it matches, and a warning for
    /// every entry that matches no document.
    package func applied(to scoreSet: ScoreSet) -> (scoreSet: ScoreSet, warnings: [CatalogWarning]) {
        var result = scoreSet
        let matches = CatalogMatcher(documents: scoreSet.documents).match(entries)
        for (index, document) in result.documents.enumerated() {
            for entry in matches.entries(for: document.id) {
                result.documents[index].metadata = Self.overriding(result.documents[index].metadata, with: entry)
            }
        }
        return (result, matches.unmatched)
    }

    /// The metadata with every field the entry gives replaced by the entry's. A title from the
    /// catalog is no longer a guess: its `titleSource` is cleared.
    package static func overriding(_ metadata: DocumentMetadata, with entry: CatalogEntry) -> DocumentMetadata {
        var metadata = metadata
        if let title = nonEmpty(entry.title) {
            metadata.title = title
            metadata.titleSource = nil
        }
        let authors = entry.authors.compactMap(nonEmpty)
        if !authors.isEmpty { metadata.authors = authors }
        if let date = nonEmpty(entry.date) { metadata.date = date }
        if let publisher = nonEmpty(entry.publisher) { metadata.publisher = publisher }
        if let url = nonEmpty(entry.url) { metadata.url = url }
        return metadata
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let value = text?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
