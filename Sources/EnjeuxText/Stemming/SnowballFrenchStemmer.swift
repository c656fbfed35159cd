/// The Snowball French stemming algorithm (snowballstem.org, "French stemming algorithm",
/// the version with elision removal and the `ë`/`ï` markers of Snowball 3).
///
/// Input is expected in lowercase with its accents: the algorithm needs them (`é` is a
/// vowel and an ending). Characters it does not know pass through unchanged.
/// The word is handled as an array of Unicode scalars; regions are scalar positions.
package struct SnowballFrenchStemmer: Sendable {
    package init() {}

    /// The stem of one lowercase word.
    package func stem(_ word: String) -> String {
        var scalars = ScalarWord(word.unicodeScalars.map(\.value))
        stem(&scalars.w)
        return scalars.string
    }

    /// Stems a word given as Unicode scalar values, in place.
    package func stem(_ w: inout [UInt32]) {
        removeElision(&w)
        markVowelsAsConsonants(&w)
        let regions = SnowballRegions(w)
        var word = ScalarWord([])
        swap(&word.w, &w)
        word.stemSuffixes(regions)
        swap(&word.w, &w)
        unmark(&w)
    }

    // MARK: forward steps

    /// Removes a leading `c' d' j' l' m' n' s' t' qu'` (straight apostrophe) unless it is the whole word.
    private func removeElision(_ w: inout [UInt32]) {
        if w.count > 2, FrenchLetters.isElisionChar(w[0]), w[1] == FrenchLetters.apostrophe {
            w.removeFirst(2)
        } else if w.count > 3, w[0] == 0x71, w[1] == 0x75, w[2] == FrenchLetters.apostrophe {
            w.removeFirst(3)
        }
    }

    /// The prelude: `u`/`i` between vowels, `y` next to a vowel and `u` after `q` become
    /// consonant markers `U I Y`; `ë` becomes `He` and `ï` becomes `Hi`. Left to right.
    private func markVowelsAsConsonants(_ w: inout [UInt32]) {
        if !w.contains(0xEB), !w.contains(0xEF) {
            w.withUnsafeMutableBufferPointer { markVowelsInPlace($0) }
            return
        }
        var c = 0
        while c < w.count {
            let ch = w[c]
            let next: UInt32? = c + 1 < w.count ? w[c + 1] : nil
            let afterNext: UInt32? = c + 2 < w.count ? w[c + 2] : nil
            if FrenchLetters.isVowel(ch), let n = next {
                if n == 0x75, let a = afterNext, FrenchLetters.isVowel(a) {  // u
                    w[c + 1] = 0x55
                    continue
                }
                if n == 0x69, let a = afterNext, FrenchLetters.isVowel(a) {  // i
                    w[c + 1] = 0x49
                    continue
                }
                if n == 0x79 {  // y
                    w[c + 1] = 0x59
                    continue
                }
            }
            if ch == 0xEB {  // ë
                w.replaceSubrange(c..<(c + 1), with: [0x48, 0x65])
                continue
            }
            if ch == 0xEF {  // ï
                w.replaceSubrange(c..<(c + 1), with: [0x48, 0x69])
                continue
            }
            if ch == 0x79, let n = next, FrenchLetters.isVowel(n) {
                w[c] = 0x59
                continue
            }
            if ch == 0x71, next == 0x75 {
                w[c + 1] = 0x55
                continue
            }
            c += 1
        }
    }

    /// The prelude for words without `ë` or `ï` (nothing is inserted): one left-to-right pass.
    private func markVowelsInPlace(_ w: UnsafeMutableBufferPointer<UInt32>) {
        let n = w.count
        guard n >= 2 else { return }
        var c = 0
        while c < n - 1 {
            let ch = w[c]
            let next = w[c + 1]
            if FrenchLetters.isVowel(ch) {
                if next == 0x75 || next == 0x69, c + 2 < n, FrenchLetters.isVowel(w[c + 2]) {  // u, i between vowels
                    w[c + 1] = next == 0x75 ? 0x55 : 0x49
                    c += 1
                    continue
                }
                if next == 0x79 {  // y after a vowel
                    w[c + 1] = 0x59
                    c += 1
                    continue
                }
            }
            if ch == 0x79, FrenchLetters.isVowel(next) {  // y before a vowel
                w[c] = 0x59
            } else if ch == 0x71, next == 0x75 {  // qu
                w[c + 1] = 0x55
            }
            c += 1
        }
    }

    /// The postlude: markers back to lowercase letters, `He`→`ë`, `Hi`→`ï`, a lone `H` removed.
    private func unmark(_ w: inout [UInt32]) {
        var c = 0
        while c < w.count {
            switch w[c] {
            case 0x49: w[c] = 0x69
            case 0x55: w[c] = 0x75
            case 0x59: w[c] = 0x79
            case 0x48:
                if c + 1 < w.count, w[c + 1] == 0x65 {
                    w.replaceSubrange(c..<(c + 2), with: [0xEB])
                } else if c + 1 < w.count, w[c + 1] == 0x69 {
                    w.replaceSubrange(c..<(c + 2), with: [0xEF])
                } else {
                    w.remove(at: c)
                    continue
                }
            default: break
            }
            c += 1
        }
    }
}

