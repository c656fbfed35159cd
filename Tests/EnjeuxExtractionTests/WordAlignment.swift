import Foundation

/// Word-level comparison helpers for the cross-format tests.
///
/// Words: the text is normalised with NFKC, lowercased, typographic apostrophes are
/// straightened, then split on whitespace; punctuation (and symbols) at the edges of each
/// piece is stripped and empty pieces dropped. The same normalisation is applied to the
/// HTML and the PDF side, so only real differences of content or order count.
enum WordAlignment {
    /// The comparison words of a text.
    static func words(_ text: String) -> [String] {
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "’", with: "'")
        let edges = CharacterSet.punctuationCharacters.union(.symbols)
        return normalized.split(whereSeparator: { $0.isWhitespace })
            .map { String($0).trimmingCharacters(in: edges) }
            .filter { !$0.isEmpty }
    }

    /// For each word of `a`, whether it belongs to a common subsequence with `b`.
    ///
    /// Anchored recursion (patience-diff style): words occurring exactly once in both
    /// ranges are anchors; the longest increasing run of anchors splits the problem, and
    /// small remaining gaps are solved exactly with the quadratic table. Gaps too large
    /// for the table and without anchors count as unmatched, so the result is a lower
    /// bound of the true longest common subsequence (the test can only be pessimistic).
    static func matchedMask(_ a: [String], _ b: [String]) -> [Bool] {
        var ids: [String: Int32] = [:]
        func intern(_ word: String) -> Int32 {
            if let id = ids[word] { return id }
            let id = Int32(ids.count)
            ids[word] = id
            return id
        }
        let left = a.map(intern)
        let right = b.map(intern)
        var mask = [Bool](repeating: false, count: a.count)
        align(left, 0..<left.count, right, 0..<right.count, &mask)
        return mask
    }

    private static let tableLimit = 4_000_000

    private static func align(
        _ a: [Int32], _ ra: Range<Int>, _ b: [Int32], _ rb: Range<Int>, _ mask: inout [Bool]
    ) {
        var lo = ra.lowerBound
        var hi = ra.upperBound
        var blo = rb.lowerBound
        var bhi = rb.upperBound
        while lo < hi, blo < bhi, a[lo] == b[blo] {
            mask[lo] = true
            lo += 1
            blo += 1
        }
        while lo < hi, blo < bhi, a[hi - 1] == b[bhi - 1] {
            mask[hi - 1] = true
            hi -= 1
            bhi -= 1
        }
        if lo >= hi || blo >= bhi { return }
        if (hi - lo) * (bhi - blo) <= tableLimit {
            exact(a, lo..<hi, b, blo..<bhi, &mask)
            return
        }
        let anchors = uniqueAnchors(a, lo..<hi, b, blo..<bhi)
        guard !anchors.isEmpty else { return }
        var previousA = lo
        var previousB = blo
        for (i, j) in anchors {
            align(a, previousA..<i, b, previousB..<j, &mask)
            mask[i] = true
            previousA = i + 1
            previousB = j + 1
        }
        align(a, previousA..<hi, b, previousB..<bhi, &mask)
    }

    /// Pairs of positions of words unique in both ranges, longest increasing chain.
    private static func uniqueAnchors(
        _ a: [Int32], _ ra: Range<Int>, _ b: [Int32], _ rb: Range<Int>
    ) -> [(Int, Int)] {
        var inA: [Int32: Int] = [:]
        var countA: [Int32: Int] = [:]
        for i in ra {
            countA[a[i], default: 0] += 1
            inA[a[i]] = i
        }
        var inB: [Int32: Int] = [:]
        var countB: [Int32: Int] = [:]
        for j in rb {
            countB[b[j], default: 0] += 1
            inB[b[j]] = j
        }
        var pairs: [(Int, Int)] = []
        for (word, i) in inA where countA[word] == 1 && countB[word] == 1 {
            if let j = inB[word] { pairs.append((i, j)) }
        }
        pairs.sort { $0.0 < $1.0 }
        // Longest increasing subsequence on the B positions (patience sorting).
        var tails: [Int] = []
        var predecessor = [Int](repeating: -1, count: pairs.count)
        for index in pairs.indices {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].1 < pairs[index].1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { predecessor[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            chain.append(pairs[cursor])
            cursor = predecessor[cursor]
        }
        return chain.reversed()
    }

    /// Exact longest common subsequence with the quadratic table (small ranges only).
    private static func exact(_ a: [Int32], _ ra: Range<Int>, _ b: [Int32], _ rb: Range<Int>, _ mask: inout [Bool]) {
        let n = ra.count
        let m = rb.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let here = i * (m + 1) + j
                table[here] =
                    a[ra.lowerBound + i] == b[rb.lowerBound + j]
                    ? table[here + m + 2] + 1 : max(table[here + m + 1], table[here + 1])
            }
        }
        var i = 0
        var j = 0
        while i < n, j < m {
            if a[ra.lowerBound + i] == b[rb.lowerBound + j] {
                mask[ra.lowerBound + i] = true
                i += 1
                j += 1
            } else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
    }
}
