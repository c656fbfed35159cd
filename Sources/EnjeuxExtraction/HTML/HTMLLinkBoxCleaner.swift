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
        var removed = removed
        for root in roots {
            var index = root + 1
            let end = tree.subtreeEnd(of: root)
            let dropsTeasers = tree.isElement(root, named: "article")
            while index < end {
                let isTeaser =
                    dropsTeasers && tree.isElement(index, named: "article")
                    && Double(statistics.textLength[index]) < teaserShare * Double(statistics.textLength[root])
                let isLinkBox =
                    boxTags.contains(tree.name(at: index)) && statistics.textLength[index] > 0
                    && statistics.linkDensity(index) > maximumLinkShare
                    && statistics.punctuation[index] < proseMarks
                if !removed[index], tree.kind(at: index) == .element, isTeaser || isLinkBox {
                    let subtreeEnd = tree.subtreeEnd(of: index)
                    for inner in index..<subtreeEnd { removed[inner] = true }
                    index = subtreeEnd
                    continue
                }
                index += 1
            }
        }
        return removed
    }
}
