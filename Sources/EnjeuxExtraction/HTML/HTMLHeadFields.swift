import LibXMLKit

/// What a page declares about itself in `<meta>`, `<link>`, `<title>` and `<html lang>`,
/// read once for the metadata.
struct HTMLHeadFields {
    /// Meta names and properties, lowercased, with their values in document order.
    var metas: [String: [String]] = [:]
    var canonical: String?
    var htmlTitle: String?
    var language: String?

    init(tree: HTMLTree) {
        for index in tree.nodes.indices where tree.kind(at: index) == .element {
            let name = tree.name(at: index)
            guard name == "meta" || name == "link" || name == "title" || name == "html" else { continue }
            let node = tree[index]
            switch name {
            case "meta":
                guard let value = node.attribute("content").map(HTMLWhitespace.collapse), !value.isEmpty else {
                    continue
                }
                // `property` may hold several names ("dc:title og:title").
                for key in ["name", "property", "itemprop", "http-equiv"] {
                    for name in node.attribute(key)?.lowercased().split(whereSeparator: \.isWhitespace) ?? [] {
                        metas[String(name), default: []].append(value)
                    }
                }
            case "link":
                let rel = node.attribute("rel")?.lowercased().split(separator: " ") ?? []
                if canonical == nil, rel.contains("canonical"),
                    let href = node.attribute("href").map(HTMLWhitespace.collapse),
                    !href.isEmpty
                {
                    canonical = href
                }
            case "title":
                if htmlTitle == nil { htmlTitle = HTMLWhitespace.collapse(tree.rawText(of: index)) }
            case "html":
                language = language ?? node.attribute("lang") ?? node.attribute("xml:lang")
            default:
                continue
            }
        }
    }
}
