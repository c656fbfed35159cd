import EnjeuxModel
import Foundation

/// Finds the document each catalog entry describes:
/// 1. an entry with a path matches the document at that path relative to the corpus (`./` and
///    `\` tolerated); a bare file name matches the one document with that file name;
/// 2. an entry without a path matches the one document whose own title is the entry's title
///    (case and runs of whitespace ignored).
/// An entry that matches nothing, or a bare name or title shared by several documents, is
/// reported and ignored.
struct CatalogMatcher {
    struct Matches {
        var matched: [String: [CatalogEntry]] = [:]
        var unmatched: [CatalogWarning] = []

        func entries(for documentId: String) -> [CatalogEntry] { matched[documentId] ?? [] }
    }

    private var byPath: [String: String] = [:]
    private var byFileName: [String: [String]] = [:]
    private var byTitle: [String: [String]] = [:]

    init(documents: [DocumentSummary]) {
        for document in documents {
            let path = Self.normalisedPath(document.source)
            if byPath[path] == nil { byPath[path] = document.id }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            byFileName[name, default: []].append(document.id)
            if let title = document.metadata.title.map(Self.titleKey), !title.isEmpty {
                byTitle[title, default: []].append(document.id)
            }
        }
    }

    func match(_ entries: [CatalogEntry]) -> Matches {
        var result = Matches()
        for entry in entries {
            switch documentId(for: entry) {
            case .success(let id): result.matched[id, default: []].append(entry)
            case .failure(let problem): result.unmatched.append(problem.warning(for: entry))
            }
        }
        return result
    }

    struct Problem: Error {
        var problem: CatalogProblem

        func warning(for entry: CatalogEntry) -> CatalogWarning {
            CatalogWarning(file: entry.file, line: entry.line, problem: problem)
        }
    }

    private func documentId(for entry: CatalogEntry) -> Result<String, Problem> {
        if let rawPath = Catalog.nonEmpty(entry.path) {
            let path = Self.normalisedPath(rawPath)
            if let id = byPath[path] { return .success(id) }
            if !path.contains("/") {
                let ids = byFileName[path] ?? []
                if ids.count == 1, let id = ids.first { return .success(id) }
                if ids.count > 1 {
                    return .failure(
                        Problem(problem: .ambiguousFileName(path, documents: ids.count)))
                }
            }
            return .failure(Problem(problem: .unknownPath(rawPath)))
        }
        if let title = Catalog.nonEmpty(entry.title) {
            let ids = byTitle[Self.titleKey(title)] ?? []
            if ids.count == 1, let id = ids.first { return .success(id) }
            if ids.count > 1 {
                return .failure(Problem(problem: .ambiguousTitle(title, documents: ids.count)))
            }
            return .failure(Problem(problem: .unknownTitle(title)))
        }
        return .failure(Problem(problem: .entryWithoutPathOrTitle))
    }

    static func normalisedPath(_ path: String) -> String {
        var value = path.trimmingSpaces().replacingOccurrences(of: "\\", with: "/")
        while value.hasPrefix("./") { value.removeFirst(2) }
        while value.hasPrefix("/") { value.removeFirst() }
        return value
    }

    static func titleKey(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
