import EnjeuxModel
import Foundation

@testable import EnjeuxEvidence

/// Small hand-built score sets for the tests.
enum Fixture {
    static let lexicon = LexiconInfo(path: "lexique/enjeux.yaml", sha256: "0a1b2c", name: "enjeux", version: "3")

    static let autonomie = CategoryInfo(
        id: "autonomie", label: "Autonomie professionnelle", description: "Latitude et jugement clinique.")
    static let indicateurs = CategoryInfo(
        id: "indicateurs", label: "Indicateurs de performance et mesure", description: "Statistiques, cibles.")

    static func document(
        _ id: String, source: String? = nil, format: DocumentFormat = .pdf, authors: [String] = ["Marie Tremblay"],
        date: String? = "2016-04-01", title: String? = "Le Lean en services sociaux", publisher: String? = nil,
        url: String? = nil, titleSource: TitleSource? = .pdfInfo
    ) -> DocumentSummary {
        DocumentSummary(
            id: id, source: source ?? "\(id).pdf", sha256: "00", format: format,
            metadata: DocumentMetadata(
                title: title, titleSource: titleSource, authors: authors, date: date, publisher: publisher, url: url),
            pageCount: 10, passageCount: 3, warnings: [])
    }

    /// A passage scoring `scores` (issue id → score); each score's matches are the given words
    /// found in the text.
    static func passage(
        _ documentId: String, _ index: Int, _ text: String, scores: [String: Double], words: [String] = [],
        page: Int = 1, endPage: Int? = nil, pageLabel: String? = nil, endPageLabel: String? = nil,
        heading: String? = nil
    ) -> ScoredPassage {
        let categoryScores = scores.keys.sorted().map { category -> CategoryScore in
            let score = scores[category] ?? 0
            let matches = words.compactMap { word in match(word, in: text) }
            let share = matches.isEmpty ? 0 : score / Double(matches.count)
            return CategoryScore(
                category: category, score: score,
                matches: matches.map {
                    TermMatch(term: $0.term, text: $0.text, start: $0.start, end: $0.end, contribution: share)
                })
        }
        let passage = Passage(
            id: "\(documentId)-\(index)", index: index, page: page, endPage: endPage, pageLabel: pageLabel,
            endPageLabel: endPageLabel, heading: heading, blockKind: .paragraph, text: text, tokens: [])
        return ScoredPassage(documentId: documentId, passage: passage, scores: categoryScores)
    }

    /// The first occurrence of `word` in `text`, with Unicode-scalar offsets.
    static func match(_ word: String, in text: String) -> TermMatch? {
        guard let range = text.range(of: word) else { return nil }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        let end = start + word.unicodeScalars.count
        return TermMatch(term: word.lowercased() + "*", text: word, start: start, end: end, contribution: 0)
    }

    static func scoreSet(
        categories: [CategoryInfo] = [autonomie], documents: [DocumentSummary], passages: [ScoredPassage]
    ) -> ScoreSet {
        ScoreSet(lexicon: lexicon, categories: categories, documents: documents, passages: passages)
    }

    static func report(startedAt: String = "2026-11-23T18:00:00Z", seconds: Double = 1.25) -> RunReport {
        RunReport(
            startedAt: startedAt, documents: 3, pages: 30, passages: 300,
            failures: [RunFailure(DocumentError(path: "corpus/verrouillé.pdf", failure: .passwordRequired))],
            warnings: [RunWarning(path: "corpus/scan.pdf", warning: .noTextLayer)],
            lexicon: lexicon,
            stages: [StageTiming(stage: "extract", seconds: seconds, processed: 2, reused: 1)])
    }

    /// A varied score set: two issues, three documents (one web page), a duplicate, labels,
    /// a span, and text that needs escaping in every format.
    static func varied() -> ScoreSet {
        let documents = [
            document("a", authors: ["Marie Tremblay", "Jean Roy"]),
            document(
                "b", source: "b.html", format: .html, authors: [], date: nil, title: "Le Devoir", publisher: nil,
                url: "https://www.ledevoir.com/societe/lean", titleSource: .htmlTitle),
            document("c", authors: ["Gagnon, Louise", "Paul Côté", "Ann Lee"], date: "2019"),
        ]
        let passages = [
            passage(
                "a", 0, "L’autonomie professionnelle recule, dit-on, \"sous\" la pression.",
                scores: ["autonomie": 0.9, "indicateurs": 0.6], words: ["autonomie"], page: 3, pageLabel: "iii"),
            passage(
                "a", 1, "Les statistiques * et les _cibles_ [quotas]\nremplacent le jugement.",
                scores: ["indicateurs": 0.95, "autonomie": 0.7], words: ["statistiques", "jugement"], page: 4,
                endPage: 5),
            passage(
                "b", 0, "L'autonomie professionnelle recule, dit-on, sous la pression !", scores: ["autonomie": 0.8],
                words: ["autonomie"]),
            passage(
                "c", 7, "Le jugement clinique 👩‍⚕️ s’efface; les équipes, elles, comptent.",
                scores: ["autonomie": 0.85, "indicateurs": 0.55], words: ["jugement", "équipes"], page: 12,
                heading: "Chapitre 2 : Pratiques"),
            passage(
                "c", 8, "Hors sujet : l’autonomie d’une batterie.", scores: ["autonomie": 0.2], words: ["autonomie"]),
        ]
        return scoreSet(categories: [autonomie, indicateurs], documents: documents, passages: passages)
    }
}
