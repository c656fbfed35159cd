import Foundation
import Testing

@testable import EnjeuxExtraction

/// Line-end hyphen decisions, with a tiny word list built in code and without any list.
@Suite struct PDFHyphenationTests {
    static let words = PDFFrenchWordList(words: [
        "dispensation", "peut-être", "ceux-ci", "socio-économique", "organisationnel", "référence", "déplacer",
        "dé", "place", "santé", "des",
    ])

    func decide(
        _ left: String, _ right: String, spaced: Bool = false, list: PDFFrenchWordList = words,
        document: [String: Int] = [:]
    ) -> PDFHyphenation.Decision {
        PDFHyphenation(documentWords: document, wordList: list).decide(left: left, right: right, spacedHyphen: spaced)
    }

    @Test func wordListDecides() {
        #expect(decide("dispen", "sation") == .join)
        #expect(decide("peut", "être") == .keepHyphen)
        #expect(decide("Ceux", "ci") == .keepHyphen)
        #expect(decide("socio", "économique") == .keepHyphen)
        #expect(decide("organisa", "tionnelles") == .join)
        #expect(decide("réfé", "rences", spaced: true) == .join)
        #expect(decide("dé", "place", spaced: true) == .join)
    }

    @Test func unknownWordsAreJoinedUnlessACompoundRuleApplies() {
        #expect(decide("produi", "saient") == .join)
        #expect(decide("non", "respect") == .keepHyphen)
        #expect(decide("a", "t-il") == .keepHyphen)
        #expect(decide("celle", "là") == .keepHyphen)
    }

    @Test func documentSpellingWins() {
        #expect(decide("micro", "ondes", document: ["micro-ondes": 2]) == .keepHyphen)
        #expect(decide("socio", "économique", document: ["socioéconomique": 3]) == .join)
    }

    @Test func withoutWordList() {
        let none = PDFFrenchWordList(words: [])
        #expect(!none.isAvailable)
        #expect(decide("dispen", "sation", list: none) == .join)
        #expect(decide("peut", "être", list: none) == .keepHyphen)
        #expect(decide("Ceux", "ci", list: none) == .keepHyphen)
        #expect(decide("non", "respect", list: none) == .keepHyphen)
        #expect(decide("socio", "économique", list: none) == .keepHyphen)
        #expect(decide("santé", "des", spaced: true, list: none) == .keepSeparate)
    }

    @Test func numbersAndNamesKeepTheHyphen() {
        #expect(decide("2018", "2019") == .keepHyphen)
        #expect(decide("Jean", "Pierre") == .keepHyphen)
        #expect(decide("santé", "Des", spaced: true) == .keepSeparate)
    }

    @Test func dictionaryFileIsParsed() {
        let parsed = PDFFrenchWordList.parse(Data("3\nabaisser/a0p+\nCeux-ci po:mg\névaluation/S.() po:nom\n".utf8))
        #expect(parsed == ["abaisser", "ceux-ci", "évaluation"])
        let list = PDFFrenchWordList(words: parsed)
        #expect(list.contains("évaluations"))
        #expect(list.contains("abaissaient"))
        #expect(!list.contains("abaiss"))
    }

    @Test func assemblerJoinsLines() {
        let assembler = PDFTextAssembler(hyphenation: PDFHyphenation(documentWords: [:], wordList: Self.words))
        func line(_ text: String, y: Double) -> PDFTextLine {
            PDFTextLine(
                scalars: Array(text.unicodeScalars), x1: 0, y1: y, x2: 400, y2: y + 12, fontSize: 11, isBold: false,
                fontKey: 1, endsWithSoftHyphen: false, order: 0)
        }
        let draft = PDFBlockDraft(
            kind: .paragraph,
            lines: [
                line("la dispen-", y: 0), line("sation des services ; peut-", y: 14), line("être ceux -", y: 28),
                line("ci.", y: 42),
            ])
        #expect(assembler.text(of: draft) == "la dispensation des services ; peut-être ceux-ci.")
    }
}