/// Letter classes of the French algorithm.
enum FrenchLetters {
    static let apostrophe: UInt32 = 0x27

    /// a e i o u y â à ë é ê è ï î ô û ù
    @inline(__always)
    static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        case 0xE2, 0xE0, 0xEB, 0xE9, 0xEA, 0xE8, 0xEF, 0xEE, 0xF4, 0xFB, 0xF9: return true
        default: return false
        }
    }

    /// c d j l m n s t
    static func isElisionChar(_ c: UInt32) -> Bool {
        switch c {
        case 0x63, 0x64, 0x6A, 0x6C, 0x6D, 0x6E, 0x73, 0x74: return true
        default: return false
        }
    }

    /// a i o u è s: letters after which a final `s` is kept.
    static func keepsFinalS(_ c: UInt32) -> Bool {
        switch c {
        case 0x61, 0x69, 0x6F, 0x75, 0xE8, 0x73: return true
        default: return false
        }
    }

    /// b h j l n p: letters before which `-oux` becomes `-ou`.
    static func precedesOux(_ c: UInt32) -> Bool {
        switch c {
        case 0x62, 0x68, 0x6A, 0x6C, 0x6E, 0x70: return true
        default: return false
        }
    }
}

/// The regions RV, R1 and R2 of a word, as start positions.
struct SnowballRegions {
    var pV: Int
    var p1: Int
    var p2: Int

    init(_ w: [UInt32]) {
        let n = w.count
        pV = n
        p1 = n
        p2 = n
        if n >= 3, FrenchLetters.isVowel(w[0]), FrenchLetters.isVowel(w[1]) {
            pV = 3
        } else if let prefixEnd = Self.exceptionalPrefixEnd(w) {
            pV = prefixEnd
        } else if n >= 2 {
            var v = 1
            while v < n, !FrenchLetters.isVowel(w[v]) { v += 1 }
            if v < n { pV = v + 1 }
        }
        if let r1 = Self.afterVowelThenConsonant(w, from: 0) {
            p1 = r1
            if let r2 = Self.afterVowelThenConsonant(w, from: r1) { p2 = r2 }
        }
    }

    /// `par`, `col`, `tap`, `mauva`, and `ni` followed by a vowel, at the start of a word.
    private static func exceptionalPrefixEnd(_ w: [UInt32]) -> Int? {
        guard w.count >= 3 else { return nil }
        switch (w[0], w[1], w[2]) {
        case (0x70, 0x61, 0x72), (0x63, 0x6F, 0x6C), (0x74, 0x61, 0x70): return 3  // par col tap
        default: break
        }
        if w.count >= 3, w[0] == 0x6E, w[1] == 0x69, FrenchLetters.isVowel(w[2]) { return 3 }
        return nil
    }

    /// Position after the first non-vowel that follows a vowel, searching from `start`.
    private static func afterVowelThenConsonant(_ w: [UInt32], from start: Int) -> Int? {
        var i = start
        while i < w.count, !FrenchLetters.isVowel(w[i]) { i += 1 }
        guard i < w.count else { return nil }
        i += 1
        while i < w.count, FrenchLetters.isVowel(w[i]) { i += 1 }
        guard i < w.count else { return nil }
        return i + 1
    }
}
