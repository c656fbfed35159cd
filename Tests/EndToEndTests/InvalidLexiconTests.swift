import EnjeuxTestSupport
import Foundation
import Testing

/// An invalid lexicon stops the run before anything is ranked: the evidence of the previous
/// run stays, and the run ends with a French line saying so and from when.
@Suite(.serialized) struct InvalidLexiconTests {
    @Test func theRunEndsSayingThePreviousEvidenceIsKeptAndFromWhen() throws {
        let scratch = try Scratch()
        try scratch.write(
            "Corpus/page.html",
            "<!DOCTYPE html><html lang=\"fr\"><head><title>Note</title></head><body><article><h1>Note</h1>"
                + "<p>Dans les services sociaux, la méthode Lean réduit l’autonomie professionnelle.</p></article></body></html>"
        )
        try scratch.write("invalide.yaml", "name: essai\ncategories:\n  autonomie: [\n")
        let evidence = scratch.path("Evidence")
        let work = scratch.path("work")

        // Without earlier evidence: nothing is kept, and the line says so.
        let first = try ScriptRunner.analyze(
            corpus: scratch.path("Corpus"), lexicon: scratch.path("invalide.yaml"), work: work, evidence: evidence)
        #expect(first.status == 65)
        #expect(
            Self.lastLine(first.stderr)
                == "enjeux: Lexique invalide\u{A0}: aucun résultat n\u{2019}a été écrit dans \(evidence.path)/")

        let valid = try ScriptRunner.analyze(
            corpus: scratch.path("Corpus"), lexicon: SampleCorpusTests.lexicon, work: work, evidence: evidence)
        #expect(valid.status == 0, "\(valid.stderr)")
        let before = try Data(contentsOf: evidence.appendingPathComponent("index.html"))
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: evidence.appendingPathComponent("run.json")))
                as? [String: Any])
        let started = try #require(run["started_at"] as? String)

        let invalid = try ScriptRunner.analyze(
            corpus: scratch.path("Corpus"), lexicon: scratch.path("invalide.yaml"), work: work, evidence: evidence)
        #expect(invalid.status == 65)
        #expect(try Data(contentsOf: evidence.appendingPathComponent("index.html")) == before, "evidence kept")
        let date = try #require(Self.localMinute(started))
        #expect(
            Self.lastLine(invalid.stderr)
                == "enjeux: Lexique invalide\u{A0}: les résultats précédents (du \(date)) sont conservés dans \(evidence.path)/"
        )
    }

    static func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// `2026-12-07T14:12:00Z` as `2026-12-07 09:12` in this machine's time zone.
    static func localMinute(_ iso: String) -> String? {
        let parser = ISO8601DateFormatter()
        guard let date = parser.date(from: iso) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
