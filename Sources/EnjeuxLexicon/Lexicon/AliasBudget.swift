import Yams

/// A bound on what YAML aliases add to a lexicon. An anchor (`&terms`) and its aliases
/// (`*terms`) let several categories share one list, but each alias is read as a full copy:
/// a small file that reuses a list of 10,000 terms in a thousand categories (or nests
/// aliases of aliases, the "billion laughs") would make the reader build millions of terms.
/// The nodes that aliases add, once expanded, are counted without expanding them (the size of
/// each anchored node is computed once); beyond `maximumAddedNodes` the lexicon is refused at
/// the alias that crosses the budget. A lexicon without aliases is never limited.
enum AliasBudget {
    /// The most nodes aliases may add (a term written as `{term: x, weight: 2}` is five nodes).
    static let maximumAddedNodes = 100_000

    /// Where the budget was crossed.
    struct Excess: Error {
        /// The key under which the alias that crossed the budget stands (the alias itself has
        /// no position of its own once composed).
        var position: SourcePosition
        var anchor: String
        var anchorPosition: SourcePosition
    }

    /// The place where aliases add more than `limit` nodes, or nil when they stay within it.
    /// The nodes' anchors must still be alive (keep the `Parser` that composed `root`).
    static func excess(in root: Node, limit: Int = maximumAddedNodes) -> Excess? {
        var walk = Walk(limit: limit)
        do {
            _ = try walk.size(of: root, under: root.position)
            return nil
        } catch {
            return error
        }
    }

    private struct Walk {
        let limit: Int
        var sizes: [ObjectIdentifier: Int] = [:]
        var added = 0

        /// The node's size once its aliases are expanded (saturating at the limit).
        mutating func size(of node: Node, under key: SourcePosition) throws(Excess) -> Int {
            let anchor = node.anchor
            if let anchor, let known = sizes[ObjectIdentifier(anchor)] {
                added = min(added + known, limit + 1)
                if added > limit {
                    throw Excess(position: key, anchor: anchor.rawValue, anchorPosition: node.position)
                }
                return known
            }
            var total = 1
            switch node {
            case .scalar, .alias:
                break
            case .sequence(let sequence):
                for item in sequence { total = min(total + (try size(of: item, under: key)), limit + 1) }
            case .mapping(let mapping):
                for (name, value) in mapping {
                    total = min(total + (try size(of: name, under: name.position)), limit + 1)
                    total = min(total + (try size(of: value, under: name.position)), limit + 1)
                }
            }
            if let anchor { sizes[ObjectIdentifier(anchor)] = total }
            return total
        }
    }
}
