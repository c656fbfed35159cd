/// Why a document could not be extracted. Every case carries a short reason that is
/// shown to the user next to the document's path.
public enum ExtractionFailure: Error, Sendable, Hashable, Codable {
    case emptyFile
    case notADocument(detail: String)
    case damaged(detail: String)
    case passwordRequired
    case wrongPassword
    case timedOut(seconds: Double)
    case memoryLimitExceeded(megabytes: Int)
    case crashed(detail: String)
    case tooLarge(detail: String)
    case unreadable(detail: String)
    case unsupportedFormat(detail: String)
    /// A protected Word or OpenDocument file, which Enjeux cannot open.
    case encrypted(detail: String)
    /// A damaged file other than a PDF (a zip archive or an XML part that cannot be read).
    case damagedDocument(detail: String)

    /// Short machine-friendly code (`password_required`), stable across versions.
    public var code: String {
        switch self {
        case .emptyFile: "empty_file"
        case .notADocument: "not_a_document"
        case .damaged: "damaged"
        case .passwordRequired: "password_required"
        case .wrongPassword: "wrong_password"
        case .timedOut: "timed_out"
        case .memoryLimitExceeded: "memory_limit"
        case .crashed: "crashed"
        case .tooLarge: "too_large"
        case .unreadable: "unreadable"
        case .unsupportedFormat: "unsupported_format"
        case .encrypted: "encrypted"
        case .damagedDocument: "damaged"
        }
    }

    /// Human-readable reason, in English like the rest of the command-line output.
    public var reason: String {
        switch self {
        case .emptyFile: "empty file"
        case .notADocument(let detail): detail
        case .damaged(let detail): "damaged or truncated PDF (\(detail))"
        case .passwordRequired: "password required (add it to passwords.tsv in the corpus folder)"
        case .wrongPassword: "wrong password (check passwords.tsv in the corpus folder)"
        case .timedOut(let seconds): "extraction took longer than \(Int(seconds)) s and was stopped"
        case .memoryLimitExceeded(let megabytes): "extraction used more than \(megabytes) MB and was stopped"
        case .crashed(let detail): "the extractor crashed on this file (\(detail))"
        case .tooLarge(let detail): "file too large (\(detail))"
        case .unreadable(let detail): "cannot read the file (\(detail))"
        case .unsupportedFormat(let detail): "unsupported format (\(detail))"
        case .encrypted(let detail): "password-protected file (\(detail))"
        case .damagedDocument(let detail): "damaged or truncated file (\(detail))"
        }
    }
}

/// A failure tied to the document it happened on.
public struct DocumentError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path of the document, relative to the corpus when known.
    public var path: String
    public var failure: ExtractionFailure

    public init(path: String, failure: ExtractionFailure) {
        self.path = path
        self.failure = failure
    }

    public var description: String { "\(path): \(failure.reason)" }
}
