import Foundation
import LibXMLKit

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about its article:
/// sites fill it for search engines, so it often names the author, date and publisher
/// more cleanly than the visible page does.
struct HTMLStructuredData {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var publisherName: String?
    /// The article's text as the site gives it to search engines (a hint of where it is).
    var articleBody: String?

    /// Scripts larger than this are not decoded (bounded work on hostile pages).
    static let maximumScriptLength = 1_048_576

    /// `@type` values of the objects that describe an article.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "scholarlyarticle", "techarticle", "report", "socialmediaposting", "liveblogposting", "webpage",
        "creativework", "backgroundnewsarticle", "review",
    ]

    init(tree: HTMLTree) {
        var described: [[String: Any]] = []
        for index in tree.elements(named: "script")
        where tree[index].attribute("type")?.lowercased().contains("ld+json") == true {
            let text = Self.jsonPart(of: tree.rawText(of: index))
            guard text.utf8.count <= Self.maximumScriptLength,
                let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            else { continue }
            described += Self.objects(in: json, depth: 0).filter { Self.articleRank($0) != nil }
        }
        // An article object is trusted before a web page object, which names the page.
        for object in described.sorted(by: { (Self.articleRank($0) ?? 2) < (Self.articleRank($1) ?? 2) }) {
            headline = headline ?? Self.strings(object["headline"]).first
            if authors.isEmpty { authors = Self.names(object["author"]) }
            datePublished = datePublished ?? Self.strings(object["datePublished"]).first
            publisherName = publisherName ?? Self.names(object["publisher"]).first
            articleBody = articleBody ?? (object["articleBody"] as? String)
        }
    }

    /// The text from the first `{` or `[` to the last `}` or `]`: pages wrap their JSON in
    /// `<![CDATA[ … ]]>` or comments.
    private static func jsonPart(of script: String) -> Substring {
        var text = script
        if let open = text.range(of: "<![CDATA[") { text = String(text[open.upperBound...]) }
        if let close = text.range(of: "]]>", options: .backwards) { text = String(text[..<close.lowerBound]) }
        guard let start = text.firstIndex(where: { $0 == "{" || $0 == "[" }),
            let end = text.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end
        else { return "" }
        return text[start...end]
    }

    /// 0 for an article, 1 for a page, nil for other objects.
    private static func articleRank(_ object: [String: Any]) -> Int? {
        let types = strings(object["@type"]).map { $0.lowercased() }
        guard types.contains(where: articleTypes.contains) else { return nil }
        return types.allSatisfy { $0 == "webpage" || $0 == "creativework" } ? 1 : 0
    }

    /// Every dictionary of the document, `@graph` members included, up to a fixed depth.
    private static func objects(in json: Any, depth: Int) -> [[String: Any]] {
        guard depth < 6 else { return [] }
        if let array = json as? [Any] { return array.flatMap { objects(in: $0, depth: depth + 1) } }
        guard let object = json as? [String: Any] else { return [] }
        var found = [object]
        if let graph = object["@graph"] { found += objects(in: graph, depth: depth + 1) }
        if let main = object["mainEntity"] { found += objects(in: main, depth: depth + 1) }
        return found
    }

    /// Strings of a value that is a string or an array of strings.
    private static func strings(_ value: Any?) -> [String] {
        if let text = value as? String { return [HTMLWhitespace.collapse(text)].filter { !$0.isEmpty } }
        if let array = value as? [Any] { return array.flatMap { strings($0) } }
        return []
    }

    /// The names of persons or organisations (a string, an object with `name`, or an array).
    private static func names(_ value: Any?) -> [String] {
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        if let object = value as? [String: Any] { return strings(object["name"]) }
        return strings(value).filter { !$0.hasPrefix("http") }
    }
}
