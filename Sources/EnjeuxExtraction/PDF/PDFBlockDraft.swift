import EnjeuxModel

/// A block before its text is assembled: its lines, kind and typography.
struct PDFBlockDraft: Sendable {
    var kind: BlockKind
    var lines: [PDFTextLine]
    var level: Int?

    var fontSize: Double { lines.first?.fontSize ?? 0 }
    var isBold: Bool { lines.allSatisfy(\.isBold) }
    var characterCount: Int { lines.reduce(0) { $0 + $1.scalars.count } }
}
