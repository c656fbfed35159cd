/// What is wrong in a catalog file, as data: a stable `code`, the values it names, and the
/// English sentence of the console. Listed in `run.json` (code `catalog_…`), worded in French
/// in `run.md` and `index.html` (`FrenchReasons`).
package enum CatalogProblem: Sendable, Hashable {
    /// A CSV header names a column that is not read.
    case unknownColumn(String)
    /// A CSV row has more fields than columns.
    case extraFields(fields: Int, columns: Int)
    /// A CSV row without a path.
    case rowWithoutPath
    /// A CSV `year` that holds no year.
    case notAYear(String)
    /// A CSV quote never closed: the rest of the file is ignored.
    case unclosedQuote
    /// `catalog.json` is not JSON (the parser's message).
    case invalidJSON(String)
    /// `catalog.json` is not an array.
    case notAnArray
    /// An item of `catalog.json` that is not an object.
    case itemNotAnObject
    /// An item of `catalog.json` with neither a source path nor a title.
    case itemWithoutPathOrTitle
    /// A bare file name that several documents have.
    case ambiguousFileName(String, documents: Int)
    /// A path that names no document of the corpus.
    case unknownPath(String)
    /// A title that several documents have.
    case ambiguousTitle(String, documents: Int)
    /// No path, and no document has the title.
    case unknownTitle(String)
    /// An entry with neither a path nor a title.
    case entryWithoutPathOrTitle
    /// The file cannot be read (the system's message).
    case unreadable(String)
    /// `catalog.csv` is not UTF-8 text.
    case notUTF8

    /// Stable machine-friendly code, `catalog_` and the problem (`catalog_no_path`).
    package var code: String {
        let name =
            switch self {
            case .unknownColumn: "unknown_column"
            case .extraFields: "extra_fields"
            case .rowWithoutPath: "no_path"
            case .notAYear: "not_a_year"
            case .unclosedQuote: "unclosed_quote"
            case .invalidJSON: "invalid_json"
            case .notAnArray: "not_an_array"
            case .itemNotAnObject: "item_not_an_object"
            case .itemWithoutPathOrTitle: "item_without_path_or_title"
            case .ambiguousFileName: "ambiguous_file_name"
            case .unknownPath: "unknown_path"
            case .ambiguousTitle: "ambiguous_title"
            case .unknownTitle: "unknown_title"
            case .entryWithoutPathOrTitle: "entry_without_path_or_title"
            case .unreadable: "unreadable"
            case .notUTF8: "not_utf8"
            }
        return Self.codePrefix + name
    }

    static let codePrefix = "catalog_"

    /// The values the problem names, by single-word names (they survive `run.json`'s key conversion).
    package var values: [String: String] {
        switch self {
        case .unknownColumn(let name): ["column": name]
        case .extraFields(let fields, let columns): ["fields": String(fields), "columns": String(columns)]
        case .notAYear(let text): ["year": text]
        case .invalidJSON(let detail), .unreadable(let detail): ["detail": detail]
        case .ambiguousFileName(let name, let documents): ["name": name, "documents": String(documents)]
        case .unknownPath(let path): ["path": path]
        case .ambiguousTitle(let title, let documents): ["title": title, "documents": String(documents)]
        case .unknownTitle(let title): ["title": title]
        case .rowWithoutPath, .unclosedQuote, .notAnArray, .itemNotAnObject, .itemWithoutPathOrTitle,
            .entryWithoutPathOrTitle, .notUTF8:
            [:]
        }
    }

    /// The English sentence.
    package var message: String {
        switch self {
        case .unknownColumn(let name):
            "unknown column \"\(name)\" ignored (expected \(CatalogCSV.columns.joined(separator: ", ")))"
        case .extraFields(let fields, let columns):
            "\(fields) fields for \(columns) columns; the extra fields are ignored"
        case .rowWithoutPath: "no path; row ignored"
        case .notAYear(let text): "\"\(text)\" is not a year; year ignored"
        case .unclosedQuote: "quote never closed; the rest of the file is ignored"
        case .invalidJSON(let detail): "not valid JSON (\(detail))"
        case .notAnArray: "expected an array of CSL-JSON items"
        case .itemNotAnObject: "item is not an object; ignored"
        case .itemWithoutPathOrTitle: "item has neither a source path nor a title; ignored"
        case .ambiguousFileName(let name, let documents):
            "\(documents) documents are named \"\(name)\"; give the full path"
        case .unknownPath(let path): "no document at \"\(path)\" in the corpus; entry ignored"
        case .ambiguousTitle(let title, let documents):
            "\(documents) documents have the title \"\(title)\"; give a path"
        case .unknownTitle(let title): "no path and no document titled \"\(title)\"; entry ignored"
        case .entryWithoutPathOrTitle: "neither a path nor a title; entry ignored"
        case .unreadable(let detail): "cannot read (\(detail))"
        case .notUTF8: "not UTF-8 text; save it as UTF-8 CSV"
        }
    }

    /// The problem of a code and values from `run.json`; nil when the code is not a catalog
    /// problem this version knows or the values do not fit it.
    package init?(code: String, values: [String: String]) {
        guard code.hasPrefix(Self.codePrefix),
            let problem = Self.known(String(code.dropFirst(Self.codePrefix.count)), values: values)
        else { return nil }
        self = problem
    }

    private static func known(_ name: String, values: [String: String]) -> CatalogProblem? {
        let int = { (key: String) in values[key].flatMap { Int($0) } }
        switch name {
        case "unknown_column": return values["column"].map { .unknownColumn($0) }
        case "extra_fields":
            guard let fields = int("fields"), let columns = int("columns") else { return nil }
            return .extraFields(fields: fields, columns: columns)
        case "no_path": return .rowWithoutPath
        case "not_a_year": return values["year"].map { .notAYear($0) }
        case "unclosed_quote": return .unclosedQuote
        case "invalid_json": return values["detail"].map { .invalidJSON($0) }
        case "not_an_array": return .notAnArray
        case "item_not_an_object": return .itemNotAnObject
        case "item_without_path_or_title": return .itemWithoutPathOrTitle
        case "ambiguous_file_name":
            guard let name = values["name"], let documents = int("documents") else { return nil }
            return .ambiguousFileName(name, documents: documents)
        case "unknown_path": return values["path"].map { .unknownPath($0) }
        case "ambiguous_title":
            guard let title = values["title"], let documents = int("documents") else { return nil }
            return .ambiguousTitle(title, documents: documents)
        case "unknown_title": return values["title"].map { .unknownTitle($0) }
        case "entry_without_path_or_title": return .entryWithoutPathOrTitle
        case "unreadable": return values["detail"].map { .unreadable($0) }
        case "not_utf8": return .notUTF8
        default: return nil
        }
    }
}
