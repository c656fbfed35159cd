import EnjeuxFrench
import EnjeuxText

/// The words, word pairs and stems of a passage that the text features count: lowercase
/// words of letters (accents kept), function words left out of the words and stems but
/// bridged by the pairs only when adjacent.
enum TextTerms {
    private static let stopwords = Set(FrenchFunctionWords.stopwords)
    private static let stemmer = SnowballFrenchStemmer()

    /// Feature names with their counts in `text`: `mot x`, `mots x y`, `racine x`.
    static func counts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var previous: String?
        for word in words(text) {
            guard !stopwords.contains(word), word.count > 1 else {
                previous = nil
                continue
            }
            counts["mot \(word)", default: 0] += 1
            counts["racine \(stemmer.stem(word))", default: 0] += 1
            if let previous { counts["mots \(previous) \(word)", default: 0] += 1 }
            previous = word
        }
        return counts
    }

    /// Lowercase runs of letters; an apostrophe ends an elided word (`l'autonomie` → `l`, `autonomie`).
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }
}
