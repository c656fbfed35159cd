/// Bounds on what the MIME reader accepts, so that a hostile archive costs bounded time and
/// memory: header sizes, header fields, parts and nesting. Beyond them the archive is refused
/// (headers, nesting) or read as far as the limit (parts, with a warning).
package struct MIMELimits: Sendable, Hashable {
    /// Longest header line, folded lines counted together (Chrome writes long URLs unfolded).
    package var headerFieldBytes: Int
    /// Largest header block of the archive or of one part.
    package var headerBlockBytes: Int
    /// Most fields in one header block.
    package var headerFields: Int
    /// Most parts read in one multipart body.
    package var parts: Int
    /// Deepest multipart body looked into (the archive's own body is depth 1).
    package var nesting: Int

    package init(headerFieldBytes: Int, headerBlockBytes: Int, headerFields: Int, parts: Int, nesting: Int) {
        self.headerFieldBytes = headerFieldBytes
        self.headerBlockBytes = headerBlockBytes
        self.headerFields = headerFields
        self.parts = parts
        self.nesting = nesting
    }

    /// Generous for pages saved by browsers and office suites, small for memory.
    package static let standard = MIMELimits(
        headerFieldBytes: 64 * 1024, headerBlockBytes: 1024 * 1024, headerFields: 1000, parts: 20_000, nesting: 4)
}
