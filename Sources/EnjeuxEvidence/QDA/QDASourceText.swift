import EnjeuxSupport

/// A document's plain text for the REFI-QDA project, as UTF-8 bytes appended a block at a time:
/// in memory up to a few megabytes, then in a temporary file (`ScratchFile`), so that a
/// 200 MB web page is zipped and its codings placed without its text being held whole.
///
/// Filled by one thread, then read by the one that places the codings (after the hand-over
/// of the parallel map that made it), hence `@unchecked Sendable`.
package final class QDASourceText: @unchecked Sendable {
    private let scratch = ScratchFile(memoryLimit: 4 << 20)

    package init() {}

    package convenience init(_ text: String) {
        self.init()
        append(text)
    }

    /// Appends text (UTF-8).
    package func append(_ text: String) {
        var text = text
        text.withUTF8 { _ = scratch.append($0) }
    }

    /// Its length in UTF-8 bytes.
    package var byteCount: Int { scratch.count }

    /// The bytes of `range`.
    func bytes(_ range: Range<Int>) throws(FileReadError) -> [UInt8] { try scratch.read(range) }

    /// The whole text (tests, and small texts).
    package func string() throws(FileReadError) -> String {
        String(decoding: try scratch.read(0..<scratch.count), as: UTF8.self)
    }
}
