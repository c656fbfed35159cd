import EnjeuxSupport
import Foundation

/// One passage collected for a brief, with what finds it again after a re-extraction.
struct BasketItem: Codable, Sendable, Hashable {
    var passageId: String
    var issue: String
    var source: String
    var quote: String
}

/// The passages collected for a brief, in the brief's order, and its title; kept in the
/// corpus folder (`review-basket.json`, written atomically) so that it survives restarts.
struct BriefBasket: Codable, Sendable, Hashable {
    var title: String = "Extraits de la documentation"
    var items: [BasketItem] = []

    static func load(_ url: URL) -> BriefBasket {
        guard let data = try? Data(contentsOf: url) else { return BriefBasket() }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try? decoder.decode(BriefBasket.self, from: data)) ?? BriefBasket()
    }

    func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(self), to: url)
    }

    /// The selection file of `make brief`: one passage id a line, in the brief's order.
    var selectionText: String {
        "# " + title.replacingOccurrences(of: "\n", with: " ") + "\n" + items.map { $0.passageId + "\n" }.joined()
    }
}
