import EnjeuxSupport
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
        let (bytes, words) = Self.normalisedWordBytes(text)
        key = bytes.withUnsafeBufferPointer { Self.key(ofUTF8: UnsafeRawBufferPointer($0)) }
        let size = max(1, shingleSize)
        if words.count <= size {
            shingles = words.isEmpty ? [] : [Self.hash(bytes[...])]
        } else {
            var hashes: [UInt64] = []
            hashes.reserveCapacity(words.count - size + 1)
            for start in 0...(words.count - size) {
                // The words are stored joined by single spaces: a run of words is one slice.
                hashes.append(Self.hash(bytes[words[start].lowerBound..<words[start + size - 1].upperBound]))
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
        String(decoding: normalisedWordBytes(text).bytes, as: UTF8.self)
    }

    static func key(of normalised: String) -> Key {
        var normalised = normalised
        return normalised.withUTF8 { key(ofUTF8: UnsafeRawBufferPointer($0)) }
    }

    private static func key(ofUTF8 bytes: UnsafeRawBufferPointer) -> Key {
        let digest = SHA256.digest(of: bytes)
        func value(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
        return Key(high: value(digest[0..<8]), low: value(digest[8..<16]))
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
        let (bytes, words) = normalisedWordBytes(text)
        return words.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The normalised words as UTF-8, joined by single spaces, with each word's range.
    static func normalisedWordBytes(_ text: String) -> (bytes: [UInt8], words: [Range<Int>]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var words: [Range<Int>] = []
        var wordStart = 0
        var folded: [Unicode.Scalar: [UInt8]] = [:]

        func endWord() {
            guard bytes.count > wordStart else { return }
            words.append(wordStart..<bytes.count)
            bytes.append(0x20)
            wordStart = bytes.count
        }

        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar.value {
                case 0x41...0x5A: bytes.append(UInt8(scalar.value + 0x20))
                case 0x61...0x7A, 0x30...0x39: bytes.append(UInt8(scalar.value))
                default: endWord()
                }
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let parts: [UInt8]
            if let known = folded[scalar] {
                parts = known
            } else {
                parts = Array(String(String.UnicodeScalarView(fold(scalar))).utf8)
                folded[scalar] = parts
            }
            if parts.isEmpty { endWord() } else { bytes.append(contentsOf: parts) }
        }
        endWord()
        if bytes.last == 0x20 { bytes.removeLast() }
        return (bytes, words)
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

    /// 64-bit FNV-1a of a run of words as stored (joined by single spaces).
    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }
}
