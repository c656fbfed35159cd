import LibXMLKit

/// Which nodes of a page are furniture, marked top-down (a removed node's subtree is removed).
///
/// Rules are trusted differently. Hidden elements, tags that never show text (`script`,
/// `button`…), furniture tags and roles (`nav`, `footer`, `role="navigation"`…) and comment
/// sections (long prose that is still not the article) are always removed. Class names
/// ("menu", "widget"…) and `<form>` are only hints: real pages put them on wrappers of the
/// whole page (`<body class="menu-slideout">`, ASP.NET's page-wide `<form>`), so they never
/// remove an element holding most of the page's plain (non-link) text. No rule removes
/// `<html>`, `<body>` or an element around an `<article>`/`<main>`.
struct HTMLRemovalMask {
    /// An element with at least this share of the page's plain text is not furniture by the
    /// hints, in the first pass.
    static let protectedShare = 0.5
    /// The share in the retry, when the hints left too little text: only small boxes go.
    static let retryProtectedShare = 0.1

    static func compute(
        for tree: HTMLTree, protectedShare: Double = protectedShare, measures: HTMLTextMeasures? = nil
    ) -> [Bool] {
        let count = tree.count
        var removed = invisible(in: tree)

        let statistics = HTMLTextStatistics(tree: tree, removed: removed, measures: measures)
        let plain = zip(statistics.textLength, statistics.linkLength).map { $0 - $1 }
        let protectedLength = Int(protectedShare * Double(plain[HTMLTree.rootIndex]))
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
        var insideArticle = Array(repeating: false, count: count)
        for index in 1..<max(count, 1) {
            let parent = tree.parent(at: index) ?? HTMLTree.rootIndex
            if removed[parent] {
                removed[index] = true
                continue
            }
            guard tree.kind(at: index) == .element, !removed[index] else { continue }
            let node = tree[index]
            insideArticle[index] = insideArticle[parent] || node.name == "article"
            if node.name == "html" || node.name == "body" || containsSemantic[index] { continue }
            let keepsHeaders = insideArticle[parent] || containsTitle[index]
            let byTag = HTMLBoilerplateRules.isChromeByTag(node, keepsHeaders: keepsHeaders)
            if (byTag && node.name != "form") || (!containsTitle[index] && HTMLBoilerplateRules.isComments(node)) {
                removed[index] = true
                continue
            }
            if plain[index] > 0, plain[index] >= protectedLength { continue }
            if byTag || HTMLBoilerplateRules.isChromeByName(node, keepsHeaders: keepsHeaders) {
                removed[index] = true
            } else if !containsTitle[index],
                statistics.textLength[index] <= HTMLBoilerplateRules.smallPrintLength,
                HTMLBoilerplateRules.isSmallPrint(node)
            {
                removed[index] = true
            }
        }
        return removed
    }

    /// What a reader never sees: hidden elements and tags that show no text.
    static func invisible(in tree: HTMLTree) -> [Bool] {
        var removed = Array(repeating: false, count: tree.count)
        for index in 1..<max(tree.count, 1) {
            let parent = tree.parent(at: index) ?? HTMLTree.rootIndex
            if removed[parent] {
                removed[index] = true
            } else if tree.kind(at: index) == .element {
                let node = tree[index]
                removed[index] =
                    HTMLBoilerplateRules.isHidden(node) || HTMLBoilerplateRules.invisibleTags.contains(node.name)
            }
        }
        return removed
    }

    /// The baseline when no main text was found: what is invisible, and the furniture
    /// tags and roles (`nav`, `footer`, `role="navigation"`…); class names are not trusted.
    static func baseline(for tree: HTMLTree) -> [Bool] {
        var removed = invisible(in: tree)
        for index in 1..<max(tree.count, 1) {
            let parent = tree.parent(at: index) ?? HTMLTree.rootIndex
            if removed[parent] {
                removed[index] = true
            } else if !removed[index], tree.kind(at: index) == .element, tree.name(at: index) != "body" {
                removed[index] = HTMLBoilerplateRules.isChromeByTag(tree[index], keepsHeaders: false)
            }
        }
        return removed
    }
}
