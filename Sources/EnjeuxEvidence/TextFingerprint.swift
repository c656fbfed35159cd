import Foundation

/// The normalised form of a passage used to find duplicates: case, accents, punctuation
/// and whitespace folded away, and the set of its word shingles.
struct TextFingerprint: Sendable, Hashable {
    /// Words of the normalised text joined by single spaces.
    let key: String
    /// Runs of `shingleSize` consecutive words (the whole text when shorter).
    let shingles: Set<String>

    init(text: String, shingleSize: Int) {
        let words = Self.normalisedWords(text)
        key = words.joined(separator: " ")
        let size = max(1, shingleSize)
        if words.count <= size {
            shingles = words.isEmpty ? [] : [key]
        } else {
            var set = Set<String>()
            for start in 0...(words.count - size) {
                set.insert(words[start..<(start + size)].joined(separator: " "))
            }
            shingles = set
        }
    }

    /// Jaccard similarity of the two shingle sets (1 for two empty texts).
    func similarity(to other: TextFingerprint) -> Double {
        if shingles.isEmpty && other.shingles.isEmpty { return 1 }
        let (small, large) = shingles.count <= other.shingles.count ? (shingles, other.shingles) : (other.shingles, shingles)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return Double(shared) / Double(small.count + large.count - shared)
    }

    /// Whether the two sets could reach `threshold`: Jaccard is at most smaller / larger.
    func canReach(_ threshold: Double, with other: TextFingerprint) -> Bool {
        let smaller = min(shingles.count, other.shingles.count)
        let larger = max(shingles.count, other.shingles.count)
        guard larger > 0 else { return true }
        return Double(smaller) / Double(larger) >= threshold
    }

    /// Lowercased words with accents removed; anything not a letter or digit separates words.
    static func normalisedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                current.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.map(foldLigatures)
    }

    private static func foldLigatures(_ word: String) -> String {
        guard word.contains(where: { $0 == "œ" || $0 == "æ" || $0 == "ß" }) else { return word }
        return word.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "ß", with: "ss")
    }
}
