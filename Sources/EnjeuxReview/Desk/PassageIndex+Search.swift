import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport

extension PassageIndex {
    /// A passage a search matched, with its score for the search's one issue.
    package struct Hit: Sendable {
        package var passage: ScoredPassage
        package var score: CategoryScore
    }

    /// The passages `lexicon` (a one-issue lexicon without a `context` section, as the kwic
    /// command makes) matches, scored as the score stage would score the whole corpus with it:
    /// only the passages holding a form that can start a term are matched; the others count
    /// in the corpus statistics as passages without a match.
    package func search(_ lexicon: Lexicon, jobs: Int) -> [Hit] {
        let scorer = Scorer(lexicon: lexicon)
        let lookups = scorer.documentForms(forms)
        let pool = candidates(lookups)
        // Matched side by side, by slices of candidates.
        let slices = stride(from: 0, to: pool.count, by: 512).map {
            Array(pool[$0..<min($0 + 512, pool.count)])
        }
        let matched = slices.parallelMap(workers: max(1, jobs)) { slice in
            var forms = lookups
            return slice.compactMap { position -> (Int, Scorer.AnalyzedPassage)? in
                let analyzed = scorer.analyzed(
                    entries[position].passage, columns: columns(position), table: self.forms, forms: &forms)
                return analyzed.hasMatches ? (position, analyzed) : nil
            }
        }.flatMap { $0 }
        var statistics = scorer.emptyStatistics()
        var matchedWords = 0
        for (position, analyzed) in matched {
            scorer.record(analyzed, document: documents[Int(entries[position].document)], into: &statistics)
            matchedWords += analyzed.wordCount
        }
        statistics.recordUnmatched(passages: entries.count - matched.count, words: wordCount - matchedWords)
        return matched.compactMap { position, analyzed in
            let entry = entries[position]
            let document = documents[Int(entry.document)]
            let scores = scorer.score(analyzed, passage: entry.passage, document: document, statistics: statistics)
            guard let score = scores.first, !score.matches.isEmpty else { return nil }
            return Hit(
                passage: ScoredPassage(documentId: document, passage: entry.passage, scores: scores), score: score)
        }
    }

    /// The passages holding a form that can start a term of `lexicon` (the only ones it can match).
    package func candidates(_ lexicon: Lexicon) -> [Int] {
        candidates(Scorer(lexicon: lexicon).documentForms(forms))
    }

    private func candidates(_ lookups: DocumentForms) -> [Int] {
        var candidate = [Bool](repeating: false, count: entries.count)
        for form in forms.indices where lookups.mayStart(form: form) {
            for entry in postings[form] { candidate[Int(entry)] = true }
        }
        return candidate.indices.filter { candidate[$0] }
    }
}
