import LibXMLKit

/// Per-node text measures over a tree, with boilerplate subtrees left out.
///
/// Computed bottom-up in one pass over the flat tree (children have larger indexes than
/// their parents), so any depth is fine.
struct HTMLTextStatistics {
    /// Visible characters (whitespace excluded) in each subtree.
    var textLength: [Int]
    /// Visible characters inside links in each subtree.
    var linkLength: [Int]
    /// Commas, semicolons and sentence periods in each subtree.
    var punctuation: [Int]
    /// Visible characters in text nodes that are direct children.
    var ownTextLength: [Int]

    init(tree: HTMLTree, removed: [Bool]) {
        let count = tree.count
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        punctuation = Array(repeating: 0, count: count)
        ownTextLength = Array(repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) where !removed[index] {
            let node = tree[index]
            if node.kind == .text {
                var visible = 0
                var marks = 0
                for scalar in node.text.unicodeScalars {
                    switch scalar {
                    case " ", "\n", "\t", "\r", "\u{0C}": continue
                    case ",", ";", ".": marks += 1
                    default: break
                    }
                    visible += 1
                }
                textLength[index] = visible
                punctuation[index] = marks
            } else if node.name == "a" {
                linkLength[index] = textLength[index]
            }
            guard let parent = node.parent else { continue }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            punctuation[parent] += punctuation[index]
            if node.kind == .text { ownTextLength[parent] += textLength[index] }
        }
    }

    /// Share of the subtree's text that sits inside links (0 when it has no text).
    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }
}
