import EnjeuxFrench

/// A sentence: a span of Unicode-scalar offsets into the text, from its first token to its last.
package struct SentenceSpan: Sendable, Hashable {
    package var start: Int
    package var end: Int

    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// Splits French text into sentences, on top of the tokenizer.
///
/// A sentence ends at `.`, `!`, `?`, `…` (and `etc.`) followed by a token that can start a
/// sentence (capital, digit, opening quote or bracket, dash), after any closing quotes and
/// brackets. Abbreviations (`M.`, `p. 12`, `art. 3`) and decimal numbers are single tokens,
/// so they never end a sentence. Terminal punctuation inside `« … »` does not end the sentence:
/// the quotation is part of it. Paragraph breaks (a blank line) and list items starting on a
/// new line always end a sentence.
package struct SentenceSplitter: Sendable {
    package init() {}

    /// The sentences of `text`.
    package func sentences(in text: String) -> [SentenceSpan] {
        sentences(in: ScalarText(text))
    }

    func sentences(in text: ScalarText) -> [SentenceSpan] {
        sentences(in: text, tokens: FrenchTokenizer().tokenize(text))
    }

    func sentences(in text: ScalarText, tokens t: [RawToken]) -> [SentenceSpan] {
        guard !t.isEmpty else { return [] }
        let s = text.values
        var result: [SentenceSpan] = []
        var first = 0
        var quoteDepth = 0
        var straightQuoteOpen = false
        var closesStraightQuote: [Bool] = Array(repeating: false, count: t.count)
        for (index, token) in t.enumerated() where token.kind == .punctuation && s[token.start] == 0x22 {
            closesStraightQuote[index] = straightQuoteOpen
            straightQuoteOpen.toggle()
        }
        var k = 0

        func close(_ last: Int) {
            result.append(SentenceSpan(start: t[first].start, end: t[last].end))
            first = last + 1
            quoteDepth = 0
        }

        while k < t.count {
            if k > first, isHardBreak(s, t[k - 1], t[k], tokens: t, index: k) {
                close(k - 1)
            }
            let token = t[k]
            let head = s[token.start]
            if token.kind == .punctuation {
                if Self.openingQuotes.contains(head) {
                    quoteDepth += 1
                } else if Self.closingQuotes.contains(head) {
                    quoteDepth = max(0, quoteDepth - 1)
                }
            }
            if isClauseBreak(s, t, k) {
                close(k)
                k += 1
                continue
            }
            guard isTerminal(s, t, k) else {
                k += 1
                continue
            }
            var last = k
            while last + 1 < t.count,
                isCloser(s, t[last + 1], closesStraightQuote: closesStraightQuote[last + 1])
                    || isTerminal(s, t, last + 1),
                !isHardBreak(s, t[last], t[last + 1], tokens: t, index: last + 1)
            {
                last += 1
                if Self.closingQuotes.contains(s[t[last].start]) { quoteDepth = max(0, quoteDepth - 1) }
            }
            let next = last + 1
            if next < t.count, !isListNumber(s, t, first: first, terminal: k),
                !(quoteDepth > 0 && quotationContinuesSentence(s, t, from: next)),
                canStartSentence(s, t[next]) || startsAfterPlainPeriod(s, t, k, next)
            {
                close(last)
            }
            k = next
        }
        if first < t.count { close(t.count - 1) }
        return result
    }

    /// `2.`, `b.`, `IV.` opening a sentence: a list number, not a sentence of its own.
    private func isListNumber(_ s: [UInt32], _ t: [RawToken], first: Int, terminal: Int) -> Bool {
        guard terminal == first + 1, s[t[terminal].start] == 0x2E, t[terminal].end - t[terminal].start == 1 else {
            return false
        }
        let marker = t[first]
        let length = marker.end - marker.start
        switch marker.kind {
        case .number:
            return length <= 3
        case .word:
            if length == 1 { return true }
            guard length <= 4 else { return false }
            for k in marker.start..<marker.end {
                switch s[k] {
                case 0x49, 0x56, 0x58, 0x4C, 0x43: continue  // I V X L C
                default: return false
                }
            }
            return true
        default:
            return false
        }
    }

    /// Inside `« … »`: whether the closing quote comes soon and the sentence goes on after it
    /// (`« Je viens. Tu restes. » dit-il.`).
    private func quotationContinuesSentence(_ s: [UInt32], _ t: [RawToken], from index: Int) -> Bool {
        var q = index
        while q < t.count, q < index + 40 {
            if q > index, isHardBreak(s, t[q - 1], t[q], tokens: t, index: q) { return false }
            if t[q].kind == .punctuation, Self.closingQuotes.contains(s[t[q].start]) {
                var after = q + 1
                while after < t.count, t[after].kind == .punctuation, isTerminalHead(s[t[after].start]) { after += 1 }
                guard after < t.count else { return false }
                return after == q + 1 && !canStartSentence(s, t[after])
            }
            q += 1
        }
        return false
    }

    /// `;` or `:` followed by a capitalised function word (`… ; Les premières sorties …`): the
    /// capital shows a new sentence.
    private func isClauseBreak(_ s: [UInt32], _ t: [RawToken], _ k: Int) -> Bool {
        let token = t[k]
        guard token.kind == .punctuation, token.end - token.start == 1,
            s[token.start] == 0x3B || s[token.start] == 0x3A,
            k + 1 < t.count, t[k + 1].kind == .word
        else { return false }
        let next = t[k + 1]
        guard ScalarFolding.lower(s[next.start]) != s[next.start], next.end - next.start <= 14 else { return false }
        var word = ""
        for i in next.start..<next.end {
            let v = ScalarClass.of(s[i]) == .apostrophe ? 0x27 : ScalarFolding.lower(s[i])
            if let u = Unicode.Scalar(v) { word.unicodeScalars.append(u) }
        }
        return FrenchSentenceOpeners.words.contains(word)
    }

    /// A bare period after a long lowercase word, followed by a lowercase word: a sentence whose
    /// next one was not capitalised (abbreviations are tokens of their own, so this is not one).
    private func startsAfterPlainPeriod(_ s: [UInt32], _ t: [RawToken], _ terminal: Int, _ next: Int) -> Bool {
        guard terminal > 0, next == terminal + 1, s[t[terminal].start] == 0x2E,
            t[terminal].end - t[terminal].start == 1
        else { return false }
        let previous = t[terminal - 1]
        guard previous.kind == .word, previous.end - previous.start >= 5, previous.end == t[terminal].start,
            t[next].kind == .word
        else { return false }
        for i in previous.start..<previous.end
        where ScalarFolding.lower(s[i]) != s[i] || ScalarClass.of(s[i]) != .letter {
            return false
        }
        return true
    }

    private static let openingQuotes: Set<UInt32> = [0xAB, 0x201C, 0x201E, 0x2039]
    private static let closingQuotes: Set<UInt32> = [0xBB, 0x201D, 0x203A]

    private func isTerminalHead(_ head: UInt32) -> Bool {
        head == 0x2E || head == 0x21 || head == 0x3F || head == 0x2026
    }

    /// `.`, `!`, `?`, `…` and their runs (but not the `(...)` of an omission); `etc.` and the like.
    private func isTerminal(_ s: [UInt32], _ t: [RawToken], _ k: Int) -> Bool {
        let token = t[k]
        let head = s[token.start]
        switch token.kind {
        case .punctuation:
            guard isTerminalHead(head) else { return false }
            if k > 0, t[k - 1].end == token.start, s[t[k - 1].start] == 0x28 || s[t[k - 1].start] == 0x5B,
                k + 1 < t.count, t[k + 1].start == token.end
            {
                return false
            }
            return true
        case .word:
            guard s[token.end - 1] == 0x2E, token.end - token.start <= 7 else { return false }
            var word = ""
            for k in token.start..<(token.end - 1) {
                if let u = Unicode.Scalar(ScalarFolding.lower(s[k])) { word.unicodeScalars.append(u) }
            }
            return FrenchTokenLists.sentenceFinalAbbreviations.contains(word)
        default:
            return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence they end.
    private func isCloser(_ s: [UInt32], _ token: RawToken, closesStraightQuote: Bool) -> Bool {
        guard token.kind == .punctuation, token.end - token.start == 1 else { return false }
        switch s[token.start] {
        case 0x22: return closesStraightQuote
        case 0xBB, 0x201D, 0x203A, 0x29, 0x5D, 0x2019, 0x27: return true
        default: return false
        }
    }

    /// A capital, a digit, an opening quote or bracket, or a dash.
    private func canStartSentence(_ s: [UInt32], _ token: RawToken) -> Bool {
        let head = s[token.start]
        switch token.kind {
        case .word, .url, .email:
            if ScalarFolding.lower(head) != head { return true }
            return ScalarClass.of(head) == .digit
        case .number:
            return true
        case .punctuation, .symbol:
            switch head {
            case 0xAB, 0x201C, 0x201E, 0x22, 0x28, 0x5B, 0x2013, 0x2014, 0x2D, 0xBF, 0xA1, 0x2026: return true
            default: return false
            }
        }
    }

    /// A blank line (or paragraph separator, form feed) between two tokens, or a line break
    /// before a list bullet.
    private func isHardBreak(_ s: [UInt32], _ a: RawToken, _ b: RawToken, tokens: [RawToken], index: Int) -> Bool {
        guard b.start > a.end else { return false }
        var newlines = 0
        for k in a.end..<b.start {
            switch s[k] {
            case 0x0A: newlines += 1
            case 0x2029, 0x0C: return true
            default: break
            }
        }
        if newlines >= 2 { return true }
        guard newlines == 1 else { return false }
        return isListMarker(s, b, following: index + 1 < tokens.count ? tokens[index + 1] : nil)
    }

    private func isListMarker(_ s: [UInt32], _ token: RawToken, following: RawToken?) -> Bool {
        let head = s[token.start]
        switch head {
        case 0x2022, 0x25E6, 0x25AA, 0x25CF, 0x2023, 0x2043, 0x2013, 0x2014, 0x2D, 0x2A, 0xB7, 0x25A0, 0xF0B7:
            return true
        default: break
        }
        // "1." "2)" "a)" at the start of a line.
        guard let following, following.start == token.end, token.end - token.start <= 3 else { return false }
        let mark = s[following.start]
        return (mark == 0x29 || mark == 0x2E) && following.end - following.start == 1
    }
}
