import Foundation

/// A file named `.html` that holds plain text (no `<` anywhere: an article body saved as
/// text) is given the markup it lacks before extraction: one `<p>` per run of lines between
/// blank lines, `&` and `>` escaped, handed over as UTF-8 with a byte-order mark. Without
/// it the parser would make the whole file one paragraph.
enum HTMLPlainTextPage {
    /// The text as paragraphs of HTML, or nil when the bytes hold markup (any `<`).
    static func markup(for data: Data) -> Data? {
        guard data.firstIndex(of: UInt8(ascii: "<")) == nil else { return nil }
        let text = HTMLEncodingDetector.decode(data).text
        var paragraphs: [String] = []
        var lines: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
                lines = []
            } else {
                lines.append(line)
            }
        }
        if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
        let body = paragraphs.map { paragraph in
            "<p>" + paragraph.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: ">", with: "&gt;")
                + "</p>\n"
        }
        var result = Data([0xEF, 0xBB, 0xBF])
        result.append(contentsOf: ("<!DOCTYPE html>\n<html><body>\n" + body.joined() + "</body></html>\n").utf8)
        return result
    }
}
