import EnjeuxModel

/// The web page inside a MIME web archive, decoded from its transfer encoding but still in
/// its character encoding.
package struct MHTMLPage: Sendable, Hashable {
    /// The page's HTML bytes.
    package var html: [UInt8]
    /// The `charset` parameter of the page's `Content-Type`, when it has one.
    package var charset: String?
    /// Where the page was saved from: the archive's `Snapshot-Content-Location`, else the
    /// page's `Content-Location`.
    package var location: String?
    /// Problems that did not stop reading ("the archive ends without its closing boundary").
    package var warnings: [DocumentWarning]
}
