import EnjeuxCommandLine
import EnjeuxEvaluation
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// Explains why a gold quote is missing from the top 20: the passage that holds it, its
/// score for the issue, its rank if ranked lower, and the terms that matched.
struct MissExplainer {
    /// Passages of each document (by source path), in document order.
    private let passagesBySource: [String: [(passage: Passage, normalized: String)]]
    /// Scores of each passage, by passage id.
    private let scoresByPassage: [String: [CategoryScore]]
    private let evidence: [RankedEntry]

    init(work: URL, evidence: [RankedEntry]) throws(StageError) {
        let passagesFolder = work.appendingPathComponent("passages")
        guard let manifest = TokenizeManifest.load(from: passagesFolder) else {
            throw StageError("no passages in \(passagesFolder.path): run the pipeline first", status: .missingInput)
        }
        var bySource: [String: [(Passage, String)]] = [:]
        for entry in manifest.entries {
            let url = passagesFolder.appendingPathComponent("\(entry.id).json")
            do {
                let document = try TokenizedDocument(jsonFile: url)
                bySource[document.source] = document.passages.map { ($0, QuoteNormalizer.normalize($0.text)) }
            } catch {
                throw StageError("cannot read \(url.path): \(error)", status: .invalidInput)
            }
        }
        passagesBySource = bySource
        var scores: [String: [CategoryScore]] = [:]
        let scoresURL = work.appendingPathComponent("scores.json")
        if let set = try? ScoreSet(jsonFile: scoresURL) {
            for passage in set.passages { scores[passage.passageId] = passage.scores }
        }
        scoresByPassage = scores
        self.evidence = evidence
    }

    /// The quote's first line: where it is and how it begins.
    static func header(_ line: GoldLine) -> String {
        let page = line.page.map { " p. \($0)" } ?? ""
        let words = line.quote.split(separator: " ")
        let start = words.prefix(12).joined(separator: " ") + (words.count > 12 ? "…" : "")
        return "- [\(line.category)] \(line.source)\(page): « \(start) »"
    }

    func explain(_ line: GoldLine) -> String {
        let text = Self.header(line)
        let holders = (passagesBySource[line.source] ?? []).filter {
            HitRule.hits(passage: $0.normalized, quote: line.normalizedQuote)
        }
        guard let holder = holders.first?.passage else {
            return text + "\n    no passage holds it (extraction or passage splitting?)"
        }
        let score = scoresByPassage[holder.id]?.first { $0.category == line.category }
        let rank = evidence.filter { $0.category == line.category && $0.source == line.source }
            .first { $0.text == holder.text }?.rank
        let words = holder.text.split(separator: " ").count
        var reason = "    passage #\(holder.index) (\(words) words)"
        guard let score else {
            let others = (scoresByPassage[holder.id] ?? []).map { "\($0.category) \(formatScore($0.score))" }
            reason += ": no term of the issue matched"
            if !others.isEmpty { reason += "; it scores for " + others.joined(separator: ", ") }
            return text + "\n" + reason
        }
        reason += ": score \(formatScore(score.score))"
        reason += rank.map { ", rank \($0)" } ?? ", not ranked (below the threshold or a near-duplicate)"
        var terms: [String: (count: Int, contribution: Double)] = [:]
        var order: [String] = []
        for match in score.matches {
            if terms[match.term] == nil { order.append(match.term) }
            terms[match.term, default: (0, 0)].count += 1
            terms[match.term, default: (0, 0)].contribution += match.contribution
        }
        reason +=
            "; terms: "
            + order.map { term in
                let value = terms[term] ?? (0, 0)
                return "\(term)" + (value.count > 1 ? " ×\(value.count)" : "") + " (\(formatScore(value.contribution)))"
            }.joined(separator: ", ")
        return text + "\n" + reason
    }

    private func formatScore(_ value: Double) -> String { String(format: "%.2f", value) }
}
