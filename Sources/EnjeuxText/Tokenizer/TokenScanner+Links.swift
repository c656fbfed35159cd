/// URLs and e-mail addresses.
extension TokenScanner {
    /// `http://…`, `https://…`, `ftp://…`, `www.…` up to a space, without trailing punctuation.
    func scanURL(at i: Int) -> Int? {
        let first = s[i] | 0x20
        guard first == 0x68 || first == 0x77 || first == 0x66 else { return nil }
        var j = i
        if matchesCaseless("https://", at: i) {
            j = i + 8
        } else if matchesCaseless("http://", at: i) || matchesCaseless("ftp://", at: i) {
            j = i + (first == 0x66 ? 6 : 7)
        } else if matchesCaseless("www.", at: i), isAlnum(i + 4) {
            j = i + 4
        } else {
            return nil
        }
        guard isAlnum(j) else { return nil }
        var openParens = 0
        while j < n, c[j] != .space, c[j] != .control, !isURLTerminator(s[j]) {
            if s[j] == 0x28 { openParens += 1 } else if s[j] == 0x29 { openParens -= 1 }
            j += 1
        }
        while j > i {
            let last = s[j - 1]
            if last == 0x29, openParens < 0 {
                openParens += 1
                j -= 1
                continue
            }
            switch last {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x2019, 0x5D, 0x7D: j -= 1
            default: return j
            }
        }
        return nil
    }

    func isURLTerminator(_ v: UInt32) -> Bool {
        v == 0x3C || v == 0x3E || v == 0x22 || v == 0xAB || v == 0xBB || v == 0x201C || v == 0x201D
    }

    func matchesCaseless(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= n else { return false }
        return literal.withUTF8Buffer { bytes in
            for k in 0..<count {
                let v = s[i + k]
                let folded = (v &- 0x41) < 26 ? v | 0x20 : v
                if folded != UInt32(bytes[k]) { return false }
            }
            return true
        }
    }

    /// `local@domain.tld` with ASCII letters, digits and `._%+-`.
    func scanEmail(at i: Int) -> Int? {
        var j = i
        while j < n, j - i < 64, isEmailLocal(s[j]) { j += 1 }
        guard j > i, j < n, s[j] == 0x40 else { return nil }
        var k = j + 1
        var lastDot = -1
        while k < n, k - j < 255, isDomainChar(s[k]) {
            if s[k] == 0x2E {
                guard k + 1 < n, isDomainChar(s[k + 1]), s[k + 1] != 0x2E, s[k - 1] != 0x2E else { break }
                lastDot = k
            }
            k += 1
        }
        guard lastDot > j + 1, k - lastDot > 2 else { return nil }
        return k
    }

    @inline(__always) func isASCIIAlnum(_ v: UInt32) -> Bool {
        (v &- 0x30) < 10 || ((v | 0x20) &- 0x61) < 26
    }
    @inline(__always) func isEmailLocal(_ v: UInt32) -> Bool {
        isASCIIAlnum(v) || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2B || v == 0x2D
    }
    @inline(__always) func isDomainChar(_ v: UInt32) -> Bool { isASCIIAlnum(v) || v == 0x2D || v == 0x2E }
}
