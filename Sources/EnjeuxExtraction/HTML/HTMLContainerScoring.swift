import LibXMLKit

/// Finds the article of a page without semantic tags by scoring containers.
///
/// Every block element with inline text of its own is a text block, worth more when it is
/// long and punctuated like prose. A container earns the worth of its child blocks in full,
/// of its grandchild blocks by half and of deeper ones less and less, discounted by its
/// link density; the best container is the article, joined by sibling containers that hold
/// a fair share of prose too.
struct ContainerScoring {
    let tree: HTMLTree
    let removed: [Bool]
    let statistics: HTMLTextStatistics

    /// Text blocks shorter than this (visible characters) are worth nothing.
    static let minimumBlockLength = 25
    /// A sibling joins the article when its prose is worth this share of the best score.
    static let siblingShare = 0.2
    static let minimumSiblingScore = 8.0

    static let positiveTokens: Set<String> = [
        "article", "content", "contenu", "post", "entry", "story", "texte", "text", "body", "main", "corps",
    ]

    /// The worth of a text block from its visible characters, punctuation and link characters.
    static func worth(length: Int, punctuation: Int, linkLength: Int) -> Double {
        guard length >= minimumBlockLength else { return 0 }
        let prose = 1 + Double(punctuation) + min(Double(length) / 100, 3)
        return prose * (1 - Double(linkLength) / Double(length))
    }

    /// How much of a block's worth its ancestors earn, nearest first: the parent in full,
    /// the grandparent by half, then less and less, so a container of paragraphs wrapped
    /// each in a few `<div>`s of their own still gathers them.
    static let ancestorShares = [1.0, 0.5, 1.0 / 6, 1.0 / 9, 1.0 / 12]

    func bestRoots() -> [Int] {
        let count = tree.count
        var score = Array(repeating: 0.0, count: count)
        var proseInSubtree = Array(repeating: 0.0, count: count)
        // A text block is a block element with the text of its inline content (text runs,
        // `<span>`, `<a>`, `<em>`…), not counting nested blocks: a paragraph written as
        // `<div><span>…</span></div>` is worth what a `<p>` is.
        var inlineLength = Array(repeating: 0, count: count)
        var inlineLinks = Array(repeating: 0, count: count)
        var inlinePunctuation = Array(repeating: 0, count: count)
        for index in stride(from: count - 1, through: 1, by: -1) where !removed[index] {
            guard let parent = tree.parent(at: index) else { continue }
            let kind = tree.kind(at: index)
            let isBlock = kind == .element && HTMLBlockCollector.blockTags.contains(tree.name(at: index))
            if kind == .text {
                inlineLength[index] = statistics.textLength[index]
                inlinePunctuation[index] = statistics.punctuation[index]
            } else if tree.name(at: index) == "a" {
                inlineLinks[index] = inlineLength[index]
            }
            if isBlock {
                let worth = Self.worth(
                    length: inlineLength[index], punctuation: inlinePunctuation[index],
                    linkLength: inlineLinks[index])
                proseInSubtree[index] += worth
                if worth > 0 {
                    var ancestor = parent
                    for share in Self.ancestorShares {
                        score[ancestor] += worth * share
                        guard let next = tree.parent(at: ancestor) else { break }
                        ancestor = next
                    }
                }
            } else {
                inlineLength[parent] += inlineLength[index]
                inlineLinks[parent] += inlineLinks[index]
                inlinePunctuation[parent] += inlinePunctuation[index]
            }
            proseInSubtree[parent] += proseInSubtree[index]
        }
        var best: Int?
        var bestScore = 0.0
        for index in 1..<count where score[index] > 0 && tree.kind(at: index) == .element {
            let adjusted = score[index] * (1 - statistics.linkDensity(index)) * classWeight(index)
            score[index] = adjusted
            if adjusted > bestScore {
                bestScore = adjusted
                best = index
            }
        }
        guard var top = best else { return [] }

        // A lone child says nothing about its siblings: look from the outermost wrapper.
        while let parent = tree.parent(at: top), parent != HTMLTree.rootIndex,
            !["body", "html"].contains(tree.name(at: parent)),
            elementChildren(of: parent).count == 1
        {
            top = parent
        }
        guard let parent = tree.parent(at: top) else { return [top] }
        let threshold = max(Self.minimumSiblingScore, Self.siblingShare * bestScore)
        var roots = elementChildren(of: parent).filter { sibling in
            if sibling == top { return true }
            let prose = proseInSubtree[sibling] * (1 - statistics.linkDensity(sibling))
            if prose >= threshold { return true }
            // A paragraph of prose beside the article (an intro or standfirst in its own box).
            return statistics.textLength[sibling] >= 80 && statistics.linkDensity(sibling) < 0.25
                && (tree.name(at: sibling) == "p" || statistics.punctuation[sibling] >= 2)
        }
        if let title = titleHeading(before: top, under: parent, roots: roots) {
            roots.insert(title, at: 0)
        }
        return roots
    }

    /// The article's `<h1>` when it sits in a header block before the chosen text
    /// (a title block is too short to be chosen on its own).
    private func titleHeading(before top: Int, under parent: Int, roots: [Int]) -> Int? {
        for root in roots {
            for index in root..<tree.subtreeEnd(of: root)
            where tree.name(at: index) == "h1" && !removed[index] {
                return nil
            }
        }
        let earlier = elementChildren(of: parent).filter { $0 < top && !roots.contains($0) }
        for sibling in earlier.reversed() {
            for index in stride(from: tree.subtreeEnd(of: sibling) - 1, through: sibling, by: -1)
            where tree.name(at: index) == "h1" && !removed[index] && statistics.textLength[index] > 0 {
                return index
            }
        }
        return nil
    }

    private func elementChildren(of index: Int) -> [Int] {
        tree[index].children.filter { tree.kind(at: $0) == .element && !removed[$0] }
    }

    private func classWeight(_ index: Int) -> Double {
        let node = tree[index]
        let names = [node.attribute("id"), node.attribute("class"), node.attribute("itemprop")]
            .compactMap { $0?.lowercased() }
        for name in names {
            for token in name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            where Self.positiveTokens.contains(String(token)) {
                return 1.25
            }
        }
        return 1
    }
}
