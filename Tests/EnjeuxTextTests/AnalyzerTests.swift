import EnjeuxFrench
import Foundation
import Testing

@testable import EnjeuxText

@Suite("Analyzer: normalisation and stems")
struct AnalyzerTests {
    let analyzer = FrenchAnalyzer()

    func norms(_ text: String, _ options: AnalyzerOptions = AnalyzerOptions()) -> [String] {
        FrenchAnalyzer(options: options).tokens(in: text).map(\.norm)
    }

    @Test("case, accents and ligatures fold so spelling variants meet")
    func folding() {
        #expect(analyzer.normalize("ÉVALUATION") == analyzer.normalize("evaluation"))
        #expect(analyzer.normalize("connaître") == "connaitre")
        #expect(analyzer.normalize("Œuvre") == "oeuvre")
        #expect(analyzer.normalize("Cæcum") == "caecum")
        #expect(analyzer.normalize("e\u{301}quipe") == "equipe")
        #expect(norms("L’ÉQUIPE d’intervention") == ["l'", "equipe", "d'", "intervention"])
        #expect(norms("—") == ["-"])
        #expect(analyzer.normalize("ﬁnancement") == "financement")
    }

    @Test("each filter can be switched off")
    func switches() {
        #expect(norms("Évaluation", AnalyzerOptions(foldCase: false)) == ["Evaluation"])
        #expect(norms("Évaluation", AnalyzerOptions(foldAccents: false)) == ["évaluation"])
        #expect(norms("e\u{301}quipe", AnalyzerOptions(foldAccents: false)) == ["équipe"])
        #expect(norms("œuvre", AnalyzerOptions(foldLigatures: false)) == ["œuvre"])
        #expect(norms("l’", AnalyzerOptions(unifyPunctuation: false)) == ["l’"])
        let unstemmed = FrenchAnalyzer(options: AnalyzerOptions(stem: false)).tokens(in: "travailleuses")
        #expect(unstemmed.map(\.stem) == ["travailleuses"])
    }

    @Test("stems come from the accented form, then fold like norm")
    func stems() {
        let tokens = analyzer.tokens(
            in: "Les travailleuses sociales évaluées ÉVALUATION connaître connaitre cœur coeur")
        #expect(
            tokens.map(\.stem) == [
                "le", "travaill", "social", "evalu", "evalu", "connaitr", "connaitr", "coeur", "coeur",
            ])
        #expect(analyzer.stem("évaluation") == "evalu")
        #expect(analyzer.stem("Professionnelles") == "professionnel")
    }

    @Test("stem equals norm for non-words")
    func nonWords() {
        let tokens = analyzer.tokens(in: "1 000,5 % https://x.org/A")
        #expect(tokens.map(\.norm) == ["1000,5", "%", "https://x.org/a"])
        for token in tokens { #expect(token.stem == token.norm) }
    }

    @Test("a session gives the same tokens as fresh analyses, text after text")
    func sessions() {
        let texts = [
            "Les travailleuses sociales évaluent l’évaluation.", "ÉVALUATION des travailleurs, 12,5 % — https://a.b",
            "les travailleuses SOCIALES", "Évaluation évaluation EVALUATION",
        ]
        var session = analyzer.makeSession()
        for text in texts + texts { #expect(session.tokens(in: text) == analyzer.tokens(in: text)) }
        var other = FrenchAnalyzer(options: AnalyzerOptions(foldAccents: false)).makeSession()
        #expect(other.tokens(in: "Évaluation").map(\.norm) == ["évaluation"])
    }

    @Test("empty and blank texts give nothing")
    func emptyTexts() {
        for text in ["", "   ", "\n\n\u{00A0}\u{200B}", "\u{AD}"] {
            #expect(analyzer.tokens(in: text).isEmpty)
            #expect(SentenceSplitter().sentences(in: text).isEmpty)
            #expect(LineSegmentation.plainLine(text).isEmpty)
        }
        #expect(analyzer.normalize("") == "")
        #expect(analyzer.stem("") == "")
    }

    @Test("stopwords compare with token norms by their normalised forms")
    func stopwords() {
        let stopwords = Set(FrenchFunctionWords.stopwords.map(analyzer.normalize))
        for word in ["le", "la", "de", "etre", "a", "l'", "deja", "-t-il"] { #expect(stopwords.contains(word)) }
        #expect(!stopwords.contains("travail"))
        #expect(stopwords.contains(analyzer.tokens(in: "Déjà").first?.norm ?? ""))
    }

    @Test("options decode with defaults for missing keys")
    func optionsDecoding() throws {
        let decoded = try JSONDecoder().decode(AnalyzerOptions.self, from: Data(#"{"stem": false}"#.utf8))
        #expect(decoded == AnalyzerOptions(stem: false))
    }
}
