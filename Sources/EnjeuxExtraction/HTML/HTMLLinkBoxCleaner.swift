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

    /// The removal mask with the link boxes under the roots marked removed too.
    static func clean(
        _ removed: [Bool], roots: [Int], tree: HTMLTree, statistics: HTMLTextStatistics
    ) -> [Bool] {
        var removed = removed
        for root in roots {
            var index = root + 1
            let end = tree.subtreeEnd(of: root)
            while index < end {
                if !removed[index], tree.kind(at: index) == .element, boxTags.contains(tree.name(at: index)),
                    statistics.textLength[index] > 0,
                    statistics.linkDensity(index) > maximumLinkShare,
                    statistics.punctuation[index] < proseMarks
                {
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
