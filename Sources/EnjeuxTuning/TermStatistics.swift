import EnjeuxLexicon
import EnjeuxModel

/// How much each term of a lexicon weighs in the scores of a corpus: for every issue, the
/// passages and documents it matches and its share of the issue's score mass, and the terms
/// that match nothing.
package struct IssueStatistics: Sendable, Hashable {
    package var category: CategoryInfo
    /// Passages with a score for the issue.
    package var passages: Int
    /// Documents with at least one of those passages.
    package var documents: Int
    /// Sum of the issue's scores over the corpus.
    package var scoreMass: Double
    /// The issue's terms in lexicon order, matched or not.
    package var terms: [TermStatistics]

    /// Terms of the issue that match no passage.
    package var unmatched: [TermStatistics] { terms.filter { $0.passages == 0 } }
}

/// One term of one issue.
package struct TermStatistics: Sendable, Hashable {
    /// The term as written in the lexicon.
    package var term: String
    package var weight: Double
    /// Matches over the corpus.
    package var matches: Int
    /// Passages where it matched (counted once per passage).
    package var passages: Int
    package var documents: Int
    /// Sum of its contributions to the issue's scores.
    package var scoreMass: Double
    /// `scoreMass` over the issue's score mass (0 when the issue has none).
    package var share: Double
}

extension IssueStatistics {
    /// Statistics of every issue of `lexicon` in the scores `scoreSet` (computed with it).
    package static func compute(_ scoreSet: ScoreSet, lexicon: Lexicon) -> [IssueStatistics] {
        struct Tally {
            var matches = 0
            var passages = 0
            var documents = Set<String>()
            var mass = 0.0
        }
        var termTallies: [String: [String: Tally]] = [:]
        var issueTallies: [String: Tally] = [:]
        for passage in scoreSet.passages {
            for score in passage.scores {
                issueTallies[score.category, default: Tally()].passages += 1
                issueTallies[score.category, default: Tally()].documents.insert(passage.documentId)
                issueTallies[score.category, default: Tally()].mass += score.score
                var seen = Set<String>()
                for match in score.matches {
                    var tally = termTallies[score.category, default: [:]][match.term, default: Tally()]
                    tally.matches += 1
                    tally.mass += match.contribution
                    if seen.insert(match.term).inserted {
                        tally.passages += 1
                        tally.documents.insert(passage.documentId)
                    }
                    termTallies[score.category, default: [:]][match.term] = tally
                }
            }
        }
        return lexicon.categories.map { category in
            let issue = issueTallies[category.id] ?? Tally()
            let terms = category.terms.map { term in
                let tally = termTallies[category.id]?[term.text] ?? Tally()
                return TermStatistics(
                    term: term.text, weight: term.weight, matches: tally.matches, passages: tally.passages,
                    documents: tally.documents.count, scoreMass: tally.mass,
                    share: issue.mass > 0 ? tally.mass / issue.mass : 0)
            }
            return IssueStatistics(
                category: category.info, passages: issue.passages, documents: issue.documents.count,
                scoreMass: issue.mass, terms: terms)
        }
    }
}
