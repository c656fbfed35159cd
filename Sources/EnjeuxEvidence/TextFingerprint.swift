import Foundation

/// The normalised form of a passage used to find duplicates: case, accents, punctuation
/// and whitespace folded away, and the set of its word shingles.
struct TextFingerprint: Sendable, Hashable {
    /// Words of the normalised text joined by single spaces; equal keys are exact duplicates.
    let key: String
    /// 64-bit FNV-1a hashes of the runs of `shingleSize` consecutive words (of the whole text
    /// when it is shorter). A fixed hash keeps the result the same from run to run.
    let shingles: Set<UInt64>

    init(text: String, shingleSize: Int) {
        let words = Self.normalisedWords(text)
        key = words.joined(separator: " ")
        let size = max(1, shingleSize)
        if words.count <= size {
            shingles = words.isEmpty ? [] : [Self.hash(words[...])]
        } else {
            var set = Set<UInt64>(minimumCapacity: words.count)
            for start in 0...(words.count - size) {
                set.insert(Self.hash(words[start..<(start + size)]))
            }
            shingles = set
        }
    }

    /// Jaccard similarity of the two shingle sets (1 for two empty texts).
    func similarity(to other: TextFingerprint) -> Double {
        if shingles.isEmpty && other.shingles.isEmpty { return 1 }
        let (small, large) =
            shingles.count <= other.shingles.count ? (shingles, other.shingles) : (other.shingles, shingles)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return Self.jaccard(shared: shared, first: shingles.count, second: other.shingles.count)
    }

    /// Jaccard similarity from the sizes of two sets and of their intersection.
    static func jaccard(shared: Int, first: Int, second: Int) -> Double {
        let union = first + second - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// Lowercased words with accents removed and ligatures spelled out; anything that is not a
    /// letter or a digit separates words. ASCII takes a fast path; other characters are
    /// lowercased and decomposed (compatibility decomposition) one at a time.
    static func normalisedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var folded: [Unicode.Scalar: [Unicode.Scalar]] = [:]

        func endWord() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }

        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar.value {
                case 0x41...0x5A: current.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
                case 0x61...0x7A, 0x30...0x39: current.append(scalar)
                default: endWord()
                }
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let parts = folded[scalar] ?? fold(scalar)
            folded[scalar] = parts
            if parts.isEmpty { endWord() } else { current.append(contentsOf: parts) }
        }
        endWord()
        return words
    }

    /// A non-ASCII character lowercased, decomposed, without marks; empty when it is not a
    /// letter or a digit.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return [] }
        var out: [Unicode.Scalar] = []
        for part in String(scalar).lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch part {
            case "œ": out += ["o", "e"]
            case "æ": out += ["a", "e"]
            case "ß": out += ["s", "s"]
            default:
                let partProperties = part.properties
                if partProperties.generalCategory == .nonspacingMark { continue }
                if partProperties.isAlphabetic || partProperties.numericType != nil { out.append(part) }
            }
        }
        return out
    }

    private static func hash(_ words: ArraySlice<String>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (offset, word) in words.enumerated() {
            if offset > 0 {
                value ^= 0x20
                value = value &* 0x0000_0100_0000_01b3
            }
            for byte in word.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        return value
    }
}
