/// `catalog.csv`: one row per document with the columns `path`, `title`, `authors` (separated
/// by `;`), `year`, `publisher`, `url`. A first row naming the columns (in any order, case
/// ignored) is read as the header; without one the columns are in that order. Fields follow
/// RFC 4180 (double quotes around fields with commas, quotes or line breaks; `""` for a quote).
/// A header written with `;` between columns (as French spreadsheets save CSV) makes `;` the
/// separator. Empty fields leave the document's own metadata.
enum CatalogCSV {
    static let columns = ["path", "title", "authors", "year", "publisher", "url"]

    /// One record and the line it starts on.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String, file: String = Catalog.csvFileName) -> Catalog {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        let separator = separator(forFirstLine: text)
        let (records, problem) = Self.records(String(text), separator: separator)
        var catalog = Catalog()
        var rows = records.filter { !$0.fields.allSatisfy { $0.trimmingSpaces().isEmpty } }
        var order = columns
        if let first = rows.first, isHeader(first.fields) {
            order = first.fields.map { $0.trimmingSpaces().lowercased() }
            for (index, name) in order.enumerated() where !columns.contains(name) {
                catalog.warnings.append(
                    CatalogWarning(file: file, line: first.line, problem: .unknownColumn(first.fields[index])))
            }
            rows.removeFirst()
        }
        for row in rows {
            var values: [String: String] = [:]
            for (index, field) in row.fields.enumerated() {
                guard index < order.count else {
                    catalog.warnings.append(
                        CatalogWarning(
                            file: file, line: row.line,
                            problem: .extraFields(fields: row.fields.count, columns: order.count)))
                    break
                }
                let value = field.trimmingSpaces()
                if !value.isEmpty && values[order[index]] == nil { values[order[index]] = value }
            }
            guard let path = values["path"] else {
                catalog.warnings.append(CatalogWarning(file: file, line: row.line, problem: .rowWithoutPath))
                continue
            }
            var year: String? = nil
            if let given = values["year"] {
                year = given.count > 4 && Self.isISODate(given) ? given : Citation.year(in: given)
                if year == nil {
                    catalog.warnings.append(
                        CatalogWarning(file: file, line: row.line, problem: .notAYear(given)))
                }
            }
            let authors = (values["authors"] ?? "").split(separator: ";").map { String($0).trimmingSpaces() }
                .filter { !$0.isEmpty }
            catalog.entries.append(
                CatalogEntry(
                    path: path, title: values["title"], authors: authors, date: year, publisher: values["publisher"],
                    url: values["url"], file: file, line: row.line))
        }
        if let problem {
            catalog.warnings.append(
                CatalogWarning(file: file, line: problem, problem: .unclosedQuote))
        }
        return catalog
    }

    /// `2016-04` or `2016-04-01`: kept as written (the citation takes its year).
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return (2...3).contains(parts.count) && parts[0].count == 4
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func isHeader(_ fields: [String]) -> Bool {
        fields.contains { $0.trimmingSpaces().lowercased() == "path" }
    }

    /// `;` when the first line names the columns with semicolons between them, `,` otherwise.
    static func separator(forFirstLine text: Substring) -> Unicode.Scalar {
        let line = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        let hasComma = line.contains(",")
        let names = String(String.UnicodeScalarView(line)).split(separator: ";").map {
            String($0).trimmingSpaces().lowercased()
        }
        return !hasComma && names.count > 1 && names.contains("path") ? ";" : ","
    }

    /// The records of the text, and the line of a record whose quote is never closed (its
    /// fields are dropped).
    static func records(_ text: String, separator: Unicode.Scalar = ",") -> ([Record], Int?) {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedFieldLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var fieldStarted = false

        func endRecord() {
            fields.append(String(field))
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = String.UnicodeScalarView()
            fieldStarted = false
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" {
                        let next = scalars.next()
                        if next != "\n" { line += 1 }
                        pending = next
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.allSatisfy({ $0 == " " || $0 == "\t" }):
                inQuotes = true
                quotedFieldLine = line
                field = String.UnicodeScalarView()
                fieldStarted = true
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = true
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes { return (records, quotedFieldLine) }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return (records, nil)
    }
}
