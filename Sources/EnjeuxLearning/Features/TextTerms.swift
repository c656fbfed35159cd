import EnjeuxFrench
import EnjeuxText

/// The words, word pairs and stems of a passage that the text features count: lowercase
/// words of letters (accents kept), function words left out of the words and stems and
/// breaking the pairs.
package enum TextTerms {
    private static let stopwords = Set(FrenchFunctionWords.stopwords)
    private static let stemmer = SnowballFrenchStemmer()

    /// A passage's feature counts and its number of words.
    package struct Summary: Sendable {
        /// Feature name (`mot x`, `mots x y`, `racine x`) → count.
        package var counts: [String: Int] = [:]
        /// The same, sorted by name (sorted once, read by every issue the passage is a candidate for).
        package var sorted: [(name: String, count: Int)] = []
        /// Words of letters in the passage, function words included.
        package var words = 0

        package init(counts: [String: Int] = [:], words: Int = 0) {
            self.counts = counts
            self.sorted = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            self.words = words
        }
    }

    /// Feature names with their counts in `text`: `mot x`, `mots x y`, `racine x`.
    package static func counts(_ text: String) -> [String: Int] {
        var stems: [String: String] = [:]
        return summary(text, stems: &stems).counts
    }

    /// The summary of `text`, with a cache of the stems already computed (a corpus has far
    /// fewer distinct words than words).
    package static func summary(_ text: String, stems: inout [String: String]) -> Summary {
        var summary = Summary()
        var previous: String?
        let all = words(text)
        summary.words = all.count
        for word in all {
            guard !stopwords.contains(word), word.unicodeScalars.count > 1 else {
                previous = nil
                continue
            }
            summary.counts["mot \(word)", default: 0] += 1
            let stem: String
            if let known = stems[word] {
                stem = known
            } else {
                stem = stemmer.stem(word)
                stems[word] = stem
            }
            summary.counts["racine \(stem)", default: 0] += 1
            if let previous { summary.counts["mots \(previous) \(word)", default: 0] += 1 }
            previous = word
        }
        summary.sorted = summary.counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return summary
    }

    /// Lowercase runs of letters; an apostrophe ends an elided word (`l'autonomie` → `l`, `autonomie`).
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var isASCII = true
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            result.append(isASCII ? word : word.lowercased())
            current = String.UnicodeScalarView()
            isASCII = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x61 && value <= 0x7A {
                current.append(scalar)
            } else if value >= 0x41 && value <= 0x5A {
                current.append(Unicode.Scalar(value + 0x20) ?? scalar)
            } else if value < 0x80 {
                flush()
            } else if scalar.properties.isAlphabetic {
                current.append(scalar)
                isASCII = false
            } else {
                flush()
            }
        }
        flush()
        return result
    }
}
