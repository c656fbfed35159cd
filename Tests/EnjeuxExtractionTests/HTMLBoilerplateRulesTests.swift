import Foundation
import LibXMLKit
import Testing

@testable import EnjeuxExtraction

@Suite("Boilerplate rules and whitespace measures: fast paths agree with the general ones")
struct HTMLBoilerplateRulesTests {
    /// The general rule the byte-level fast paths stand for.
    static func unicodeNames(_ value: String) -> [String] {
        value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func unicodeWords(_ name: String) -> [String] {
        name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    @Test(arguments: [
        "Main-Nav  sidebar\tFIL-ARIANE", "  ", "", "col_2 x--y\n\r\u{0B}z", "entête Barre-Latérale", "a1-B2_c3",
    ])
    func classNamesSplitAsUnicodeRulesWould(value: String) {
        let names = HTMLBoilerplateRules.names(in: value)
        #expect(names == Self.unicodeNames(value))
        for name in names {
            #expect(HTMLBoilerplateRules.words(in: name) == Self.unicodeWords(name))
        }
    }

    @Test func phrasesAreFoundWhateverTheirCase() {
        #expect(HTMLBoilerplateRules.containsBoilerplatePhrase("© 2024 Ordre — TOUS DROITS RÉSERVÉS"))
        #expect(HTMLBoilerplateRules.containsBoilerplatePhrase("Ce site Utilise des Témoins."))
        #expect(HTMLBoilerplateRules.containsBoilerplatePhrase("Lire la suite"))
        #expect(!HTMLBoilerplateRules.containsBoilerplatePhrase("Les droits des usagers sont réservés ici."))
        #expect(!HTMLBoilerplateRules.containsBoilerplatePhrase(""))
        #expect(
            HTMLBoilerplateRules.phraseSearchBytes("ÉCOLE À Ça × Ÿ")
                == Array("école à ça × Ÿ".utf8))
    }

    @Test func furnitureLabelsAreWholeBlocksOrLabelledLines() {
        #expect(HTMLBoilerplateRules.isFurnitureLabel("Advertisement"))
        #expect(HTMLBoilerplateRules.isFurnitureLabel("You may also like..."))
        #expect(HTMLBoilerplateRules.isFurnitureLabel("À lire aussi : la réforme des ordres"))
        #expect(HTMLBoilerplateRules.isFurnitureLabel("Tags calendario, stock car"))
        #expect(HTMLBoilerplateRules.isFurnitureLabel("Photo : AFP"))
        #expect(!HTMLBoilerplateRules.isFurnitureLabel("Tagsüber ist die Praxis geöffnet."))
        #expect(!HTMLBoilerplateRules.isFurnitureLabel("Photographs of the meeting were published."))
        #expect(!HTMLBoilerplateRules.isFurnitureLabel("Comments made by the minister surprised many."))
    }

    @Test func punctuationOfScriptsWithoutLatinMarksIsCounted() throws {
        let text = "你好，世界。日本語、テキスト。مرحبا، عالم؛ Fin, fin. ü"
        let parsed = try HTMLParser.parse(utf8: "<p>\(text)</p>")
        let removed = Array(repeating: false, count: parsed.tree.count)
        let statistics = HTMLTextStatistics(tree: parsed.tree, removed: removed)
        #expect(statistics.punctuation[HTMLTree.rootIndex] == 8)
        #expect(statistics.textLength[HTMLTree.rootIndex] == text.unicodeScalars.count { $0 != " " })
    }

    @Test func collapseAndMeasureAgreesWithCollapseThenMeasure() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", "  ", "\n", "\t", "mot", "é", "\u{A0}", "l’été", ",", "\r\n", "\u{0C}"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let collapsed = HTMLWhitespace.collapse(text)
            let (visible, words) = HTMLWhitespace.measure(collapsed)
            let combined = HTMLWhitespace.collapseAndMeasure(text)
            #expect(combined.text == collapsed, "\(Array(text.utf8))")
            #expect(combined.visible == visible && combined.words == words, "\(Array(text.utf8))")
        }
    }
}
