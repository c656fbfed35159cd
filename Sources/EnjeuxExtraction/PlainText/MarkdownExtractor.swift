import EnjeuxModel
import Foundation

/// Reads a Markdown file (`.md`, `.markdown`): decoded as plain text is, its YAML front matter
/// (`MarkdownFrontMatter`) giving the metadata, its blocks (`MarkdownBlocks`) with their
/// inline markup removed (`MarkdownInline`), footnotes placed after the block that calls them
/// (notes that nothing calls after the last block). Form feeds are page breaks: a text with
/// any is cited by page, one without by paragraph. Without a title in the front matter, the
/// first heading is the title.
enum MarkdownExtractor {
    static func extract(data: Data) -> ExtractedContent {
        let decoded = HTMLEncodingDetector.decodeText(data)
        var warnings = decoded.warnings
        let lines = TextLines.split(decoded.text)
        var metadata = DocumentMetadata()
        var body = lines[...]
        if let (yaml, rest) = MarkdownFrontMatter.split(lines) {
            if let fields = MarkdownFrontMatter.metadata(yaml) {
                metadata = fields
                body = rest
            } else {
                warnings.append(.invalidFrontMatter)
            }
        }
        let blocks = MarkdownBlocks(lines: body)
        var flow = FlowBuilder()
        var hasPageBreaks = false
        var called = Set<String>()
        for item in blocks.items {
            switch item {
            case .pageBreak:
                hasPageBreaks = true
                flow.pageBreak(.explicit)
            case .block(let kind, let level, let raw):
                let (text, notes) = MarkdownInline.plain(raw)
                flow.begin(kind, level: level)
                flow.append(text)
                for id in notes where called.insert(id).inserted {
                    flow.deferBlock(Block(kind: .footnote, text: MarkdownInline.plain(blocks.notes[id] ?? "").text))
                }
                flow.end()
            }
        }
        for id in blocks.noteOrder where !called.contains(id) {
            flow.add(.footnote, text: MarkdownInline.plain(blocks.notes[id] ?? "").text)
        }
        let pages = flow.pages(layoutRecorded: hasPageBreaks)
        if !pages.contains(where: { !$0.blocks.isEmpty }) { warnings.append(.noText) }
        return ExtractedContent(
            metadata: OfficeMetadata.withFallbackTitle(metadata, pages: pages), pages: pages, warnings: warnings)
    }
}
