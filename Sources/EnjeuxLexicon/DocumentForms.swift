import EnjeuxCore

/// A document's forms table (the (norm, stem) pairs its passage file lists once) looked up
/// in a lexicon's vocabulary once per form rather than once per token. Grows as the table
/// does; one per document being read.
public struct DocumentForms: Sendable {
    private(set) var table: [(String, String)] = []
    private(set) var normID: [Int32] = []
    private(set) var stemID: [Int32] = []
    private(set) var prefixNode: [Int32] = []
    private(set) var endsSentence: [Bool] = []

    public init() {}

    /// Looks up the forms of `table` not seen yet (the table only grows within a document).
    mutating func update(to table: [(String, String)], lexicon: CompiledLexicon) {
        guard table.count != self.table.count else { return }
        if table.count < self.table.count { self = DocumentForms() }
        let vocabulary = lexicon.vocabulary
        let trie = lexicon.prefixes
        let hasGlobs = !trie.isEmpty
        for (norm, stem) in table[self.table.count...] {
            let (id, node) = TokenVocabulary.withUTF8(norm) { bytes in
                (vocabulary.id(ofBytes: bytes), hasGlobs ? trie.deepestMatch(of: bytes) : -1)
            }
            normID.append(id)
            prefixNode.append(node)
            stemID.append(vocabulary.id(of: stem))
            endsSentence.append(PassageTokens.endsSentence(norm))
        }
        self.table = table
    }
}
