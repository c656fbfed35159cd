import EnjeuxModel
import EnjeuxText
import Foundation

@testable import EnjeuxLexicon

/// Builds lexicons and passages for the tests.
enum Fixture {
    /// A one-category lexicon with the given `terms:` and `exclude:` YAML items (one per line).
    static func lexiconYAML(terms: [String], exclude: [String] = [], category: String = "autonomie") -> String {
        var yaml = """
            name: test
            version: "1"
            categories:
              \(category):
                label: Test
                description: Test category
                terms:

            """
        for term in terms { yaml += "      - \(term)\n" }
        if !exclude.isEmpty {
            yaml += "    exclude:\n"
            for item in exclude { yaml += "      - \(item)\n" }
        }
        return yaml
    }

    static func lexicon(terms: [String], exclude: [String] = []) throws -> Lexicon {
        try Lexicon.parse(yaml: lexiconYAML(terms: terms, exclude: exclude), file: "test.yaml")
    }

    /// A passage tokenized by the analyzer.
    static func passage(_ text: String, index: Int = 0, options: AnalyzerOptions = AnalyzerOptions()) -> Passage {
        Passage(
            id: "p\(index)", index: index, page: 1, blockKind: .paragraph, text: text,
            tokens: FrenchAnalyzer(options: options).tokens(in: text))
    }

    /// A passage whose tokens are built by hand: each word is (surface, stem); surfaces are
    /// separated by one space. The norm is the analyzer's normalisation of the surface.
    /// Surfaces made of punctuation become punctuation tokens.
    static func handPassage(_ words: [(String, String?)]) -> Passage {
        let analyzer = FrenchAnalyzer()
        var text = ""
        var tokens: [Token] = []
        for (surface, stem) in words {
            if !text.isEmpty { text += " " }
            let start = text.unicodeScalars.count
            text += surface
            let isPunctuation = surface.unicodeScalars.allSatisfy { $0.properties.generalCategory.isPunctuation }
            let norm = isPunctuation ? surface : analyzer.normalize(surface)
            tokens.append(
                Token(
                    start: start, end: text.unicodeScalars.count, kind: isPunctuation ? .punctuation : .word,
                    norm: norm,
                    stem: stem ?? (isPunctuation ? surface : analyzer.stem(norm))))
        }
        return Passage(id: "hand", index: 0, page: 1, blockKind: .paragraph, text: text, tokens: tokens)
    }

    static func document(_ passages: [Passage], id: String = "doc") -> TokenizedDocument {
        TokenizedDocument(
            id: id, source: "\(id).pdf", sha256: "0", format: .pdf, metadata: DocumentMetadata(), pageCount: 1,
            analyzer: FrenchAnalyzer.version, passages: passages, warnings: [])
    }

    /// The matched texts of a category in one passage scored alone.
    static func matchedTexts(_ lexicon: Lexicon, _ passage: Passage, category: String = "autonomie") -> [String] {
        let scorer = Scorer(lexicon: lexicon)
        let statistics = scorer.statistics(documents: [document([passage])])
        return scorer.score(passage: passage, statistics: statistics)
            .first { $0.category == category }?.matches.map(\.text) ?? []
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }
}
