import EnjeuxCommandLine
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// A document after the first pass: its summary, its share of the corpus statistics (until
/// it is merged), and its passages that matched a term, with their matches.
///
/// The matched passages wait for the second pass packed in bytes (`PackedWriter`): held as
/// Swift values, the passages of a thousand documents took more memory than anything else
/// in the stage.
struct MatchedDocument: Sendable {
    var summary: DocumentSummary
    var statistics: CorpusStatistics?
    /// The packed passages, in pieces (one per batch of passages matched together), so that
    /// the second pass can score the pieces of a long document on several cores.
    private var pieces: [MatchedPiece] = []

    /// How many pieces the matched passages are packed in.
    var pieceCount: Int { pieces.count }

    init(summary: DocumentSummary, statistics: CorpusStatistics? = nil) {
        self.summary = summary
        self.statistics = statistics
    }

    /// Keeps a piece of matched passages (packed by `MatchedPiece.append`), unless it is empty.
    mutating func append(_ piece: MatchedPiece) {
        if piece.count > 0 { pieces.append(piece) }
    }

    /// The matched passages in order, unpacked one at a time.
    func forEachMatched(_ body: (Passage, Scorer.AnalyzedPassage) -> Void) throws(FileReadError) {
        for piece in pieces.indices { try forEachMatched(inPiece: piece, body) }
    }

    /// The matched passages of one piece, in order.
    func forEachMatched(
        inPiece piece: Int, _ body: (Passage, Scorer.AnalyzedPassage) -> Void
    ) throws(FileReadError) {
        try pieces[piece].forEach(body)
    }

    /// Drops the matched passages (once they are scored).
    mutating func dropMatched() {
        pieces = []
    }
}

/// Matched passages (without their tokens) and their matches, packed in bytes; their texts
/// are kept as they were read (packing them would mean checking their UTF-8 again to read
/// them back), or, for a long document, moved to a temporary file (`spill(into:)`).
struct MatchedPiece: Sendable {
    private var packed = PackedWriter()
    private var texts: [String] = []
    /// Where the texts are once `spill(into:)` moved them.
    private var spilled: (file: SpilledTexts, ranges: [Range<Int>])?
    var count: Int { spilled?.ranges.count ?? texts.count }

    /// Moves the texts to `file`: memory keeps their places only.
    mutating func spill(into file: SpilledTexts) {
        guard spilled == nil else { return }
        spilled = (file, texts.map { file.append($0) })
        texts = []
    }

    /// Keeps a matched passage and its matches.
    mutating func append(_ passage: Passage, _ analysis: Scorer.AnalyzedPassage) {
        packed.string(passage.id)
        packed.int(passage.index)
        packed.int(passage.page)
        packed.optionalInt(passage.endPage)
        packed.optionalString(passage.pageLabel)
        packed.optionalString(passage.endPageLabel)
        packed.optionalString(passage.heading)
        packed.optionalInt(passage.paragraph)
        packed.string(passage.blockKind.rawValue)
        texts.append(passage.text)
        analysis.pack(into: &packed)
    }

    /// The passages in order, unpacked one at a time; a spilled text that cannot be read back
    /// throws.
    func forEach(_ body: (Passage, Scorer.AnalyzedPassage) -> Void) throws(FileReadError) {
        var reader = PackedReader(packed.bytes)
        for position in 0..<count {
            let text: String
            if let spilled {
                text = try spilled.file.text(at: spilled.ranges[position])
            } else {
                text = texts[position]
            }
            let unpacked: (Passage, Scorer.AnalyzedPassage)
            do {
                unpacked = try Self.unpack(from: &reader, text: text)
            } catch {
                // Written just before by `append`, in this process: cannot be malformed.
                preconditionFailure("matched passages packed in memory could not be read back at byte \(error.offset)")
            }
            body(unpacked.0, unpacked.1)
        }
    }

    private static func unpack(
        from reader: inout PackedReader, text: String
    ) throws(PackedReader.Malformed) -> (Passage, Scorer.AnalyzedPassage) {
        let id = try reader.string()
        let index = try reader.int()
        let page = try reader.int()
        let endPage = try reader.optionalInt()
        let pageLabel = try reader.optionalString()
        let endPageLabel = try reader.optionalString()
        let heading = try reader.optionalString()
        let paragraph = try reader.optionalInt()
        let kind = BlockKind(rawValue: try reader.string()) ?? .paragraph
        let analysis = try Scorer.AnalyzedPassage.unpack(from: &reader)
        let passage = Passage(
            id: id, index: index, page: page, endPage: endPage, pageLabel: pageLabel,
            endPageLabel: endPageLabel, heading: heading, paragraph: paragraph, blockKind: kind, text: text,
            tokens: [])
        return (passage, analysis)
    }
}
