/// Why a MIME web archive (`.mhtml`, `.mht`) could not be read. The extractor turns it into
/// an `ExtractionFailure`, which the pipeline reports with the document's path.
package enum MIMEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header line, or a header block, longer than the reader's limits.
    case headerTooLong(limit: Int)
    /// More header fields in one block than the reader's limit.
    case tooManyHeaderFields(limit: Int)
    /// The archive's header block never ends with a blank line.
    case unterminatedHeader
    /// A `multipart/*` body whose `Content-Type` has no `boundary` parameter.
    case noBoundary
    /// The boundary of a multipart body never occurs in it.
    case boundaryNotFound(String)
    /// Multipart bodies nested deeper than the reader's limit.
    case nestedTooDeep(limit: Int)
    /// No `text/html` part: the media types that were found instead.
    case noHTMLPart(found: [String])
    /// The page's `Content-Transfer-Encoding` is not one the reader decodes.
    case unsupportedTransferEncoding(String)

    package var description: String {
        switch self {
        case .headerTooLong(let limit): "a MIME header is longer than \(limit) bytes"
        case .tooManyHeaderFields(let limit): "a MIME header block has more than \(limit) fields"
        case .unterminatedHeader: "the MIME header never ends (no blank line after it)"
        case .noBoundary: "a multipart body without a boundary parameter"
        case .boundaryNotFound(let boundary): "the boundary \"\(boundary)\" never occurs in the body"
        case .nestedTooDeep(let limit): "multipart bodies nested more than \(limit) deep"
        case .noHTMLPart(let found):
            found.isEmpty
                ? "no HTML page in the archive" : "no HTML page in the archive (found \(found.joined(separator: ", ")))"
        case .unsupportedTransferEncoding(let name): "the page's transfer encoding \"\(name)\" is not supported"
        }
    }
}
