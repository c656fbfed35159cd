/// Failures or warnings gathered by their French headline, for a summary that reads at a
/// thousand documents: « mot de passe requis… — 15 documents », then the documents. Groups
/// come by decreasing size (ties by headline), their items in the order given.
package struct ReasonGroup: Sendable, Hashable {
    package struct Item: Sendable, Hashable {
        /// The document (or catalog file) the reason is about.
        package var path: String
        /// What is particular to it (a page, a line, a library's message), if anything.
        package var detail: String?
    }

    package var headline: String
    package var items: [Item]

    /// Groups `(path, reason)` pairs by headline.
    package static func grouped(_ reasons: [(path: String, reason: FrenchReason)]) -> [ReasonGroup] {
        var order: [String] = []
        var items: [String: [Item]] = [:]
        for (path, reason) in reasons {
            if items[reason.headline] == nil { order.append(reason.headline) }
            items[reason.headline, default: []].append(Item(path: path, detail: reason.detail))
        }
        return order.map { ReasonGroup(headline: $0, items: items[$0] ?? []) }.sorted {
            $0.items.count != $1.items.count
                ? $0.items.count > $1.items.count
                : $0.headline.unicodeScalars.lexicographicallyPrecedes($1.headline.unicodeScalars)
        }
    }

    /// The failures of a run, grouped.
    package static func failures(_ failures: [RunFailure]) -> [ReasonGroup] {
        grouped(failures.map { ($0.path, FrenchFailureReasons.reason($0)) })
    }

    /// The warnings of a run, grouped.
    package static func warnings(_ warnings: [RunWarning]) -> [ReasonGroup] {
        grouped(warnings.map { ($0.path, FrenchWarningReasons.reason($0)) })
    }
}
