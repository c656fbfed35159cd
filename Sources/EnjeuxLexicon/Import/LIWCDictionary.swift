import Foundation

/// Imports a LIWC dictionary (`.dic`): a header between two `%` lines numbers the
/// categories (`1<TAB>travail`), then each line gives a word or `prefix*` and the numbers of
/// its categories (`travail*<TAB>1<TAB>4`). See docs/lexicon.md for the mapping.
package enum LIWCDictionary {
    /// The dictionary as a lexicon. With `stemWords` false (the default), plain words match
    /// their normalised form exactly, as in LIWC; with true, they match on their stem.
    package static func parse(text: String, file: String, name: String? = nil, stemWords: Bool = false)
        throws(LexiconError) -> Lexicon
    {
        var importer = DictionaryImport(file: file, stemWords: stemWords)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let lexiconName = name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent

        guard let open = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            lines[open].trimmingCharacters(in: .whitespaces) == "%"
        else {
            importer.sink.error(
                "a LIWC dictionary starts with a '%' line, then the numbered categories",
                at: SourcePosition(line: 1, column: 1)
            )
            return try importer.lexicon(name: lexiconName, categories: [])
        }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "%" })
        else {
            importer.sink.error(
                "the category header opened here is never closed by a second '%' line",
                at: SourcePosition(line: open + 1, column: 1))
            return try importer.lexicon(name: lexiconName, categories: [])
        }

        // Header: number, then name.
        var order: [String] = []
        var names: [String: String] = [:]
        var positions: [String: SourcePosition] = [:]
        for index in (open + 1)..<close {
            let fields = Self.fields(of: lines[index])
            guard let number = fields.first else { continue }
            guard Int(number.text) != nil, fields.count >= 2 else {
                importer.sink.error(
                    "a header line is a category number and a name",
                    at: SourcePosition(line: index + 1, column: number.column))
                continue
            }
            if names[number.text] != nil {
                importer.sink.error(
                    "category number \(number.text) is defined twice",
                    at: SourcePosition(line: index + 1, column: number.column))
                continue
            }
            order.append(number.text)
            names[number.text] = fields[1].text
            positions[number.text] = SourcePosition(line: index + 1, column: number.column)
        }

        // Body: word, then category numbers.
        var terms: [String: [LexiconTerm]] = [:]
        for index in (close + 1)..<lines.count {
            let line = lines[index]
            let fields = Self.fields(of: line)
            guard let word = fields.first else { continue }
            let wordPosition = SourcePosition(line: index + 1, column: word.column)
            var numbers: [String] = []
            for field in fields.dropFirst() {
                if names[field.text] != nil {
                    numbers.append(field.text)
                } else {
                    importer.sink.warning(
                        "'\(field.text)' is not a category number of the header; ignored",
                        at: SourcePosition(line: index + 1, column: field.column))
                }
            }
            guard !numbers.isEmpty else {
                importer.sink.warning("'\(word.text)' has no category; skipped", at: wordPosition)
                continue
            }
            guard let term = importer.term(word.text, at: wordPosition) else { continue }
            for number in numbers { terms[number, default: []].append(term) }
        }

        var categories: [LexiconCategory] = []
        for number in order {
            let label = names[number] ?? number
            let id = importer.categoryID(for: [label])
            if let category = importer.category(
                id: id, label: label, description: "Imported from LIWC category \(number).", terms: terms[number] ?? [],
                at: positions[number] ?? SourcePosition(line: 1, column: 1))
            {
                categories.append(category)
            }
        }
        return try importer.lexicon(name: lexiconName, categories: categories)
    }

    /// Reads a `.dic` file (UTF-8).
    package static func load(from url: URL, stemWords: Bool = false) throws(LexiconError) -> Lexicon {
        try parse(text: LexiconText.readText(url), file: url.path, stemWords: stemWords)
    }

    /// The fields of a line with their 1-based columns. Fields are separated by tabs when the
    /// line has any (so a word may contain spaces), otherwise by spaces.
    static func fields(of line: String) -> [(text: String, column: Int)] {
        let separatorIsTab = line.contains("\t")
        var fields: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        for (offset, scalar) in line.unicodeScalars.enumerated() {
            let isSeparator = separatorIsTab ? scalar == "\t" : scalar == " "
            if isSeparator {
                let text = current.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { fields.append((text, start + 1 + leadingSpaces(current))) }
                current = ""
                start = offset + 1
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        let text = current.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { fields.append((text, start + 1 + leadingSpaces(current))) }
        return fields
    }

    private static func leadingSpaces(_ text: String) -> Int {
        text.unicodeScalars.prefix { $0 == " " }.count
    }
}
