import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxText

/// Tokenization and sentence-boundary conformance against UD French-GSD (dev), scored as the
/// shared `ud_tokens.py` does.
@Suite("UD French-GSD conformance")
struct UDConformanceTests {
    static func loadSentences() throws -> [CoNLLUSentence] {
        let url = try #require(SharedData.url("conformance/ud-fr-gsd/fr_gsd-ud-dev.conllu"))
        return CoNLLUReader.read(try String(contentsOf: url, encoding: .utf8))
    }

    /// Letters become `a`, digits `9` (runs collapsed), other characters stay: the shape of an error.
    static func shape(_ pieces: [String]) -> String {
        pieces.map { piece in
            var out = ""
            for ch in piece.unicodeScalars {
                let mark: Character =
                    ch.properties.isAlphabetic ? "a" : (ch.properties.numericType != nil ? "9" : Character(ch))
                if out.last != mark || (mark != "a" && mark != "9") { out.append(mark) }
            }
            return out
        }.joined(separator: "|")
    }

    @Test("surface token span F1 ≥ 99.5%", .enabled(if: SharedData.isAvailable, "needs ../shared"))
    func tokenSpans() throws {
        let sentences = try Self.loadSentences()
        #expect(sentences.count == 1476)
        var counts = SpanScoring.Counts()
        var errorKinds: [String: Int] = [:]
        var examples: [String: String] = [:]
        for sentence in sentences {
            let predicted = LineSegmentation.plainLine(sentence.text).split(separator: "\t").map(String.init)
            let (goldSpans, _) = SpanScoring.align(sentence.text, sentence.tokens)
            let (predictedSpans, unaligned) = SpanScoring.align(sentence.text, predicted)
            let goldSet = Set(goldSpans)
            let predictedSet = Set(predictedSpans)
            counts.matched += predictedSpans.filter { goldSet.contains($0) }.count
            counts.predicted += predictedSpans.count + unaligned
            counts.gold += goldSpans.count
            // Group unmatched spans into regions and name each by its shape.
            let scalars = Array(sentence.text.unicodeScalars)
            func text(_ span: SpanScoring.Span) -> String {
                String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            }
            let badGold = goldSpans.filter { !predictedSet.contains($0) }
            let badPredicted = predictedSpans.filter { !goldSet.contains($0) }
            var g = 0
            var p = 0
            while g < badGold.count || p < badPredicted.count {
                var start = min(
                    g < badGold.count ? badGold[g].start : .max, p < badPredicted.count ? badPredicted[p].start : .max)
                var end = start
                var goldPieces: [String] = []
                var predictedPieces: [String] = []
                var grew = true
                while grew {
                    grew = false
                    while g < badGold.count, badGold[g].start < max(end, start + 1) {
                        goldPieces.append(text(badGold[g]))
                        end = max(end, badGold[g].end)
                        g += 1
                        grew = true
                    }
                    while p < badPredicted.count, badPredicted[p].start < max(end, start + 1) {
                        predictedPieces.append(text(badPredicted[p]))
                        end = max(end, badPredicted[p].end)
                        p += 1
                        grew = true
                    }
                }
                start = end
                let kind = "\(Self.shape(goldPieces)) → \(Self.shape(predictedPieces))"
                errorKinds[kind, default: 0] += 1
                if examples[kind] == nil { examples[kind] = "\(goldPieces) → \(predictedPieces)" }
            }
        }
        let top = errorKinds.sorted { $0.value > $1.value }.prefix(10)
        print(
            "UD token F1 \(counts.f1) P \(counts.precision) R \(counts.recall) (gold \(counts.gold), predicted \(counts.predicted), matched \(counts.matched))"
        )
        for (kind, count) in top { print("  \(count)\t\(kind)\te.g. \(examples[kind] ?? "")") }
        #expect(counts.f1 >= 0.995, "token F1 \(counts.f1)")
    }

    @Test(
        "sentence boundary F1 ≥ 97.5% (documents of 20 sentences)",
        .enabled(if: SharedData.isAvailable, "needs ../shared"))
    func sentenceBoundaries() throws {
        let sentences = try Self.loadSentences()
        var counts = SpanScoring.Counts()
        var missed: [String] = []
        var spurious: [String] = []
        for blockStart in stride(from: 0, to: sentences.count, by: 20) {
            let chunk = sentences[blockStart..<min(blockStart + 20, sentences.count)].map(\.text)
            var goldStarts: Set<Int> = []
            var position = 0
            for (i, text) in chunk.enumerated() {
                if i > 0 { goldStarts.insert(position) }
                position += text.unicodeScalars.count + 1
            }
            let document = chunk.joined(separator: " ")
            let predictedStarts = Set(
                SentenceSplitter().sentences(in: document).map(\.start).dropFirst().filter { $0 != 0 })
            counts.gold += goldStarts.count
            counts.predicted += predictedStarts.count
            counts.matched += goldStarts.intersection(predictedStarts).count
            let scalars = Array(document.unicodeScalars)
            func around(_ k: Int) -> String {
                String(String.UnicodeScalarView(scalars[max(0, k - 30)..<min(scalars.count, k + 20)]))
            }
            missed += goldStarts.subtracting(predictedStarts).map(around)
            spurious += predictedStarts.subtracting(goldStarts).map(around)
        }
        print(
            "UD sentence boundary F1 \(counts.f1) P \(counts.precision) R \(counts.recall) (gold \(counts.gold), predicted \(counts.predicted))"
        )
        for m in missed.prefix(40) { print("  missed: \(m)") }
        for s in spurious.prefix(40) { print("  spurious: \(s)") }
        #expect(counts.gold == 1402)
        #expect(counts.f1 >= 0.975, "sentence F1 \(counts.f1)")
    }
}
