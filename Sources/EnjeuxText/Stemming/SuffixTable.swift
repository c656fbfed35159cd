import EnjeuxFrench

/// Suffixes with the action of each, bucketed by their last scalar, longest first in each bucket.
/// Flat arrays, so a look-up does no reference counting.
final class SuffixTable<Action: Sendable>: Sendable {
    /// All suffixes, concatenated.
    let pool: [UInt32]
    let starts: [Int]
    let lengths: [Int]
    let actions: [Action]
    /// Entries whose suffix ends with a scalar `v` are `bucketStarts[b]..<bucketStarts[b + 1]`, `b = v & 0xFF`.
    let bucketStarts: [Int]

    init(_ groups: [([String], Action)]) {
        var all: [(suffix: [UInt32], action: Action)] = []
        for (suffixes, action) in groups {
            for s in suffixes { all.append((s.unicodeScalars.map(\.value), action)) }
        }
        all.sort {
            ($0.suffix.last ?? 0) & 0xFF != ($1.suffix.last ?? 0) & 0xFF
                ? ($0.suffix.last ?? 0) & 0xFF < ($1.suffix.last ?? 0) & 0xFF : $0.suffix.count > $1.suffix.count
        }
        var pool: [UInt32] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var actions: [Action] = []
        var bucketStarts = Array(repeating: 0, count: 257)
        for entry in all {
            starts.append(pool.count)
            lengths.append(entry.suffix.count)
            actions.append(entry.action)
            pool.append(contentsOf: entry.suffix)
            bucketStarts[Int((entry.suffix.last ?? 0) & 0xFF) + 1] += 1
        }
        for b in 0..<256 { bucketStarts[b + 1] += bucketStarts[b] }
        self.pool = pool
        self.starts = starts
        self.lengths = lengths
        self.actions = actions
        self.bucketStarts = bucketStarts
    }
}

/// The suffix lists of `SnowballFrenchSuffixLists` as look-up tables, and the short suffixes
/// the steps test by hand.
enum SnowballTables {
    static let standard = SuffixTable<StandardAction>(SnowballFrenchSuffixLists.standard)
    static let afterIte = SuffixTable<AfterIteAction>(SnowballFrenchSuffixLists.afterIte)
    static let afterEment = SuffixTable<AfterEmentAction>(SnowballFrenchSuffixLists.afterEment)
    static let iVerb = SuffixTable<Void>(SnowballFrenchSuffixLists.iVerb)
    static let verb = SuffixTable<VerbAction>(SnowballFrenchSuffixLists.verb)
    static let residual = SuffixTable<ResidualAction>(SnowballFrenchSuffixLists.residual)
    static let ic = scalars("ic")
    static let u = scalars("u")
    static let i = scalars("i")
    static let iqU = scalars("iqU")
    static let log = scalars("log")
    static let ent = scalars("ent")
    static let ant = scalars("ant")
    static let at = scalars("at")
    static let abl = scalars("abl")
    static let eau = scalars("eau")
    static let al = scalars("al")
    static let ou = scalars("ou")
    static let eux = scalars("eux")
}

private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
