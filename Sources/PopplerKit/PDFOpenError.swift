/// Why poppler could not open a PDF.
public enum PDFOpenError: Error, Sendable, Hashable {
    /// The document is encrypted and no password (or an empty one) was given.
    case passwordRequired
    /// The document is encrypted and the given password does not open it.
    case wrongPassword
    /// The file looks like a PDF but its structure is broken (no catalogue, bad cross-reference table…).
    case damaged(detail: String)
    /// The bytes are not a PDF at all.
    case notAPDF(detail: String)
}
