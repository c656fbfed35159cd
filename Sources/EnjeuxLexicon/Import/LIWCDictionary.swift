import Foundation

/// Imports a LIWC dictionary (`.dic`): a header between two `%` lines numbers the
/// categories (`1<TAB>travail`), then each line gives a word or `prefix*` and the numbers of
/// its categories (`travail*<TAB>1<TAB>4`). See docs/lexicon.md for the mapping.
package enum LIWCDictionary {
    /// The numbered categories of the header, in their order.
    struct Header {
        var order: [String] = []
        var names: [String: String] = [:]
        var positions: [String: SourcePosition] = [:]
    }

    /// The dictionary as a lexicon. With `stemWords` false (the default), plain words match
    /// their normalised form exactly, as in LIWC; with true, they match on their stem.
    package static func parse(text: String, file: String, name: String? = nil, stemWords: Bool = false)
        throws(LexiconError) -> Lexicon
    {
        var importer = DictionaryImport(file: file, stemWords: stemWords)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let lexiconName = name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let (open, close) = headerBounds(lines, importer: &importer) else {
            return try importer.lexicon(name: lexiconName, categories: [])
        }
        let header = readHeader(lines[(open + 1)..<close], importer: &importer)
        let terms = readTerms(lines[(close + 1)...], header: header, importer: &importer)
        var categories: [LexiconCategory] = []
        for number in header.order {
            let label = header.names[number] ?? number
            let id = importer.categoryID(for: [label])
            if let category = importer.category(
                id: id, label: label, description: "Imported from LIWC category \(number).", terms: terms[number] ?? [],
                at: header.positions[number] ?? SourcePosition(line: 1, column: 1))
            {
                categories.append(category)
            }
        }
        return try importer.lexicon(name: lexiconName, categories: categories)
    }

    /// The indexes of the two `%` lines around the header, or nil (with an error) when
    /// they are not there.
    private static func headerBounds(_ lines: [String], importer: inout DictionaryImport) -> (Int, Int)? {
        guard let open = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            lines[open].trimmingCharacters(in: .whitespaces) == "%"
        else {
            importer.sink.error(
                "a LIWC dictionary starts with a '%' line, then the numbered categories",
                at: SourcePosition(line: 1, column: 1)
            )
            return nil
        }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "%" })
        else {
            importer.sink.error(
                "the category header opened here is never closed by a second '%' line",
                at: SourcePosition(line: open + 1, column: 1))
            return nil
        }
        return (open, close)
    }

    /// Header lines: a category number, then its name.
    private static func readHeader(_ lines: ArraySlice<String>, importer: inout DictionaryImport) -> Header {
        var header = Header()
        for index in lines.indices {
            let fields = Self.fields(of: lines[index])
            guard let number = fields.first else { continue }
            guard Int(number.text) != nil, fields.count >= 2 else {
                importer.sink.error(
                    "a header line is a category number and a name",
                    at: SourcePosition(line: index + 1, column: number.column))
                continue
            }
            if header.names[number.text] != nil {
                importer.sink.error(
                    "category number \(number.text) is defined twice",
                    at: SourcePosition(line: index + 1, column: number.column))
                continue
            }
            header.order.append(number.text)
            header.names[number.text] = fields[1].text
            header.positions[number.text] = SourcePosition(line: index + 1, column: number.column)
        }
        return header
    }

    /// Body lines: a word, then the numbers of its categories. The terms of each category number.
    private static func readTerms(
        _ lines: ArraySlice<String>, header: Header, importer: inout DictionaryImport
    ) -> [String: [LexiconTerm]] {
        var terms: [String: [LexiconTerm]] = [:]
        for index in lines.indices {
            let fields = Self.fields(of: lines[index])
            guard let word = fields.first else { continue }
            let wordPosition = SourcePosition(line: index + 1, column: word.column)
            var numbers: [String] = []
            for field in fields.dropFirst() {
                if header.names[field.text] != nil {
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
        return terms
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
