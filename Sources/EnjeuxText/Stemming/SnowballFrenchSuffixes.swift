/// A word under stemming and the suffix steps of the French algorithm (steps 1 to 6).
/// Marker letters from the prelude: `U I Y` (consonant u, i, y) and `H` (before a diaeresis letter).
struct ScalarWord {
    var w: [UInt32]

    init(_ w: [UInt32]) { self.w = w }

    var string: String {
        var s = String.UnicodeScalarView()
        for v in w { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }

    // MARK: suffix helpers

    /// Whether the word ends with `suffix` starting at or after `limit`.
    private func ends(with suffix: [UInt32], limit: Int = 0) -> Bool {
        let start = w.count - suffix.count
        guard start >= limit else { return false }
        var i = 0
        while i < suffix.count {
            if w[start + i] != suffix[i] { return false }
            i += 1
        }
        return true
    }

    /// The longest suffix of `table` the word ends with, starting at or after `limit`.
    private func longest<Action: Sendable>(_ table: SuffixTable<Action>, limit: Int = 0) -> (
        start: Int, action: Action
    )? {
        guard let last = w.last else { return nil }
        let bucket = Int(last & 0xFF)
        let n = w.count
        var e = table.bucketStarts[bucket]
        let end = table.bucketStarts[bucket + 1]
        while e < end {
            let length = table.lengths[e]
            let start = n - length
            if start >= limit {
                var p = table.starts[e]
                var k = start
                while k < n, w[k] == table.pool[p] {
                    k += 1
                    p += 1
                }
                if k == n { return (start, table.actions[e]) }
            }
            e += 1
        }
        return nil
    }

    private func char(before position: Int) -> UInt32? { position > 0 ? w[position - 1] : nil }

    private mutating func replace(from start: Int, with text: [UInt32]) {
        w.replaceSubrange(start..<w.count, with: text)
    }

    private mutating func delete(from start: Int) { w.removeSubrange(start..<w.count) }

    // MARK: the steps

    mutating func stemSuffixes(_ r: SnowballRegions) {
        var removed = false
        switch standardSuffix(r) {
        case .succeeded:
            removed = true
        case .failed, .failedAfterChange:
            removed = iVerbSuffix(r) || verbSuffix(r)
        }
        if removed {
            if let last = w.last {
                if last == 0x59 { w[w.count - 1] = 0x69 } else if last == 0xE7 { w[w.count - 1] = 0x63 }
            }
        } else {
            residualSuffix(r)
        }
        unDouble()
        unAccent()
    }

    enum StepResult { case succeeded, failed, failedAfterChange }

    /// Step 1: standard suffix removal.
    private mutating func standardSuffix(_ r: SnowballRegions) -> StepResult {
        guard let (start, action) = longest(SnowballTables.standard) else { return .failed }
        let inR2 = start >= r.p2
        let inR1 = start >= r.p1
        let inRV = start >= r.pV
        switch action {
        case .deleteInR2:
            guard inR2 else { return .failed }
            delete(from: start)
        case .ation:
            guard inR2 else { return .failed }
            delete(from: start)
            if ends(with: SnowballTables.ic) {
                let icStart = w.count - 2
                if icStart >= r.p2 { delete(from: icStart) } else { replace(from: icStart, with: SnowballTables.iqU) }
            }
        case .logie:
            guard inR2 else { return .failed }
            replace(from: start, with: SnowballTables.log)
        case .ution:
            guard inR2 else { return .failed }
            replace(from: start, with: SnowballTables.u)
        case .ence:
            guard inR2 else { return .failed }
            replace(from: start, with: SnowballTables.ent)
        case .ement:
            guard inRV else { return .failed }
            delete(from: start)
            afterEment(r)
        case .ite:
            guard inR2 else { return .failed }
            delete(from: start)
            if let (s, a) = longest(SnowballTables.afterIte) {
                switch a {
                case .abil: if s >= r.p2 { delete(from: s) } else { replace(from: s, with: SnowballTables.abl) }
                case .ic: if s >= r.p2 { delete(from: s) } else { replace(from: s, with: SnowballTables.iqU) }
                case .iv: if s >= r.p2 { delete(from: s) }
                }
            }
        case .ive:
            guard inR2 else { return .failed }
            delete(from: start)
            if ends(with: SnowballTables.at), w.count - 2 >= r.p2 {
                delete(from: w.count - 2)
                if ends(with: SnowballTables.ic) {
                    let icStart = w.count - 2
                    if icStart >= r.p2 {
                        delete(from: icStart)
                    } else {
                        replace(from: icStart, with: SnowballTables.iqU)
                    }
                }
            }
        case .eaux:
            replace(from: start, with: SnowballTables.eau)
        case .aux:
            guard inR1 else { return .failed }
            replace(from: start, with: SnowballTables.al)
        case .oux:
            guard let before = char(before: start), FrenchLetters.precedesOux(before) else { return .failed }
            replace(from: start, with: SnowballTables.ou)
        case .euse:
            if inR2 {
                delete(from: start)
            } else if inR1 {
                replace(from: start, with: SnowballTables.eux)
            } else {
                return .failed
            }
        case .issement:
            guard inR1, let before = char(before: start), !FrenchLetters.isVowel(before) else { return .failed }
            delete(from: start)
        case .amment:
            guard inRV else { return .failed }
            replace(from: start, with: SnowballTables.ant)
            return .failedAfterChange
        case .emment:
            guard inRV else { return .failed }
            replace(from: start, with: SnowballTables.ent)
            return .failedAfterChange
        case .ment:
            guard let before = char(before: start), FrenchLetters.isVowel(before), start - 1 >= r.pV else {
                return .failed
            }
            delete(from: start)
            return .failedAfterChange
        }
        return .succeeded
    }

    /// What follows the removal of `-ement(s)`.
    private mutating func afterEment(_ r: SnowballRegions) {
        guard let (s, a) = longest(SnowballTables.afterEment) else { return }
        switch a {
        case .iv:
            guard s >= r.p2 else { return }
            delete(from: s)
            if ends(with: SnowballTables.at), w.count - 2 >= r.p2 { delete(from: w.count - 2) }
        case .eus:
            if s >= r.p2 { delete(from: s) } else if s >= r.p1 { replace(from: s, with: SnowballTables.eux) }
        case .ablIqU:
            if s >= r.p2 { delete(from: s) }
        case .ier:
            if s >= r.pV { replace(from: s, with: SnowballTables.i) }
        }
    }

    /// Step 2a: verb endings in `i`, removed when preceded by a non-vowel inside RV.
    private mutating func iVerbSuffix(_ r: SnowballRegions) -> Bool {
        guard let (start, _) = longest(SnowballTables.iVerb, limit: r.pV) else { return false }
        guard start - 1 >= r.pV else { return false }
        let before = w[start - 1]
        guard before != 0x48, !FrenchLetters.isVowel(before) else { return false }
        delete(from: start)
        return true
    }

    /// Step 2b: other verb endings, inside RV.
    private mutating func verbSuffix(_ r: SnowballRegions) -> Bool {
        guard let (start, action) = longest(SnowballTables.verb, limit: r.pV) else { return false }
        switch action {
        case .ions:
            guard start >= r.p2 else { return false }
            delete(from: start)
        case .delete:
            delete(from: start)
        case .deleteWithE:
            if start - 1 >= r.pV, w[start - 1] == 0x65 { delete(from: start - 1) } else { delete(from: start) }
        case .ais:
            if isAisException(before: start) { return false }
            delete(from: start)
        }
        return true
    }

    /// `-ais(e)(s)` stays after a one-letter-plus-`al` stem (palais), after `auv` (mauvais), after `épl` (déplais).
    private func isAisException(before start: Int) -> Bool {
        if start == 3, w[1] == 0x61, w[2] == 0x6C { return true }
        if start >= 3, w[start - 3] == 0x61, w[start - 2] == 0x75, w[start - 1] == 0x76 { return true }
        if start >= 3, w[start - 3] == 0xE9, w[start - 2] == 0x70, w[start - 1] == 0x6C { return true }
        return false
    }

    /// Step 4: residual suffixes.
    private mutating func residualSuffix(_ r: SnowballRegions) {
        if let last = w.last, last == 0x73, w.count >= 2 {
            let before = w[w.count - 2]
            let afterHi = w.count >= 3 && w[w.count - 3] == 0x48 && before == 0x69
            if afterHi || !FrenchLetters.keepsFinalS(before) { w.removeLast() }
        }
        guard let (start, action) = longest(SnowballTables.residual, limit: r.pV) else { return }
        switch action {
        case .ion:
            if start >= r.p2, start - 1 >= r.pV, w[start - 1] == 0x73 || w[start - 1] == 0x74 { delete(from: start) }
        case .ier:
            replace(from: start, with: SnowballTables.i)
        case .e:
            delete(from: start)
        }
    }

    /// Step 5: `enn onn ett ell eill` lose their last letter.
    private mutating func unDouble() {
        let n = w.count
        guard n >= 3 else { return }
        let a = w[n - 3]
        let b = w[n - 2]
        let c = w[n - 1]
        let doubled =
            (b == 0x6E && c == 0x6E && (a == 0x65 || a == 0x6F))  // enn onn
            || (b == 0x74 && c == 0x74 && a == 0x65)  // ett
            || (b == 0x6C && c == 0x6C && (a == 0x65 || (a == 0x69 && n >= 4 && w[n - 4] == 0x65)))  // ell eill
        if doubled { w.removeLast() }
    }

    /// Step 6: an `é` or `è` followed by at least one non-vowel up to the end becomes `e`.
    private mutating func unAccent() {
        var i = w.count
        while i > 0, !FrenchLetters.isVowel(w[i - 1]) { i -= 1 }
        guard i < w.count, i > 0 else { return }
        if w[i - 1] == 0xE9 || w[i - 1] == 0xE8 { w[i - 1] = 0x65 }
    }
}
