/// Names of Word's paragraph styles in the languages of the corpus's documents, compared in
/// lowercase without spaces (`Titre 1`, `titre1` and `TITRE 1` are one key).
enum DOCXStyleNames {
    /// The words for "heading" before a level number: English, French, German, Spanish,
    /// Portuguese, Italian, Dutch, Swedish, Danish/Norwegian, Finnish, Polish, Czech.
    static let headingWords = [
        "heading", "titre", "überschrift", "uberschrift", "título", "titulo", "titolo", "kop", "rubrik",
        "overskrift", "otsikko", "nagłówek", "nadpis",
    ]
    static let titles: Set<String> = ["title", "titre", "titel", "título", "titulo", "titolo"]
    static let lists = ["listbullet", "listnumber", "listeàpuces", "listenumérotée", "listenuméro", "aufzählung"]
    static let quotes: Set<String> = [
        "quote", "intensequote", "citation", "citationintense", "blocktext", "quotations", "zitat",
    ]
    static let captions: Set<String> = ["caption", "légende", "legende", "beschriftung"]

    /// The comparison key of a name.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// The level of a heading style's key (`heading2`, `titre2` → 2; `title`, `titre` → 1).
    static func headingLevel(_ key: String) -> Int? {
        if titles.contains(key) { return 1 }
        for word in headingWords where key.hasPrefix(word) {
            let rest = key.dropFirst(word.count)
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }

    static func isList(_ key: String) -> Bool { lists.contains { key.hasPrefix($0) } }
    static func isQuote(_ key: String) -> Bool { quotes.contains(key) }
    static func isCaption(_ key: String) -> Bool { captions.contains(key) }

    /// Lines of a table of contents (`toc 1`, French `TM 1`, `Table des matières`): their
    /// text repeats the headings with page numbers.
    static func isTableOfContents(_ key: String) -> Bool {
        if key.hasPrefix("toc"), Int(key.dropFirst(3)) != nil { return true }
        if key.hasPrefix("tm"), Int(key.dropFirst(2)) != nil { return true }
        return ["tocheading", "tabledesmatières", "en-têtedetabledesmatières"].contains(key)
    }
}
