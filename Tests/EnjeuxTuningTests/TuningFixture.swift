import EnjeuxLexicon
import EnjeuxModel
import Foundation

/// Hand-built score sets: one issue, passages of two documents with chosen scores and matches.
enum TuningFixture {
    static let issue = CategoryInfo(id: "autonomie", label: "Autonomie professionnelle", description: "")

    static let lexicon: Lexicon = {
        let yaml = """
            name: essai
            version: "1"
            categories:
              autonomie:
                label: Autonomie professionnelle
                description: Latitude et jugement.
                terms:
                  - {term: jugement clinique, weight: 3}
                  - {term: autonomie professionnelle, weight: 3}
                  - latitude
                  - pouvoir discrétionnaire
            """
        do {
            return try Lexicon.parse(yaml: yaml, file: "essai.yaml")
        } catch {
            fatalError("fixture lexicon: \(error)")
        }
    }()

    /// A passage of `document` with the given score made of `(term, contribution)` matches.
    static func passage(_ document: String, _ index: Int, _ matches: [(String, Double)]) -> ScoredPassage {
        let text = "Passage \(index) du document \(document) sur le jugement clinique et la latitude."
        let terms = matches.map { TermMatch(term: $0.0, text: $0.0, start: 0, end: 5, contribution: $0.1) }
        let score = (matches.reduce(0) { $0 + $1.1 } * 10_000).rounded() / 10_000
        return ScoredPassage(
            documentId: document,
            passage: Passage(
                id: "\(document)-\(index)", index: index, page: index + 1, blockKind: .paragraph, text: text, tokens: []
            ),
            scores: score > 0 ? [CategoryScore(category: issue.id, score: score, matches: terms)] : [])
    }

    static func scoreSet(_ passages: [ScoredPassage]) -> ScoreSet {
        let documents = Set(passages.map(\.documentId)).sorted().map {
            DocumentSummary(
                id: $0, source: "\($0).pdf", sha256: "00", format: .pdf, metadata: DocumentMetadata(), pageCount: 5,
                passageCount: 2, warnings: [])
        }
        return ScoreSet(
            lexicon: LexiconInfo(path: "essai.yaml", sha256: "ab", name: "essai", version: "1"), categories: [issue],
            documents: documents, passages: passages.filter { !$0.scores.isEmpty })
    }
}
