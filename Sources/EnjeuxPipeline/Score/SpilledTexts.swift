import EnjeuxSupport
import Foundation

/// The texts of a long document's matched passages between the two passes of scoring, in a
/// temporary file (`ScratchFile`) rather than in memory: a 200 MB web page matched on every
/// core would otherwise hold most of its text until the second pass.
///
/// Written by one thread during the first pass; read by several during the second, once the
/// writing is over (a `ScratchFile` reads with `pread`), hence `@unchecked Sendable`.
final class SpilledTexts: @unchecked Sendable {
    private let scratch = ScratchFile(memoryLimit: 0)

    /// Keeps a text; returns where it is.
    func append(_ text: String) -> Range<Int> {
        var text = text
        return text.withUTF8 { scratch.append($0) }
    }

    /// The text kept at `range`.
    func text(at range: Range<Int>) throws(FileReadError) -> String {
        String(decoding: try scratch.read(range), as: UTF8.self)
    }
}
