import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxText

@Suite("Snowball French stemmer")
struct SnowballConformanceTests {
    @Test(
        "stems every word of voc.txt exactly as the reference output.txt",
        .enabled(if: SharedData.isAvailable, "needs ../shared"))
    func referenceVocabulary() throws {
        let vocURL = try #require(SharedData.url("conformance/snowball-fr/voc.txt"))
        let outURL = try #require(SharedData.url("conformance/snowball-fr/output.txt"))
        let words = try String(contentsOf: vocURL, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let stems = try String(contentsOf: outURL, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(words.count == stems.count)
        let stemmer = SnowballFrenchStemmer()
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) where !word.isEmpty {
            let got = stemmer.stem(String(word))
            if got != expected { mismatches.append("\(word) → \(got) (expected \(expected))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(30).joined(separator: "; "))")
        #expect(words.count > 8000)
    }

    @Test("known stems from the algorithm description")
    func knownStems() {
        let stemmer = SnowballFrenchStemmer()
        let cases = [
            ("continuellement", "continuel"), ("majestueusement", "majestu"), ("contradictoirement", "contradictoir"),
            ("maintenaient", "mainten"), ("jouer", "jou"), ("l'homme", "homm"), ("l'", "l'"),
        ]
        for (word, stem) in cases { #expect(stemmer.stem(word) == stem, "\(word)") }
    }
}
