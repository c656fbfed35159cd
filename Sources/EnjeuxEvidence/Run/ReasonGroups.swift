/// Failures or warnings gathered by their French headline, for a summary that reads at a
/// thousand documents: « mot de passe requis… : 15 documents », then the documents. A document
/// named several times under one headline (four unreadable pages) is one item, its details
/// joined (« page 1, page 2, page 3, page 4 »). Groups come by decreasing number of documents
/// (ties by headline, ignoring case), their items in the order given.
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
        var paths: [String: [String]] = [:]
        var details: [String: [String: [String]]] = [:]
        for (path, reason) in reasons {
            let headline = reason.headline
            if paths[headline] == nil { order.append(headline) }
            if details[headline]?[path] == nil { paths[headline, default: []].append(path) }
            details[headline, default: [:]][path, default: []] += reason.detail.map { [$0] } ?? []
        }
        let groups = order.map { headline in
            ReasonGroup(
                headline: headline,
                items: (paths[headline] ?? []).map { path in
                    let joined = (details[headline]?[path] ?? []).joined(separator: ", ")
                    return Item(path: path, detail: joined.isEmpty ? nil : joined)
                })
        }
        return groups.sorted {
            $0.items.count != $1.items.count
                ? $0.items.count > $1.items.count
                : $0.headline.lowercased().unicodeScalars.lexicographicallyPrecedes(
                    $1.headline.lowercased().unicodeScalars)
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
