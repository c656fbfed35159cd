import EnjeuxLearning
import EnjeuxModel

/// Hand-built candidates of one issue: passages of three documents, relevant ones about
/// clinical latitude, others using the same words about sport.
enum LearningFixture {
    static let texts: [(document: String, text: String, matches: [(String, Double)])] = [
        (
            "note", "Les intervenantes perdent leur latitude clinique devant les cibles de production.",
            [("latitude", 4.1)]
        ),
        (
            "note", "Le jugement clinique cède la place aux protocoles prescrits par la direction.",
            [("jugement clinique", 5.2)]
        ),
        (
            "note", "Leur autonomie professionnelle recule à chaque nouvelle directive de la direction.",
            [("autonomie", 3.9)]
        ),
        (
            "note", "La direction rappelle les heures d'ouverture du service et le numéro de téléphone.",
            [("latitude", 0.8)]
        ),
        (
            "sport", "L'autonomie de l'athlète progresse avec la charge d'entraînement et la récupération.",
            [("autonomie", 4.4)]
        ),
        (
            "sport", "Le jugement de l'entraîneur fixe la charge de la séance selon le protocole.",
            [("jugement clinique", 1.1), ("latitude", 1.0)]
        ),
        (
            "sport", "La latitude du coureur dépend de sa récupération et de la charge de la semaine.",
            [("latitude", 3.7)]
        ),
        (
            "forum",
            "Les travailleuses sociales disent perdre leur latitude clinique et leur autonomie professionnelle.",
            [("latitude", 3.0), ("autonomie", 2.5)]
        ),
        ("forum", "Le forum s'est tenu dans une salle de la ville, avec un repas le midi.", [("latitude", 0.7)]),
        (
            "forum", "Le jugement clinique des intervenantes est soumis aux protocoles et aux cibles.",
            [("jugement clinique", 4.0)]
        ),
    ]

    static func pool() -> [PoolPassage] {
        texts.enumerated().map { index, item in
            let matches = item.matches.map { TermMatch(term: $0.0, text: $0.0, start: 0, end: 3, contribution: $0.1) }
            let score = item.matches.reduce(0) { $0 + $1.1 }
            let passage = ScoredPassage(
                documentId: item.document,
                passage: Passage(
                    id: "p\(index)", index: index, page: 1, blockKind: .paragraph, text: item.text, tokens: []),
                scores: [CategoryScore(category: "autonomie", score: score, matches: matches)])
            return PoolPassage(
                passage: passage, source: item.document + ".pdf", score: score, matches: matches,
                otherIssues: index % 3,
                documentPassages: 4)
        }
    }

    /// Grades of the judged passages: relevant about practice, not relevant about sport or logistics.
    static let grades: [String: Int] = ["p0": 2, "p1": 2, "p3": 0, "p4": 0, "p6": 0, "p7": 1, "p8": 0]
}
