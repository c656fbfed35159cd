/// The prefix globs of a lexicon as a trie over UTF-8 bytes: walking a token's normalised
/// form from its first byte finds every glob it starts with, and stops at the first byte no
/// glob continues with (for most tokens, the first or second one).
struct PrefixTrie: Sendable {
    /// Children of node `n`: `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]` lead to the nodes
    /// at the same places of `edgeTargets`.
    private var edgeStart: [Int] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// Pattern ids of the globs ending at node `n`: `patternIDs[patternStart[n]..<patternStart[n + 1]]`.
    private var patternStart: [Int] = []
    private var patternIDs: [Int] = []
    /// Pattern ids of the globs ending at node `n` or above it:
    /// `pathPatternIDs[pathPatternStart[n]..<pathPatternStart[n + 1]]`, sorted and distinct.
    private var pathPatternStart: [Int] = []
    private var pathPatternIDs: [Int] = []
    /// The root's child for each first byte (-1 for none).
    private var rootChildren: [Int32] = Array(repeating: -1, count: 256)
    /// For the root's children (where most walks stop), a dense table of their own children:
    /// `childTable[denseRow[n] * 256 + byte]` (-1 for none); `denseRow[n]` is -1 for deeper nodes.
    private var denseRow: [Int32] = []
    private var childTable: [Int32] = []

    var isEmpty: Bool { patternIDs.isEmpty }

    /// A trie of `prefixes`: each key is a glob's prefix, with the ids of the patterns it anchors.
    init(prefixes: [String: [Int]]) {
        var children: [[UInt8: Int32]] = [[:]]
        var ids: [[Int]] = [[]]
        for (prefix, patterns) in prefixes {
            var node = 0
            for byte in prefix.utf8 {
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    ids.append([])
                    children[node][byte] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            ids[node] += patterns
        }
        for node in children.indices {
            edgeStart.append(edgeBytes.count)
            for (byte, target) in children[node].sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
                if node == 0 { rootChildren[Int(byte)] = target }
            }
            patternStart.append(patternIDs.count)
            patternIDs += ids[node]
        }
        edgeStart.append(edgeBytes.count)
        patternStart.append(patternIDs.count)
        denseRow = Array(repeating: -1, count: children.count)
        for first in rootChildren where first >= 0 {
            denseRow[Int(first)] = Int32(childTable.count / 256)
            var row = [Int32](repeating: -1, count: 256)
            for (byte, target) in children[Int(first)] { row[Int(byte)] = target }
            childTable += row
        }
        // Nodes are created after their parent, so a parent's path list is ready first.
        var parent = Array(repeating: -1, count: children.count)
        for node in children.indices {
            for target in children[node].values { parent[Int(target)] = node }
        }
        var pathLists: [[Int]] = []
        for node in children.indices {
            let above = parent[node] >= 0 ? pathLists[parent[node]] : []
            let list = ids[node].isEmpty ? above : Array(Set(above + ids[node])).sorted()
            pathLists.append(list)
            pathPatternStart.append(pathPatternIDs.count)
            pathPatternIDs += list
        }
        pathPatternStart.append(pathPatternIDs.count)
    }

    /// The deepest node where a glob prefix of `key` (UTF-8 bytes) ends, or -1 when no glob
    /// prefix starts `key`. `patterns(upTo:)` of that node lists every glob `key` starts with.
    func deepestMatch(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let first = key.first else { return -1 }
        var node = Int(rootChildren[Int(first)])
        var deepest = -1
        var position = 1
        while node >= 0 {
            if patternStart[node] < patternStart[node + 1] { deepest = node }
            guard position < key.count else { break }
            node = child(of: node, byte: key[position])
            position += 1
        }
        return Int32(deepest)
    }

    /// The patterns (sorted, distinct) of the globs ending at `node` or at the nodes on the
    /// way to it from the root.
    func patterns(upTo node: Int32) -> ArraySlice<Int> {
        patternLists.ids[patternLists.range(upTo: node)]
    }

    /// The glob patterns found up to each node, on their own (two arrays to copy rather than
    /// the whole trie).
    struct PatternLists: Sendable {
        fileprivate let start: [Int]
        /// Pattern ids; those of node `n` are at `range(upTo: n)`.
        let ids: [Int]

        /// Where the patterns of the globs ending at `node` or above it are in `ids`.
        func range(upTo node: Int32) -> Range<Int> { start[Int(node)]..<start[Int(node) + 1] }
    }

    var patternLists: PatternLists { PatternLists(start: pathPatternStart, ids: pathPatternIDs) }

    private func child(of node: Int, byte: UInt8) -> Int {
        let row = denseRow[node]
        if row >= 0 { return Int(childTable[Int(row) * 256 + Int(byte)]) }
        for edge in edgeStart[node]..<edgeStart[node + 1] where edgeBytes[edge] == byte {
            return Int(edgeTargets[edge])
        }
        return -1
    }
}
