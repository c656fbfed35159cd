import EnjeuxFrench
import Foundation

/// French words from the system's Hunspell dictionary (`/usr/share/hunspell/fr.dic`,
/// Debian's hunspell-fr), read once per process. Only the stems are used, lowercased,
/// without affix expansion; `contains` also tries simple plural and feminine forms.
/// When the file is missing the list is empty and `isAvailable` is false.
struct PDFFrenchWordList: Sendable {
    /// Where the dictionary is looked for, in order.
    static let candidatePaths = [
        "/usr/share/hunspell/fr.dic", "/usr/share/hunspell/fr_FR.dic", "/usr/share/hunspell/fr_CA.dic",
        "/usr/share/myspell/dicts/fr.dic",
    ]

    /// The shared list, loaded lazily on first use (thread-safe: a `static let`).
    static let shared = PDFFrenchWordList(paths: candidatePaths)

    private let words: Set<String>

    var isAvailable: Bool { !words.isEmpty }

    init(words: Set<String>) {
        self.words = words
    }

    init(paths: [String]) {
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let parsed = Self.parse(data)
            if !parsed.isEmpty {
                self.words = parsed
                return
            }
        }
        self.words = []
    }

    /// Words of a `.dic` file: the first line (a count) skipped, flags after `/` and
    /// morphological fields after white space dropped. Works on the UTF-8 bytes.
    static func parse(_ data: Data) -> Set<String> {
        var words = Set<String>()
        words.reserveCapacity(90_000)
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var lineStart = 0
            var isFirstLine = true
            while lineStart < bytes.count {
                var wordEnd = lineStart
                while wordEnd < bytes.count, !isWordTerminator(bytes[wordEnd]) { wordEnd += 1 }
                var lineEnd = wordEnd
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[lineStart..<wordEnd])
                let skip = isFirstLine && word.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                isFirstLine = false
                if !word.isEmpty && !skip {
                    let text = String(decoding: word, as: UTF8.self)
                    let needsLowering = word.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
                    words.insert(needsLowering ? text.lowercased() : text)
                }
                lineStart = lineEnd + 1
            }
        }
        return words
    }

    private static func isWordTerminator(_ byte: UInt8) -> Bool {
        byte == 0x2F || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x20
    }

    /// True when the lowercased word, or a simple singular or masculine form of it, is listed.
    func contains(_ word: String) -> Bool {
        let lowered = word.lowercased()
        if words.contains(lowered) { return true }
        for candidate in Self.baseForms(of: lowered) where words.contains(candidate) { return true }
        return false
    }

    /// Singular, masculine and infinitive guesses: `-s`/`-x` dropped, `-aux` → `-al`, `-elle` → `-el`,
    /// `-enne` → `-en`, `-ive` → `-if`, `-euse` → `-eux`, `-ère` → `-er`, `-e` dropped.
    static func baseForms(of word: String) -> [String] {
        var forms: [String] = []
        var singulars = [word]
        if word.hasSuffix("aux") { singulars.append(String(word.dropLast(3)) + "al") }
        if word.hasSuffix("s") || word.hasSuffix("x") { singulars.append(String(word.dropLast())) }
        for singular in singulars {
            forms.append(singular)
            for (suffix, replacement) in FrenchWordEndings.masculineReplacements where singular.hasSuffix(suffix) {
                forms.append(String(singular.dropLast(suffix.count)) + replacement)
            }
        }
        for ending in FrenchWordEndings.verbEndings where word.hasSuffix(ending) && word.count > ending.count + 2 {
            let stem = word.dropLast(ending.count)
            forms.append(stem + "er")
            forms.append(stem + "ir")
            forms.append(stem + "re")
        }
        return forms
    }
}
