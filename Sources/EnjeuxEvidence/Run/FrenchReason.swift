/// A reason as readers see it, in French: the `headline` names the situation and is the same
/// for every document in it (the report groups failures and warnings by it); the `detail`,
/// when there is one, is what differs from one document to the next (a page, a line, a
/// library's message).
package struct FrenchReason: Sendable, Hashable {
    package var headline: String
    package var detail: String?

    package init(_ headline: String, detail: String? = nil) {
        self.headline = headline
        self.detail = detail?.isEmpty == true ? nil : detail
    }

    /// The whole reason on one line: `n’est pas un PDF (contenu inconnu)`.
    package var text: String {
        detail.map { "\(headline) (\($0))" } ?? headline
    }
}
