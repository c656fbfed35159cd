import EnjeuxFrench
import EnjeuxModel
import Foundation

/// A token before normalisation: its kind and its span in Unicode-scalar offsets.
package struct RawToken: Sendable, Hashable {
    package var start: Int
    package var end: Int
    package var kind: TokenKind

    package init(start: Int, end: Int, kind: TokenKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// The French tokenizer: words (with elision, hyphen, abbreviation and inclusive-writing rules),
/// numbers (decimal comma, grouped thousands, ranges, ordinals), URLs, e-mails, punctuation, symbols.
/// Conventions follow Universal Dependencies French-GSD surface tokens.
package struct FrenchTokenizer: Sendable {
    package init() {}

    /// Raw tokens of `text`, with Unicode-scalar offsets.
    package func tokenize(_ text: String) -> [RawToken] {
        tokenize(ScalarText(text))
    }

    func tokenize(_ text: ScalarText) -> [RawToken] {
        var scanner = TokenScanner(text: text)
        return scanner.run()
    }
}

/// One pass over a text, left to right.
struct TokenScanner {
    let s: [UInt32]
    let c: [ScalarClass]
    let n: Int
    var tokens: [RawToken] = []

    init(text: ScalarText) {
        s = text.values
        c = text.classes
        n = text.count
        tokens.reserveCapacity(n / 5 + 4)
    }

    mutating func run() -> [RawToken] {
        var i = 0
        while i < n {
            let cls = c[i]
            switch cls {
            case .space, .control, .format:
                i += 1
                continue
            case .letter, .digit, .mark:
                let (end, kind) = scanWordLike(at: i)
                tokens.append(RawToken(start: i, end: end, kind: kind))
                i = end
            case .hyphen where isSignedNumberStart(i), .symbol where s[i] == 0x2B && isSignedNumberStart(i):
                let (end, kind) = scanNumber(at: i + 1)
                tokens.append(RawToken(start: i, end: end, kind: kind))
                i = end
            case .hyphen where i > 0 && isAlnum(i - 1) && startsCliticTail(at: i):
                let end = cliticEnd(at: i)
                tokens.append(RawToken(start: i, end: end, kind: .word))
                i = end
            default:
                let (end, kind) = scanPunctuationOrSymbol(at: i)
                tokens.append(RawToken(start: i, end: end, kind: kind))
                i = end
            }
        }
        return tokens
    }

    // MARK: classification helpers

    @inline(__always) func cls(_ i: Int) -> ScalarClass { i < n ? c[i] : .space }
    @inline(__always) func isLetter(_ i: Int) -> Bool { i < n && c[i] == .letter }
    @inline(__always) func isDigit(_ i: Int) -> Bool { i < n && c[i] == .digit }
    @inline(__always) func isAlnum(_ i: Int) -> Bool { i < n && (c[i] == .letter || c[i] == .digit) }
    @inline(__always) func isUppercase(_ i: Int) -> Bool {
        i < n && ScalarFolding.lower(s[i]) != s[i]
    }

    /// Lowercase form of a span with apostrophes unified to `'`, for list look-ups (short spans only).
    func lowered(_ from: Int, _ to: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to - from + 4)
        for k in from..<to {
            let v = c[k] == .apostrophe ? 0x27 : ScalarFolding.lower(s[k])
            UTF8Encoding.append(v, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func exact(_ from: Int, _ to: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to - from + 4)
        for k in from..<to { UTF8Encoding.append(s[k], to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the span is an elided word (without its apostrophe): `c d j l m n s t`, `qu`,
    /// `jusqu lorsqu puisqu quoiqu presqu` (any case). Compares scalars, no allocation.
    @inline(__always) func isElidedWord(_ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 1 {
            switch s[start] | 0x20 {
            case 0x63, 0x64, 0x6A, 0x6C, 0x6D, 0x6E, 0x73, 0x74: return true
            default: return false
            }
        }
        guard length >= 2, length <= 7, s[end - 2] | 0x20 == 0x71, s[end - 1] | 0x20 == 0x75 else { return false }
        if length == 2 { return true }
        for prefix in FrenchFunctionWords.elisionPrefixesBeforeQu where prefix.count == length - 2 {
            var k = 0
            while k < prefix.count, s[start + k] | 0x20 == prefix[k] { k += 1 }
            if k == prefix.count { return true }
        }
        return false
    }

    func matches(_ literal: [UInt32], at i: Int) -> Bool {
        guard i + literal.count <= n else { return false }
        for k in 0..<literal.count where s[i + k] != literal[k] { return false }
        return true
    }

    /// A `-` or `+` sign directly before a digit, at the start or after a space or an opening bracket.
    func isSignedNumberStart(_ i: Int) -> Bool {
        guard isDigit(i + 1), s[i] == 0x2D || s[i] == 0x2B else { return false }
        if i == 0 { return true }
        let previous = s[i - 1]
        return c[i - 1] == .space || previous == 0x28 || previous == 0x5B
    }

    // MARK: words, numbers, URLs, e-mails

    mutating func scanWordLike(at i: Int) -> (Int, TokenKind) {
        let first = s[i] | 0x20
        if first == 0x68, i > 0, c[i - 1] == .digit, !isLetter(i + 1) { return (i + 1, .word) }  // the h of 20h30
        if first == 0x6E, i + 1 < n, s[i + 1] == 0xB0, !isLetter(i + 2) { return (i + 2, .word) }  // n°
        if first == 0x68 || first == 0x77 || first == 0x66, let end = scanURL(at: i) { return (end, .url) }
        let second: UInt32 = i + 1 < n ? s[i + 1] : 0
        if second == 0x2E || second == 0x70 {
            if let end = scanMultipartAbbreviation(at: i) { return (end, .word) }
            if let end = scanDottedAcronym(at: i) { return (end, .word) }
        }
        if c[i] == .digit {
            let (end, kind) = scanNumber(at: i)
            if end < n, isEmailLocal(s[end]) || s[end] == 0x40, let email = scanEmail(at: i) { return (email, .email) }
            return (end, kind)
        }
        let end = scanWord(from: i, start: i)
        if end < n, isEmailLocal(s[end]) || s[end] == 0x40, let email = scanEmail(at: i) { return (email, .email) }
        return (end, .word)
    }

    /// `c.-à-d.`, `p. ex.`, `op. cit.`…
    func scanMultipartAbbreviation(at i: Int) -> Int? {
        guard i + 1 < n, s[i + 1] == 0x2E || s[i + 1] == 0x70 else { return nil }
        for literal in FrenchTokenLists.multipartAbbreviations where matches(literal, at: i) {
            let end = i + literal.count
            if !isAlnum(end) { return end }
        }
        return nil
    }

    /// Dotted acronyms and initials: `T.S.`, `É.-U.`, `J.-C.`, `R.E.M.`, and `J.` before a name.
    func scanDottedAcronym(at i: Int) -> Int? {
        guard c[i] == .letter, cls(i + 1) == .period else { return nil }
        var j = i
        var segments = 0
        while true {
            var k = j
            if segments > 0, k < n, c[k] == .hyphen { k += 1 }
            guard isLetter(k), cls(k + 1) == .period else { break }
            if k + 2 < n, c[k + 2] == .period { break }  // an ellipsis follows
            segments += 1
            j = k + 2
        }
        if segments >= 2 {
            return isAlnum(j) ? nil : j
        }
        if segments == 1, isUppercase(i), !isAlnum(j) {
            // An initial ("J. Dupont"); a single capital ending a sentence ("la vitamine C.") stays apart
            // when no capitalised word follows.
            var k = j
            while k < n, c[k] == .space { k += 1 }
            if isUppercase(k) || isDigit(k) { return j }
        }
        return nil
    }

    /// The rest of a word from `j` (the token started at `start`): letters, digits, marks, and the
    /// connectors that stay inside a word.
    func scanWord(from j0: Int, start: Int) -> Int {
        var j = j0
        while j < n {
            switch c[j] {
            case .letter, .digit, .mark:
                j += 1
            case .format where isAlnum(j + 1):
                j += 1
            case .apostrophe:
                if isElidedWord(start, j), !isWholeElidedWord(start) {
                    return j + 1
                }
                guard isLetter(j + 1) else { return j }
                j += 1
            case .hyphen:
                guard isAlnum(j + 1) else { return j }
                if startsCliticTail(at: j), !isWholeHyphenatedWord(start) { return j }
                j += 1
            case .period:
                // Inclusive writing (travailleur.euse.s), domain names (site.fr), St.John.
                guard isAlnum(j + 1), isAlnum(j - 1), j > start else { return endWithAbbreviation(start, j) }
                j += 1
            case .middleDot:
                guard isLetter(j + 1), j > start else { return j }
                j += 1
            default:
                return j
            }
        }
        return j
    }

    /// When a word is followed by a period, includes the period if the word is a known abbreviation.
    func endWithAbbreviation(_ start: Int, _ j: Int) -> Int {
        guard j < n, c[j] == .period, j - start <= 6, j > start else { return j }
        if cls(j + 1) == .period { return j }  // ellipsis
        let word = exact(start, j)
        if FrenchTokenLists.casedAbbreviations.contains(word) { return j + 1 }
        if FrenchTokenLists.abbreviations.contains(lowered(start, j)) { return j + 1 }
        return j
    }

    /// Whether the hyphen at `j` starts a tail of inverted pronouns ending the word (`-t-il`, `-moi`, `-ce`).
    func startsCliticTail(at j: Int) -> Bool {
        var k = j
        var segments = 0
        while k < n, c[k] == .hyphen {
            var e = k + 1
            while e - k <= 6, isLetter(e) || cls(e) == .mark { e += 1 }
            guard e > k + 1, e - k - 1 <= 5 else { return false }
            let part = lowered(k + 1, e)
            let isEuphonicT = part == "t" && cls(e) == .hyphen
            guard isEuphonicT || FrenchFunctionWords.clitics.contains(part) else { return false }
            segments += 1
            guard segments <= 3 else { return false }
            k = e
        }
        guard segments > 0 else { return false }
        // The tail must end the word: no letter, digit or apostrophe-word after it.
        if k < n, c[k] == .apostrophe || c[k] == .digit || c[k] == .period && isAlnum(k + 1) { return false }
        return true
    }

    /// End of one inverted pronoun starting at the hyphen `j`; a euphonic `-t` keeps its pronoun (`-t-il`).
    func cliticEnd(at j: Int) -> Int {
        var e = j + 1
        while isLetter(e) || cls(e) == .mark { e += 1 }
        if e == j + 2, s[j + 1] | 0x20 == 0x74, cls(e) == .hyphen {
            e += 1
            while isLetter(e) || cls(e) == .mark { e += 1 }
        }
        return e
    }

    /// `c’est-à-dire` and `l’on` stay whole, as in UD French.
    func isWholeElidedWord(_ start: Int) -> Bool {
        var e = start
        while e < n, e - start <= 13, c[e] == .letter || c[e] == .mark || c[e] == .hyphen || c[e] == .apostrophe {
            e += 1
        }
        guard e - start <= 12 else { return false }
        return FrenchTokenLists.wholeElidedWords.contains(lowered(start, e))
    }

    func isWholeHyphenatedWord(_ start: Int) -> Bool {
        var e = start
        while e < n, e - start <= 13, c[e] == .letter || c[e] == .mark || c[e] == .hyphen || c[e] == .apostrophe {
            e += 1
        }
        guard e - start <= 12 else { return false }
        return FrenchTokenLists.hyphenatedWholeWords.contains(lowered(start, e))
    }

    // MARK: punctuation and symbols

    func scanPunctuationOrSymbol(at i: Int) -> (Int, TokenKind) {
        let v = s[i]
        var j = i + 1
        var kind: TokenKind = c[i] == .symbol ? .symbol : .punctuation
        switch v {
        case 0x2E:  // ... as one token
            while j < n, s[j] == 0x2E { j += 1 }
        case 0x21, 0x3F:  // ?! !!! as one token
            while j < n, s[j] == 0x21 || s[j] == 0x3F { j += 1 }
        case 0x2D:  // -- as one token
            while j < n, s[j] == 0x2D { j += 1 }
        default:
            if c[i] == .mark { kind = .symbol }
        }
        // Combining marks, variation selectors, skin tones and joined emoji stay with their base.
        while j < n {
            let w = s[j]
            if c[j] == .mark || (w >= 0xFE00 && w <= 0xFE0F) || (w >= 0x1F3FB && w <= 0x1F3FF) {
                j += 1
            } else if w == 0x200D, j + 1 < n, c[j + 1] == .symbol {
                j += 2
            } else {
                break
            }
        }
        return (j, kind)
    }
}
