/// The workbook's table of strings (`xl/sharedStrings.xml`): every text cell refers to its
/// string by index, so text repeated across sheets (the all-issues sheet repeats every issue's
/// rows) is stored once. Indices follow the order in which strings are first used.
struct SharedStrings {
    /// Excel's limit on the text of one cell, in UTF-16 units.
    static let maximumCellLength = 32_767

    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]
    /// How many cells refer to a string (the table's `count`).
    private(set) var references = 0

    /// The index of `text`, added to the table when new. Text longer than a cell holds is cut
    /// and ends with `…`.
    mutating func index(of text: String) -> Int {
        let text = Self.fitted(text)
        references += 1
        if let index = indices[text] { return index }
        let index = strings.count
        strings.append(text)
        indices[text] = index
        return index
    }

    /// `text`, cut at a character boundary to at most `maximumCellLength` UTF-16 units.
    static func fitted(_ text: String) -> String {
        guard text.utf16.count > maximumCellLength else { return text }
        var out = ""
        var units = 0
        for character in text {
            let size = character.utf16.count
            if units + size > maximumCellLength - 1 { break }
            out.append(character)
            units += size
        }
        return out + "…"
    }

    /// The `xl/sharedStrings.xml` part.
    var xml: String {
        var out = WorkbookXML.declaration
        out += "<sst xmlns=\"\(WorkbookXML.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for string in strings {
            out += "<si><t xml:space=\"preserve\">\(SpreadsheetText.escaped(string))</t></si>"
        }
        return out + "</sst>"
    }
}
