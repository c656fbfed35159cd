import EnjeuxExtraction
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxSupport
import EnjeuxText
import Foundation

/// The parsers that take outside input, each as a function of arbitrary bytes that must
/// return (a crash, a trap or a hang is a bug): a web page through the sniffer and the HTML
/// (or MHTML) extractor, a lexicon through the YAML reader and the checker, and an
/// intermediate file through its JSON reader, whose result must also read back unchanged
/// once written.
enum FuzzTarget: String, CaseIterable {
    case html
    case lexicon
    case json

    func run(_ data: Data) {
        switch self {
        case .html: Self.html(data)
        case .lexicon: Self.lexicon(data)
        case .json: Self.json(data)
        }
    }

    static func html(_ data: Data) {
        // Only what the sniffer takes for a page (or a web archive) goes on: PDF and Office
        // files have their own readers.
        guard let format = try? FormatSniffer.detect(data, fileExtension: "html"), format == .html || format == .mhtml
        else { return }
        _ = try? DocumentExtractor.extract(data: data, fileAt: URL(fileURLWithPath: "/nonexistent/fuzz.html"))
    }

    static func lexicon(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let diagnostics = LexiconChecker.check(yaml: text, file: "fuzz.yaml")
        for diagnostic in diagnostics { _ = diagnostic.description }
        guard !diagnostics.contains(where: { $0.severity == .error }),
            let lexicon = try? Lexicon.parse(yaml: text, file: "fuzz.yaml")
        else { return }
        // Compiles the terms and scores a passage, so that every accepted lexicon is usable.
        let sentence = "L’autonomie des équipes, la charge de travail et les indicateurs de performance."
        let passage = Passage(
            id: "p0", index: 0, page: 1, blockKind: .paragraph, text: sentence,
            tokens: FrenchAnalyzer(options: lexicon.analyzerOptions).tokens(in: sentence))
        let document = TokenizedDocument(
            id: "d", source: "d.txt", sha256: "", format: .text, metadata: DocumentMetadata(), pageCount: 1,
            analyzer: FrenchAnalyzer.version, passages: [passage], warnings: [])
        for scored in Scorer(lexicon: lexicon).score(documents: [document]) {
            precondition(scored.scores.allSatisfy { $0.score.isFinite }, "a score is not finite")
        }
    }

    /// The first byte chooses the file kind; the rest is the file.
    static func json(_ data: Data) {
        guard let kind = data.first else { return }
        let bytes = [UInt8](data.dropFirst())
        switch kind % 3 {
        case 0: roundTrip(ExtractedDocument.self, bytes)
        case 1: roundTrip(TokenizedDocument.self, bytes)
        default: roundTrip(ScoreSet.self, bytes)
        }
    }

    /// Reads; when the bytes are accepted, what is written back must read as the same value.
    private static func roundTrip<Value: JSONStorable & Equatable>(_ type: Value.Type, _ bytes: [UInt8]) {
        guard let value = try? Value(jsonBytes: bytes) else { return }
        let written = value.jsonBytes()
        guard let again = try? Value(jsonBytes: written) else {
            fatalError("\(Value.self): its own output does not read back: \(String(decoding: written, as: UTF8.self))")
        }
        if again != value {
            fatalError("\(Value.self): read back differently: \(String(decoding: written, as: UTF8.self))")
        }
    }
}
