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

    /// Content shorter than this (visible characters) and than `retryShare` of the text the
    /// page shows outside its semantic furniture is looked for again with class names
    /// trusted on small boxes only, as real pages sometimes give the article's own wrappers
    /// furniture names (`menu-slideout`, `widget Blog`); the longer result is kept.
    static let retryLength = 500
    static let retryShare = 0.25

    /// The article is looked for where the page's declared `articleBody` is when the roots
    /// found hold less than this share of it.
    static let declaredBodyShare = 0.7

    static func locate(in tree: HTMLTree, articleBody: String? = nil) -> HTMLMainContent {
        var content = locateWithRetry(in: tree)
        if let hint = HTMLArticleBodyHint(articleBody: articleBody),
            let root = hint.betterRoot(
                than: content.roots, tree: tree, removed: content.removed, share: declaredBodyShare)
        {
            content.roots = [root]
        }
        content.removed = HTMLLinkBoxCleaner.clean(
            content.removed, roots: content.roots, tree: tree, statistics: content.statistics)
        return content
    }

    private static func locateWithRetry(in tree: HTMLTree) -> HTMLMainContent {
        // Each text node is measured once; the statistics below sum the measures again for
        // each set of removed nodes.
        let measures = HTMLTextMeasures(tree: tree)
        let first = locate(
            in: tree, removed: HTMLRemovalMask.compute(for: tree, measures: measures), measures: measures)
        let firstLength = first.roots.reduce(0) { $0 + first.statistics.textLength[$1] }
        guard firstLength < retryLength else { return first }
        let looser = HTMLRemovalMask.compute(
            for: tree, protectedShare: HTMLRemovalMask.retryProtectedShare, measures: measures)
        let available = HTMLTextStatistics(tree: tree, removed: looser, measures: measures).textLength[
            HTMLTree.rootIndex]
        guard Double(firstLength) < retryShare * Double(available) else { return first }
        let second = locate(in: tree, removed: looser, measures: measures)
        let secondLength = second.roots.reduce(0) { $0 + second.statistics.textLength[$1] }
        return secondLength > firstLength ? second : first
    }

    private static func locate(in tree: HTMLTree, removed: [Bool], measures: HTMLTextMeasures) -> HTMLMainContent {
        let statistics = HTMLTextStatistics(tree: tree, removed: removed, measures: measures)
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
