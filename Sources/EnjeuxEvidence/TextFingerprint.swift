import EnjeuxCore
import Foundation

/// The normalised form of a passage used to find duplicates: case, accents, punctuation
/// and whitespace folded away, and the set of its word shingles. Kept compact (a digest and
/// a sorted array), as the ranking holds one for every passage above the threshold.
struct TextFingerprint: Sendable, Hashable {
    /// The first 128 bits of the SHA-256 of the normalised text (`normalisedText`): equal
    /// keys are exact duplicates.
    let key: Key
    /// 64-bit FNV-1a hashes of the runs of `shingleSize` consecutive words (of the whole text
    /// when it is shorter), sorted, each once. A fixed hash keeps the result the same from run
    /// to run.
    let shingles: [UInt64]

    struct Key: Sendable, Hashable {
        let high: UInt64
        let low: UInt64
    }

    init(text: String, shingleSize: Int) {
        let words = Self.normalisedWords(text)
        key = Self.key(of: words.joined(separator: " "))
        let size = max(1, shingleSize)
        if words.count <= size {
            shingles = words.isEmpty ? [] : [Self.hash(words[...])]
        } else {
            var hashes: [UInt64] = []
            hashes.reserveCapacity(words.count - size + 1)
            for start in 0...(words.count - size) {
                hashes.append(Self.hash(words[start..<(start + size)]))
            }
            hashes.sort()
            var unique: [UInt64] = []
            unique.reserveCapacity(hashes.count)
            for hash in hashes where unique.last != hash { unique.append(hash) }
            shingles = unique
        }
    }

    /// Words of the normalised text joined by single spaces (what `key` digests).
    static func normalisedText(_ text: String) -> String {
        normalisedWords(text).joined(separator: " ")
    }

    static func key(of normalised: String) -> Key {
        let hex = Array(SHA256.hex(of: normalised).utf8.prefix(32))
        func value(_ digits: ArraySlice<UInt8>) -> UInt64 {
            digits.reduce(0) { result, digit in
                result << 4
                    | UInt64(digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10)
            }
        }
        return Key(high: value(hex[0..<16]), low: value(hex[16..<32]))
    }

    /// Jaccard similarity of the two shingle sets (1 for two empty texts).
    func similarity(to other: TextFingerprint) -> Double {
        if shingles.isEmpty && other.shingles.isEmpty { return 1 }
        // Both arrays are sorted: count the common values in one merge.
        var shared = 0
        var i = 0
        var j = 0
        while i < shingles.count && j < other.shingles.count {
            if shingles[i] == other.shingles[j] {
                shared += 1
                i += 1
                j += 1
            } else if shingles[i] < other.shingles[j] {
                i += 1
            } else {
                j += 1
            }
        }
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
