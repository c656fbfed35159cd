/// A document's distinct `(norm, stem)` pairs in order of first use: the `forms` of a passage
/// file and the forms table of a columns file, which store each pair once and point to it
/// from every token.
struct FormTable {
    private struct Pair: Hashable {
        var norm: String
        var stem: String
    }

    private var indices: [Pair: Int] = [:]
    private(set) var pairs: [(String, String)] = []

    /// The table of every token of `passages`, with each token's index in it, in token order.
    init(of passages: [Passage]) {
        for passage in passages {
            for token in passage.tokens { tokenForms.append(index(norm: token.norm, stem: token.stem)) }
        }
    }

    /// An empty table, filled passage by passage with `add(_:)`.
    init() {}

    /// Adds the forms of a passage's tokens that are not in the table yet; returns the index of
    /// each token's form (not kept in `tokenForms`).
    mutating func add(_ tokens: [Token]) -> [Int] {
        tokens.map { index(norm: $0.norm, stem: $0.stem) }
    }

    /// The index of each token of the passages the table was built from, in order.
    private(set) var tokenForms: [Int] = []

    private mutating func index(norm: String, stem: String) -> Int {
        let pair = Pair(norm: norm, stem: stem)
        if let index = indices[pair] { return index }
        indices[pair] = pairs.count
        pairs.append((norm, stem))
        return pairs.count - 1
    }
}
