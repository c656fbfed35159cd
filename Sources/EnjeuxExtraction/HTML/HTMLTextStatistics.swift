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

    /// `measures` are the tree's text measures when already computed (the statistics are
    /// built several times over one tree, with different nodes removed).
    init(tree: HTMLTree, removed: [Bool], measures: HTMLTextMeasures? = nil) {
        let measures = measures ?? HTMLTextMeasures(tree: tree)
        let count = tree.count
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        punctuation = Array(repeating: 0, count: count)
        ownTextLength = Array(repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) where !removed[index] {
            let kind = tree.kind(at: index)
            if kind == .text {
                textLength[index] = Int(measures.visible[index])
                punctuation[index] = Int(measures.marks[index])
            } else if tree.name(at: index) == "a" {
                linkLength[index] = textLength[index]
            }
            guard let parent = tree.parent(at: index) else { continue }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            punctuation[parent] += punctuation[index]
            if kind == .text { ownTextLength[parent] += textLength[index] }
        }
    }

    /// Share of the subtree's text that sits inside links (0 when it has no text).
    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }
}

/// The visible characters and punctuation marks of each text node of a tree, measured once
/// (`HTMLTextStatistics` sums them over the nodes that are not removed, several times a page).
struct HTMLTextMeasures {
    /// Visible characters of each text node (0 for other nodes).
    let visible: [Int32]
    /// Commas, semicolons and periods of each text node.
    let marks: [Int32]

    init(tree: HTMLTree) {
        var visible = Array(repeating: Int32(0), count: tree.count)
        var marks = Array(repeating: Int32(0), count: tree.count)
        for index in tree.nodes.indices where tree.kind(at: index) == .text {
            var text = tree.text(at: index)
            let (count, punctuation) = text.withUTF8(HTMLByteCounts.visibleAndPunctuation)
            visible[index] = Int32(clamping: count)
            marks[index] = Int32(clamping: punctuation)
        }
        self.visible = visible
        self.marks = marks
    }
}
