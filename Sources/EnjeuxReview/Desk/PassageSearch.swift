import EnjeuxLexicon
import EnjeuxModel
import EnjeuxTuning
import Foundation

/// What a search found: the passages of the whole corpus a term (lexicon syntax, as
/// `enjeux-lexicon kwic` takes it) matches, best score first.
struct SearchResult: Encodable, Sendable {
    var query: String
    var count: Int
    var passages: [PassageView]
    var milliseconds: Double
}

extension ReviewDesk {
    /// Searches every tokenized passage of the corpus with a one-term lexicon (the kwic
    /// command's), through the passage index held in memory (see `PassageIndex`), then shows
    /// the first `limit` with, for the issue given, their judgment. The matching runs outside
    /// the actor: judgments go on meanwhile.
    nonisolated func search(_ query: String, issue: String?, limit: Int) async throws -> SearchResult {
        let clock = ContinuousClock.now
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DeskRefusal.invalid("Recherche vide.") }
        guard let base = corpus.lexicon else {
            throw DeskRefusal(status: 503, message: "Le lexique de la dernière analyse est introuvable.")
        }
        let lexicon: Lexicon
        do {
            lexicon = try ConcordanceLexicon.term(trimmed, base: base)
        } catch {
            throw DeskRefusal.invalid("Terme invalide : \(error.description)")
        }
        let index: PassageIndex
        do {
            index = try await searchIndex.value
        } catch {
            throw DeskRefusal(status: 503, message: "Recherche impossible : \(error)")
        }
        let found = index.search(lexicon, jobs: ProcessInfo.processInfo.activeProcessorCount).sorted {
            $0.score.score != $1.score.score
                ? $0.score.score > $1.score.score : $0.passage.passageId < $1.passage.passageId
        }
        let shown = Array(found.prefix(limit))
        let passages = await searchViews(
            shown.map(\.passage), matches: shown.map(\.score.matches), scores: shown.map(\.score.score), issue: issue)
        let elapsed = ContinuousClock.now - clock
        return SearchResult(
            query: trimmed, count: found.count, passages: passages,
            milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }

    private func searchViews(_ passages: [ScoredPassage], matches: [[TermMatch]], scores: [Double], issue: String?)
        -> [PassageView]
    {
        meet(passages)
        let issueId = issue.flatMap { corpus.category($0)?.id } ?? corpus.categories.first?.id ?? ""
        let listed = Set((corpus.pools[issueId] ?? []).map(\.passageId))
        return passages.indices.map { index in
            var shown = view(
                passages[index], matches: matches[index], issue: issueId, rank: index + 1, score: scores[index])
            shown.listed = listed.contains(passages[index].passageId)
            return shown
        }
    }
}
