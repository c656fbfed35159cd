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
    /// The root's child for each first byte (-1 for none).
    private var rootChildren: [Int32] = Array(repeating: -1, count: 256)

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
    }

    /// Appends to `ids` the patterns of every glob whose prefix starts `key` (UTF-8 bytes);
    /// returns whether it appended any.
    func appendMatches(of key: UnsafeBufferPointer<UInt8>, to ids: inout [Int]) -> Bool {
        guard let first = key.first else { return false }
        var node = Int(rootChildren[Int(first)])
        var found = false
        var position = 1
        while node >= 0 {
            let (start, end) = (patternStart[node], patternStart[node + 1])
            if start < end {
                ids.append(contentsOf: patternIDs[start..<end])
                found = true
            }
            guard position < key.count else { break }
            node = child(of: node, byte: key[position])
            position += 1
        }
        return found
    }

    private func child(of node: Int, byte: UInt8) -> Int {
        for edge in edgeStart[node]..<edgeStart[node + 1] where edgeBytes[edge] == byte {
            return Int(edgeTargets[edge])
        }
        return -1
    }
}
