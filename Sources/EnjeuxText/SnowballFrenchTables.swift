/// The suffix tables of the Snowball French algorithm.

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

private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

enum StandardAction: Sendable {
    case deleteInR2, ation, logie, ution, ence, ement, ite, ive, eaux, aux, oux, euse, issement, amment, emment, ment
}
enum AfterIteAction: Sendable { case abil, ic, iv }
enum AfterEmentAction: Sendable { case iv, eus, ablIqU, ier }
enum VerbAction: Sendable { case ions, delete, deleteWithE, ais }
enum ResidualAction: Sendable { case ion, ier, e }

enum SnowballTables {
    static let standard = SuffixTable<StandardAction>([
        (["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes"], .deleteInR2),
        (["atrice", "ateur", "ation", "atrices", "ateurs", "ations"], .ation),
        (["logie", "logies"], .logie),
        (["usion", "ution", "usions", "utions"], .ution),
        (["ence", "ences"], .ence),
        (["ement", "ements"], .ement),
        (["ité", "ités"], .ite),
        (["if", "ive", "ifs", "ives"], .ive),
        (["eaux"], .eaux),
        (["aux"], .aux),
        (["oux"], .oux),
        (["euse", "euses"], .euse),
        (["issement", "issements"], .issement),
        (["amment"], .amment),
        (["emment"], .emment),
        (["ment", "ments"], .ment),
    ])
    static let afterIte = SuffixTable<AfterIteAction>([(["abil"], .abil), (["ic"], .ic), (["iv"], .iv)])
    static let afterEment = SuffixTable<AfterEmentAction>([
        (["iv"], .iv), (["eus"], .eus), (["abl", "iqU"], .ablIqU), (["ièr", "Ièr"], .ier),
    ])
    static let iVerb = SuffixTable<Void>([
        (
            [
                "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
                "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant",
                "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons",
                "it",
            ], ()
        )
    ])
    static let verb = SuffixTable<VerbAction>([
        (["ions"], .ions),
        (
            [
                "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez",
                "eriez", "erions", "erons", "eront", "ez", "iez",
            ], .delete
        ),
        (
            [
                "âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as", "asse",
                "assent", "asses", "assiez", "assions",
            ], .deleteWithE
        ),
        (["ais", "aise", "aises"], .ais),
        (["eais"], .delete),
    ])
    static let residual = SuffixTable<ResidualAction>([
        (["ion"], .ion), (["ier", "ière", "Ier", "Ière"], .ier), (["e"], .e),
    ])
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
