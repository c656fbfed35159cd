/// A passage's tokens as parallel columns, the way passage files store them: offsets, kind,
/// and the index of each token's (norm, stem) pair in its document's forms table. Readers
/// that only match tokens (the scorer) use them instead of building a `Token` per token.
public struct PassageTokenColumns: Sendable, Hashable {
    public var start: [Int]
    public var end: [Int]
    public var kind: [TokenKind]
    /// Index in the document's forms table of each token's (norm, stem) pair.
    public var form: [Int]

    public init(start: [Int] = [], end: [Int] = [], kind: [TokenKind] = [], form: [Int] = []) {
        self.start = start
        self.end = end
        self.kind = kind
        self.form = form
    }

    public var count: Int { start.count }
}
