import Foundation

/// `catalog.json`: an array of CSL-JSON items, as Zotero exports them ("Export Collection…",
/// format CSL JSON). Fields read: `title`; `author` (`{family, given}`, with an optional
/// `non-dropping-particle`, or `{literal}` for an organisation), written `Family, Given` so the
/// surname is exact; `issued` (`date-parts`, else `raw` or `literal`); `publisher`, else
/// `container-title`; `URL`. The document is given by, in this order: an `enjeux-source`
/// field; a line `source: path` or `enjeux-source: path` in `note` (Zotero's *Extra* field);
/// the `source` field when it names a corpus file (ends with `.pdf`, `.html`, `.htm`, `.xhtml`,
/// `.mhtml` or `.mht`).
/// Without any of them the item matches the document with the same title.
enum CatalogCSLJSON {
    static func parse(_ data: Data, file: String = Catalog.jsonFileName) -> Catalog {
        var catalog = Catalog()
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)"
            catalog.warnings.append(CatalogWarning(file: file, line: 1, problem: .invalidJSON(detail)))
            return catalog
        }
        guard let items = root as? [Any] else {
            catalog.warnings.append(CatalogWarning(file: file, line: 1, problem: .notAnArray))
            return catalog
        }
        let lines = itemLines(Array(data))
        for (index, value) in items.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            guard let item = value as? [String: Any] else {
                catalog.warnings.append(CatalogWarning(file: file, line: line, problem: .itemNotAnObject))
                continue
            }
            let entry = CatalogEntry(
                path: path(of: item), title: string(item["title"]), authors: authors(item["author"]),
                date: date(item["issued"]), publisher: string(item["publisher"]) ?? string(item["container-title"]),
                url: string(item["URL"]), file: file, line: line)
            if entry.path == nil && entry.title == nil {
                catalog.warnings.append(CatalogWarning(file: file, line: line, problem: .itemWithoutPathOrTitle))
                continue
            }
            catalog.entries.append(entry)
        }
        return catalog
    }

    /// The corpus path an item names, if any.
    static func path(of item: [String: Any]) -> String? {
        if let path = string(item["enjeux-source"]) { return path }
        if let note = item["note"] as? String {
            for line in note.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let key = String(parts[0]).trimmingSpaces().lowercased()
                let value = String(parts[1]).trimmingSpaces()
                if (key == "source" || key == "enjeux-source") && !value.isEmpty { return value }
            }
        }
        if let source = string(item["source"]) {
            let lower = source.lowercased()
            let documentExtensions = [
                ".pdf", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".docx", ".docm", ".odt", ".fodt", ".txt", ".md",
                ".markdown",
            ]
            if documentExtensions.contains(where: { lower.hasSuffix($0) }) {
                return source
            }
        }
        return nil
    }

    static func authors(_ value: Any?) -> [String] {
        guard let names = value as? [Any] else { return [] }
        return names.compactMap { value -> String? in
            guard let name = value as? [String: Any] else { return nil }
            if let literal = string(name["literal"]) { return "{\(literal)}" }
            let particle = string(name["non-dropping-particle"])
            let family = string(name["family"]).map { family in particle.map { "\($0) \(family)" } ?? family }
            let given = string(name["given"])
            switch (family, given) {
            case (let family?, let given?): return "\(family), \(given)"
            case (let family?, nil): return family
            case (nil, let given?): return given
            case (nil, nil): return nil
            }
        }
    }

    /// `2016`, `2016-04` or `2016-04-01` from `date-parts`; the `raw` or `literal` text otherwise.
    static func date(_ value: Any?) -> String? {
        guard let issued = value as? [String: Any] else { return string(value) }
        if let parts = issued["date-parts"] as? [Any], let first = parts.first as? [Any] {
            let numbers = first.prefix(3).compactMap { part -> Int? in
                if let number = part as? Int { return number }
                if let text = part as? String { return Int(text.trimmingSpaces()) }
                return nil
            }
            if numbers.count == min(first.count, 3), let year = numbers.first, (1000...2999).contains(year) {
                let rest = numbers.dropFirst().map { $0 < 10 ? "0\($0)" : String($0) }
                return ([String(year)] + rest).joined(separator: "-")
            }
        }
        return string(issued["raw"]) ?? string(issued["literal"])
    }

    static func string(_ value: Any?) -> String? {
        if let text = value as? String { return Catalog.nonEmpty(text) }
        if let number = value as? Int { return String(number) }
        return nil
    }

    /// The line on which each element of the top-level array starts.
    static func itemLines(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var expectingElement = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if expectingElement && !isSpace && byte != UInt8(ascii: "]") {
                lines.append(line)
                expectingElement = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 && byte == UInt8(ascii: "[") { expectingElement = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectingElement = true }
            default: break
            }
        }
        return lines
    }
}
