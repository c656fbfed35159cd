import LibXMLKit

/// Which parts of a page hold its main text.
struct HTMLMainContent {
    /// Roots of the main content, in document order.
    var roots: [Int]
    /// Nodes left out as page furniture (their whole subtree is left out).
    var removed: [Bool]
    var statistics: HTMLTextStatistics
}

/// Finds the article in a page: `<article>`, then `<main>`, then the best-scoring container.
enum HTMLContentLocator {
    /// A semantic container is trusted when it holds at least this share of the page's text.
    static let semanticShare = 0.3

    static func locate(in tree: HTMLTree) -> HTMLMainContent {
        let removed = removalMask(for: tree)
        let statistics = HTMLTextStatistics(tree: tree, removed: removed)
        let total = statistics.textLength[HTMLTree.rootIndex]

        let articles = outermost(
            tree.nodes.indices.filter {
                !removed[$0]
                    && (tree.name(at: $0) == "article" || tree[$0].attribute("role")?.lowercased() == "article")
                    && statistics.textLength[$0] > 0
            }, in: tree)
        if let best = articles.max(by: { statistics.textLength[$0] < statistics.textLength[$1] }),
            Double(statistics.textLength[best]) >= semanticShare * Double(total)
        {
            let bestLength = statistics.textLength[best]
            let sequence = articles.filter {
                $0 == best
                    || (tree.parent(at: $0) == tree.parent(at: best)
                        && Double(statistics.textLength[$0]) >= semanticShare * Double(bestLength))
            }
            return HTMLMainContent(roots: sequence, removed: removed, statistics: statistics)
        }

        let mains = outermost(
            tree.nodes.indices.filter {
                !removed[$0]
                    && (tree.name(at: $0) == "main" || tree[$0].attribute("role")?.lowercased() == "main")
            }, in: tree)
        if let best = mains.max(by: { statistics.textLength[$0] < statistics.textLength[$1] }),
            statistics.textLength[best] > 0,
            Double(statistics.textLength[best]) >= semanticShare * Double(total)
        {
            return HTMLMainContent(roots: [best], removed: removed, statistics: statistics)
        }

        let roots = ContainerScoring(tree: tree, removed: removed, statistics: statistics).bestRoots()
        if !roots.isEmpty {
            return HTMLMainContent(roots: roots, removed: removed, statistics: statistics)
        }
        // Too little prose to score: whatever text is left outside furniture is the content.
        let body = tree.elements(named: "body").first ?? HTMLTree.rootIndex
        return HTMLMainContent(roots: [body], removed: removed, statistics: statistics)
    }

    /// Marks furniture, top-down. Class and id rules never remove an element that contains
    /// an `<article>` or `<main>`, so a page's layout classes cannot hide its article; and
    /// header rules spare a header that holds an `<h1>` (an article's title block).
    static func removalMask(for tree: HTMLTree) -> [Bool] {
        let count = tree.count
        var containsSemantic = Array(repeating: false, count: count)
        var containsTitle = Array(repeating: false, count: count)
        for index in stride(from: count - 1, through: 1, by: -1) {
            guard tree.kind(at: index) == .element, let parent = tree.parent(at: index) else { continue }
            let name = tree.name(at: index)
            if name == "article" || name == "main" { containsSemantic[index] = true }
            if name == "h1" { containsTitle[index] = true }
            if containsSemantic[index] { containsSemantic[parent] = true }
            if containsTitle[index] { containsTitle[parent] = true }
        }
        var removed = Array(repeating: false, count: count)
        var insideArticle = Array(repeating: false, count: count)
        for index in 1..<max(count, 1) {
            let parent = tree.parent(at: index) ?? HTMLTree.rootIndex
            if removed[parent] {
                removed[index] = true
                continue
            }
            guard tree.kind(at: index) == .element else {
                insideArticle[index] = insideArticle[parent]
                continue
            }
            let node = tree[index]
            insideArticle[index] = insideArticle[parent] || node.name == "article"
            if HTMLBoilerplateRules.isHidden(node) || HTMLBoilerplateRules.droppedTags.contains(node.name) {
                removed[index] = true
            } else if !containsSemantic[index],
                HTMLBoilerplateRules.isChrome(
                    node, keepsHeaders: insideArticle[parent] || containsTitle[index])
            {
                removed[index] = true
            }
        }
        return removed
    }

    /// Keeps the candidates that are not inside another candidate.
    private static func outermost(_ candidates: [Int], in tree: HTMLTree) -> [Int] {
        var result: [Int] = []
        for candidate in candidates {
            if let last = result.last, tree.isAncestor(last, of: candidate) { continue }
            result.append(candidate)
        }
        return result
    }
}
