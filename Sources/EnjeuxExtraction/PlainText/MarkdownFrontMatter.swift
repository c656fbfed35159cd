import EnjeuxModel
import Foundation
import Yams

/// The YAML front matter of a Markdown file (between a first line `---` and a line `---` or
/// `...`), as Pandoc, Jekyll and Hugo write it: `title`, `author` (a name, a list of names,
/// or a list of `{name: …}`), `date`, `lang`/`language`, `subject`/`description`,
/// `keywords`/`tags`, `publisher`/`organization`, `url`. A front matter that is not valid
/// YAML is kept as text, with a warning.
enum MarkdownFrontMatter {
    /// The front matter's lines and the lines after it, or nil when the text has none.
    static func split(_ lines: [TextLines.Line]) -> (yaml: String, rest: ArraySlice<TextLines.Line>)? {
        guard case .text(let first)? = lines.first, first.trimmingTrailingSpaces == "---" else { return nil }
        var yaml: [Substring] = []
        for index in lines.indices.dropFirst() {
            guard case .text(let line) = lines[index] else { return nil }
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." { return (yaml.joined(separator: "\n"), lines[(index + 1)...]) }
            yaml.append(line)
        }
        return nil
    }

    /// The metadata the front matter gives, or nil when it is not a YAML mapping.
    static func metadata(_ yaml: String) -> DocumentMetadata? {
        guard let loaded = try? Yams.load(yaml: yaml), let fields = loaded as? [String: Any] else { return nil }
        var lowered: [String: Any] = [:]
        for (key, value) in fields { lowered[key.lowercased()] = value }
        var metadata = DocumentMetadata()
        if let title = text(lowered["title"]) {
            metadata.title = title
            metadata.titleSource = .frontMatter
        }
        metadata.authors = names(lowered["author"] ?? lowered["authors"])
        metadata.date = date(lowered["date"])
        metadata.language = text(lowered["lang"] ?? lowered["language"])
        metadata.subject = text(lowered["subject"] ?? lowered["description"] ?? lowered["abstract"])
        metadata.keywords = list(lowered["keywords"] ?? lowered["tags"])
        metadata.publisher = text(lowered["publisher"] ?? lowered["organization"] ?? lowered["organisation"])
        metadata.url = text(lowered["url"])
        return metadata
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: return PDFMetadataMapper.cleaned(string)
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        default: return nil
        }
    }

    private static func list(_ value: Any?) -> [String] {
        if let items = value as? [Any] { return items.compactMap { text($0) } }
        return OfficeMetadata.keywords(text(value))
    }

    private static func names(_ value: Any?) -> [String] {
        if let items = value as? [Any] {
            return items.compactMap { item in
                if let entry = item as? [String: Any] { return text(entry["name"]) }
                return text(item)
            }
        }
        if let entry = value as? [String: Any] { return text(entry["name"]).map { [$0] } ?? [] }
        return text(value).map(PDFMetadataMapper.splitAuthors) ?? []
    }

    /// A date as YAML gives it: a string, a year, or a timestamp (Yams reads `2021-03-15` as a date).
    private static func date(_ value: Any?) -> String? {
        if let date = value as? Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        guard let string = text(value) else { return nil }
        return OfficeMetadata.date(string) ?? string
    }
}

extension Substring {
    /// The line without the spaces and tabs at its end.
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
