import EnjeuxSupport
import Testing

@testable import EnjeuxLexicon

@Suite struct PackedAnalysisTests {
    @Test func packedMatchesScoreAsTheOriginals() throws {
        let lexicon = try Fixture.lexicon(terms: [
            "autonom*", "\"jugement professionnel\"", "charge NEAR/5 travail", "=GMF", "indicateur",
        ])
        let scorer = Scorer(lexicon: lexicon)
        let passages = [
            "L’autonomie professionnelle et le jugement professionnel des TS en GMF.",
            "La charge de travail augmente; les indicateurs de performance aussi. Autonomes ?",
            "Rien à signaler ici.",
        ].enumerated().map { Fixture.passage($0.element, index: $0.offset) }
        let statistics = scorer.statistics(documents: [Fixture.document(passages)])
        var writer = PackedWriter()
        let analyses = passages.map(scorer.analyzed)
        for analysis in analyses { analysis.pack(into: &writer) }
        var reader = PackedReader(writer.bytes)
        for (passage, analysis) in zip(passages, analyses) {
            let unpacked = try Scorer.AnalyzedPassage.unpack(from: &reader)
            #expect(unpacked.hasMatches == analysis.hasMatches)
            #expect(
                scorer.score(unpacked, passage: passage, document: "doc", statistics: statistics)
                    == scorer.score(analysis, passage: passage, document: "doc", statistics: statistics))
        }
        #expect(reader.isAtEnd)
        #expect(analyses.contains { $0.hasMatches })
    }

    @Test func truncatedBytesAreAnError() throws {
        var writer = PackedWriter()
        writer.string("texte")
        writer.int(-300)
        writer.optionalInt(nil)
        writer.optionalString("étiquette")
        for length in 0..<writer.bytes.count {
            var reader = PackedReader(Array(writer.bytes[..<length]))
            #expect(throws: PackedReader.Malformed.self) {
                _ = try reader.string()
                _ = try reader.int()
                _ = try reader.optionalInt()
                _ = try reader.optionalString()
            }
        }
        var reader = PackedReader(writer.bytes)
        #expect(try reader.string() == "texte")
        #expect(try reader.int() == -300)
        #expect(try reader.optionalInt() == nil)
        #expect(try reader.optionalString() == "étiquette")
        #expect(reader.isAtEnd)
    }
}
