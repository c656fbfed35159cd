import EnjeuxModel
import Foundation

/// Reads a plain text file (`.txt`): decoded as a text file without declaration is (UTF-8 or
/// UTF-16 with a byte-order mark, else UTF-8 when valid, else windows-1252); paragraphs are
/// runs of lines between blank lines, their lines joined; a line that opens with a list
/// marker (`- `, `• `, `1. `…) is a list item of its own, without its marker. Form feeds are
/// page breaks: a text with any is cited by page, one without by paragraph.
enum PlainTextExtractor {
    static func extract(data: Data) -> ExtractedContent {
        let decoded = HTMLEncodingDetector.decodeText(data)
        var flow = FlowBuilder()
        var hasPageBreaks = false
        for line in TextLines.split(decoded.text) {
            switch line {
            case .pageBreak:
                hasPageBreaks = true
                flow.end()
                flow.pageBreak(.explicit)
            case .text(let text):
                if TextLines.isBlank(text) {
                    flow.end()
                } else if let item = TextLines.listItemText(text) {
                    flow.begin(.listItem)
                    flow.append(String(item))
                } else {
                    if !flow.isOpen { flow.begin(.paragraph) }
                    flow.append(" " + text)
                }
            }
        }
        let pages = flow.pages(layoutRecorded: hasPageBreaks)
        var warnings = decoded.warnings
        if !pages.contains(where: { !$0.blocks.isEmpty }) { warnings.append(.noText) }
        return ExtractedContent(metadata: DocumentMetadata(), pages: pages, warnings: warnings)
    }
}
