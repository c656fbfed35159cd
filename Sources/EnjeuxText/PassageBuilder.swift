import EnjeuxCore

/// How passages are cut.
public struct PassageOptions: Codable, Sendable, Hashable {
    /// Upper bound on words per passage; a longer sentence is a passage of its own.
    public var maxWords = 80

    public init(maxWords: Int = 80) { self.maxWords = maxWords }
}

/// Cuts an extracted document into passages.
/// SKELETON: to be replaced by the real implementation.
public struct PassageBuilder: Sendable {
    public var analyzer: FrenchAnalyzer
    public var options: PassageOptions

    public init(analyzer: FrenchAnalyzer = FrenchAnalyzer(), options: PassageOptions = PassageOptions()) {
        self.analyzer = analyzer
        self.options = options
    }

    public func passages(of document: ExtractedDocument) -> [Passage] {
        var out: [Passage] = []
        var heading: String? = nil
        for page in document.pages {
            for block in page.blocks {
                if block.kind == .heading { heading = block.text; continue }
                let index = out.count
                let id = String(SHA256.hex(of: "\(document.sha256):\(index):\(block.text)").prefix(16))
                out.append(
                    Passage(
                        id: id, index: index, page: page.number, pageLabel: page.label, heading: heading,
                        blockKind: block.kind, text: block.text, tokens: analyzer.tokens(in: block.text)))
            }
        }
        return out
    }
}
