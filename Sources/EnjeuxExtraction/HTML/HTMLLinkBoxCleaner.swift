import LibXMLKit

/// Leaves out the boxes of links inside the article: "more stories", "related", tag
/// lists, next/previous teasers. Furniture inside an article rarely has a class name the
/// rules know, but it is made of links, where the article's own text is made of sentences.
enum HTMLLinkBoxCleaner {
    /// Containers that can be a box of links.
    static let boxTags: Set<String> = ["div", "section", "ul", "ol", "dl", "table", "aside", "header"]
    /// A box with more than this share of its text in links is furniture...
    static let maximumLinkShare = 0.5
    /// ...unless it holds this many commas and semicolons (a paragraph of prose with links).
    static let proseMarks = 10

    /// A nested `<article>` with less than this share of its root's text is a teaser.
    static let teaserShare = 0.3

    /// The removal mask with the link boxes under the roots marked removed too, and, in a
    /// root that is an `<article>`, the small `<article>`s nested in it (teasers of other
    /// stories).
    static func clean(
        _ removed: [Bool], roots: [Int], tree: HTMLTree, statistics: HTMLTextStatistics
    ) -> [Bool] {
        let cleaned = boxesRemoved(removed, roots: roots, tree: tree, statistics: statistics)
        // A page that is all boxes is a list of stories (a section's front page): its boxes
        // are its text.
        let before = roots.reduce(0) { $0 + statistics.textLength[$1] }
        let after = roots.reduce(0) {
            $0 + visibleLength(under: $1, removed: cleaned, tree: tree, statistics: statistics)
        }
        return Double(after) < keptShare * Double(before) ? removed : cleaned
    }

    /// Cleaning that leaves less than this share of the text is undone.
    static let keptShare = 0.1

    private static func visibleLength(
        under root: Int, removed: [Bool], tree: HTMLTree, statistics: HTMLTextStatistics
    ) -> Int {
        var length = 0
        for index in root..<tree.subtreeEnd(of: root) where !removed[index] && tree.kind(at: index) == .text {
            length += statistics.textLength[index]
        }
        return length
    }

    private static func boxesRemoved(
        _ removed: [Bool], roots: [Int], tree: HTMLTree, statistics: HTMLTextStatistics
    ) -> [Bool] {
        var removed = removed
        let ends = subtreeEnds(of: tree)
        // Roots joined beside the article can be teaser cards themselves.
        let cards =
            roots.count > 1 ? roots.filter { isTeaserCard($0, tree: tree, statistics: statistics, ends: ends) } : []
        if cards.count < roots.count {
            for card in cards {
                for inner in card..<ends[card] { removed[inner] = true }
            }
        }
        for root in roots where !removed[root] {
            var index = root + 1
            let end = ends[root]
            let dropsTeasers = tree.isElement(root, named: "article")
            while index < end {
                let isTeaser =
                    dropsTeasers && tree.isElement(index, named: "article")
                    && Double(statistics.textLength[index]) < teaserShare * Double(statistics.textLength[root])
                let isLinkBox =
                    boxTags.contains(tree.name(at: index)) && statistics.textLength[index] > 0
                    && statistics.linkDensity(index) > maximumLinkShare
                    && statistics.punctuation[index] < proseMarks
                    && (!["ul", "ol"].contains(tree.name(at: index))
                        || isListOfLinks(index, tree: tree, statistics: statistics))
                if !removed[index], tree.kind(at: index) == .element,
                    isTeaser || isLinkBox || isTeaserCard(index, tree: tree, statistics: statistics, ends: ends)
                {
                    for inner in index..<ends[index] { removed[inner] = true }
                    index = ends[index]
                    continue
                }
                index += 1
            }
        }
        return removed
    }

    /// A list is a box of links when most of its items are links and nothing else; items
    /// written around their links ("Neil has patches up to improve the tab unloader")
    /// are notes of the text.
    private static func isListOfLinks(_ index: Int, tree: HTMLTree, statistics: HTMLTextStatistics) -> Bool {
        let items = tree.children(at: index).filter { tree.isElement($0, named: "li") && statistics.textLength[$0] > 0 }
        let links = items.count { statistics.linkDensity($0) >= 0.8 }
        return 2 * links >= items.count
    }

    /// A teaser card holds at most this many visible characters.
    static let cardLength = 400
    static let cardTags: Set<String> = ["div", "section", "li", "article", "aside"]
    /// ...and at most this many nodes (which bounds the work of looking inside boxes).
    static let cardNodes = 200

    /// One past the last node of each node's subtree, for the whole tree in one pass.
    static func subtreeEnds(of tree: HTMLTree) -> [Int] {
        var ends = Array(0..<tree.count).map { $0 + 1 }
        for index in stride(from: tree.count - 1, through: 1, by: -1) {
            if let parent = tree.parent(at: index), ends[index] > ends[parent] { ends[parent] = ends[index] }
        }
        return ends
    }

    /// A short box whose heading is a link: the card of another story ("2020 Mini JCW GP
    /// is a 300HP monster hatch" and its first sentence). An article's own headings are not
    /// links.
    static func isTeaserCard(_ index: Int, tree: HTMLTree, statistics: HTMLTextStatistics, ends: [Int]) -> Bool {
        guard cardTags.contains(tree.name(at: index)), statistics.textLength[index] > 0,
            statistics.textLength[index] <= cardLength, ends[index] - index <= cardNodes
        else { return false }
        for inner in index..<ends[index] where tree.kind(at: inner) == .element {
            switch tree.name(at: inner) {
            case "h2", "h3", "h4", "h5", "h6":
                if statistics.textLength[inner] > 0, statistics.linkDensity(inner) >= 0.9 { return true }
                if statistics.textLength[inner] > 0, hasLinkAncestor(inner, below: index, tree: tree) { return true }
            default: continue
            }
        }
        return false
    }

    private static func hasLinkAncestor(_ index: Int, below top: Int, tree: HTMLTree) -> Bool {
        var current = tree.parent(at: index)
        while let node = current, node > top {
            if tree.isElement(node, named: "a") { return true }
            current = tree.parent(at: node)
        }
        return false
    }
}
