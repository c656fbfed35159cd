import EnjeuxModel

/// Numbers: decimal separators, grouped thousands, ranges, ordinals.
extension TokenScanner {
    /// Digits with decimal comma or point, thousands grouped by spaces, ranges (`2015-2016`),
    /// then an attached word part (`1er`, `XXe`, `10h30`).
    mutating func scanNumber(at i: Int) -> (Int, TokenKind) {
        var j = i
        while isDigit(j) { j += 1 }
        var groupable = j - i <= 3
        loop: while j < n {
            let v = s[j]
            switch c[j] {
            case .comma where isDigit(j + 1), .period where isDigit(j + 1):
                j += 1
                while isDigit(j) { j += 1 }
                groupable = false
            case .period where isLetter(j + 1) && isDigit(j - 1):
                return (scanWord(from: j, start: i), .word)
            case .space where groupable && isGroupSeparator(v) && isThousandsGroup(at: j + 1):
                j += 4
            case .hyphen where isDigit(j + 1):
                j += 1
                while isDigit(j) { j += 1 }
                groupable = false
            case .punctuation where (v == 0x2F || v == 0x3A) && isDigit(j + 1):
                j += 1
                while isDigit(j) { j += 1 }
                groupable = false
            default:
                break loop
            }
        }
        // Times are split as in UD: 20h30 → 20 h 30, 23h → 23 h.
        if j < n, s[j] | 0x20 == 0x68, !isLetter(j + 1) { return (j, .number) }
        guard j < n, c[j] == .letter || c[j] == .mark || (c[j] == .hyphen && isAlnum(j + 1)) else {
            return (j, .number)
        }
        let end = scanWord(from: j, start: i)
        return (end, isOrdinalSuffix(j, end) ? .number : .word)
    }

    func isGroupSeparator(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 || v == 0x202F || v == 0x2009 }

    func isThousandsGroup(at k: Int) -> Bool {
        isDigit(k) && isDigit(k + 1) && isDigit(k + 2) && !isDigit(k + 3) && !isLetter(k + 3)
    }

    func isOrdinalSuffix(_ from: Int, _ to: Int) -> Bool {
        guard to - from <= 4 else { return false }
        switch lowered(from, to) {
        case "e", "er", "re", "ère", "ème", "eme", "è", "nd", "nde", "d", "es", "ers", "res", "èmes", "emes":
            return true
        default: return false
        }
    }
}
