import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import EnjeuxTestSupport
import EnjeuxText
import Foundation
import Testing

/// Tokenize and score stages on small HTML files: compact passage files, streamed scoring.
@Suite struct TokenizeScoreStageTests {
    static let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")

    static let texts = [
        "La charge de travail des intervenantes augmente; l’autonomie professionnelle recule « depuis la réforme ».",
        "Les indicateurs de performance et la reddition de comptes pèsent sur le jugement clinique. Les listes d’attente s’allongent.",
        "Un texte sans rapport : la météo du week-end sera ensoleillée 😀 sur toute la région.",
        // Issue words without the public-services context: the document-level context factor applies.
        "Au garage, l’optimisation du moteur a réduit la charge de travail du pilote pendant la course.",
    ]

    /// Extracts and tokenizes the sample texts; returns the passages folder.
    private func tokenize(in work: TemporaryFolder) throws -> (URL, TokenizeStage.Outcome) {
        let corpus = try TemporaryFolder()
        for (index, text) in Self.texts.enumerated() {
            try corpus.write("page\(index).html", ExtractStageTests.page(text))
        }
        let extracted = work.url.appendingPathComponent("extracted")
        _ = try ExtractStage(corpus: corpus.url, output: extracted, isolation: nil, jobs: 1).run()
        let passages = work.url.appendingPathComponent("passages")
        let outcome = try TokenizeStage(
            input: extracted, output: passages, passageOptions: PassageOptions(), jobs: 2
        ).run()
        return (passages, outcome)
    }

    private func documents(in passages: URL) throws -> [TokenizedDocument] {
        let manifest = try #require(TokenizeManifest.load(from: passages))
        return try manifest.entries.map {
            try TokenizedDocument(jsonFile: passages.appendingPathComponent("\($0.id).json"))
        }
    }

    @Test func streamedScoresEqualTheInMemoryScorer() throws {
        let work = try TemporaryFolder()
        let (passages, _) = try tokenize(in: work)
        let output = work.url.appendingPathComponent("scores.json")
        let outcome = try ScoreStage(input: passages, lexicon: Self.lexicon, output: output).run()
        #expect(outcome.documents == Self.texts.count)
        #expect(outcome.scored > 0)

        let written = try ScoreSet(jsonFile: output)
        let documents = try documents(in: passages)
        let lexicon = try Lexicon.parse(
            yaml: String(contentsOf: Self.lexicon, encoding: .utf8), file: Self.lexicon.path)
        #expect(written.passages == Scorer(lexicon: lexicon).score(documents: documents))
        #expect(written.documents.map(\.passageCount) == documents.map(\.passages.count))
    }

    @Test func scoresDoNotDependOnTheNumberOfJobs() throws {
        let work = try TemporaryFolder()
        let (passages, _) = try tokenize(in: work)
        var outputs: [Data] = []
        for jobs in [1, 2, 3] {
            let output = work.url.appendingPathComponent("scores-\(jobs).json")
            _ = try ScoreStage(input: passages, lexicon: Self.lexicon, output: output, jobs: jobs).run()
            outputs.append(try Data(contentsOf: output))
        }
        #expect(outputs[0].count > 0)
        for output in outputs.dropFirst() { #expect(output == outputs[0]) }
    }

    @Test func longDocumentsMatchedOnSeveralCoresScoreTheSame() throws {
        // One page long enough for several batches and several packed pieces.
        let work = try TemporaryFolder()
        let corpus = try TemporaryFolder()
        let paragraphs = (0..<2400).map { "<p>\(Self.texts[$0 % 2]) (\($0))</p>" }.joined(separator: "\n")
        try corpus.write("long.html", "<html lang=\"fr\"><body><article>\(paragraphs)</article></body></html>")
        try corpus.write("short.html", ExtractStageTests.page(Self.texts[0]))
        let extracted = work.url.appendingPathComponent("extracted")
        _ = try ExtractStage(corpus: corpus.url, output: extracted, isolation: nil, jobs: 1).run()
        let passages = work.url.appendingPathComponent("passages")
        _ = try TokenizeStage(input: extracted, output: passages, passageOptions: PassageOptions(), jobs: 2).run()
        var outputs: [Data] = []
        // The last two runs keep the long page's matched texts in a temporary file.
        for (jobs, threshold, spilled) in [
            (1, 4096, 65_536), (2, 100, 65_536), (3, 100, 65_536), (2, 100, 1000), (1, 4096, 1),
        ] {
            let output = work.url.appendingPathComponent("scores-\(jobs)-\(spilled).json")
            var stage = ScoreStage(input: passages, lexicon: Self.lexicon, output: output, jobs: jobs)
            stage.longDocumentPassages = threshold
            stage.spilledPassages = spilled
            let outcome = try stage.run()
            #expect(outcome.scored > 2 * 1024, "the long page must fill several pieces")
            outputs.append(try Data(contentsOf: output))
        }
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func columnsFilesGiveTheSameScoresAsThePassageFiles() throws {
        let work = try TemporaryFolder()
        let (passages, _) = try tokenize(in: work)
        let names = try FileManager.default.contentsOfDirectory(atPath: passages.path)
        let columns = names.filter { $0.hasSuffix(".\(TokenColumnsFile.fileExtension)") }
        #expect(columns.count == Self.texts.count)
        let withColumns = work.url.appendingPathComponent("with.json")
        _ = try ScoreStage(input: passages, lexicon: Self.lexicon, output: withColumns).run()
        // A damaged columns file and a missing one: the passage files are read instead.
        try Data("ENJXCOL1 damaged".utf8).write(to: passages.appendingPathComponent(columns[0]))
        try FileManager.default.removeItem(at: passages.appendingPathComponent(columns[1]))
        let without = work.url.appendingPathComponent("without.json")
        _ = try ScoreStage(input: passages, lexicon: Self.lexicon, output: without).run()
        #expect(try Data(contentsOf: without) == (try Data(contentsOf: withColumns)))
    }

    @Test func passageFilesAreSchemaTwoAndOldCachesAreRebuilt() throws {
        let work = try TemporaryFolder()
        let (passages, first) = try tokenize(in: work)
        #expect(first.tokenized == Self.texts.count)
        for document in try documents(in: passages) {
            #expect(document.schema == 2)
            #expect(document.passages.allSatisfy { !$0.tokens.isEmpty })
        }
        // A manifest written before schema 2 has settings without the schema: everything is redone.
        let manifestURL = passages.appendingPathComponent(TokenizeManifest.fileName)
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        #expect(manifest.contains("; schema 2"))
        try manifest.replacingOccurrences(of: "; schema 2", with: "").write(
            to: manifestURL, atomically: true, encoding: .utf8)
        let second = try TokenizeStage(
            input: work.url.appendingPathComponent("extracted"), output: passages, passageOptions: PassageOptions(),
            jobs: 1
        ).run()
        #expect(second.tokenized == Self.texts.count)
        #expect(second.reused == 0)
    }

    @Test func aDamagedPassageFileIsAnInvalidInputError() throws {
        let work = try TemporaryFolder()
        let (passages, _) = try tokenize(in: work)
        let manifest = try #require(TokenizeManifest.load(from: passages))
        let victim = passages.appendingPathComponent("\(manifest.entries[1].id).json")
        let bytes = try Data(contentsOf: victim)
        try bytes.prefix(bytes.count / 2).write(to: victim)
        // Without its binary copy, which scoring would read instead.
        try FileManager.default.removeItem(
            at: passages.appendingPathComponent("\(manifest.entries[1].id).\(TokenColumnsFile.fileExtension)"))
        let stage = ScoreStage(
            input: passages, lexicon: Self.lexicon, output: work.url.appendingPathComponent("s.json"))
        do {
            _ = try stage.run()
            Issue.record("a truncated passage file must be refused")
        } catch {
            #expect(error.status == .invalidInput)
            #expect(error.message.contains("cannot read the passages of page1.html"))
        }
        // Tokenizing again rebuilds that file (and only that one), and scoring reads it.
        let again = try TokenizeStage(
            input: work.url.appendingPathComponent("extracted"), output: passages, passageOptions: PassageOptions(),
            jobs: 1
        ).run()
        #expect(again.tokenized == 1)
        _ = try stage.run()
    }

    @Test func aSchemaOnePassageFileIsRebuilt() throws {
        let work = try TemporaryFolder()
        let (passages, _) = try tokenize(in: work)
        let manifest = try #require(TokenizeManifest.load(from: passages))
        let victim = passages.appendingPathComponent("\(manifest.entries[0].id).json")
        let schemaTwo = try TokenizedDocument(jsonFile: victim)
        // Schema 1 had no forms table (and one object per token).
        let text = try String(contentsOf: victim, encoding: .utf8)
        let forms = try #require(text.range(of: #","forms":["#))
        let id = try #require(text.range(of: #"]],"id":"#, range: forms.upperBound..<text.endIndex))
        let schemaOne = String(text[..<forms.lowerBound]) + #","id":"# + String(text[id.upperBound...])
        try schemaOne.replacingOccurrences(of: #""schema":2"#, with: #""schema":1"#).write(
            to: victim, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try TokenizedDocument(jsonFile: victim) }
        let again = try TokenizeStage(
            input: work.url.appendingPathComponent("extracted"), output: passages, passageOptions: PassageOptions(),
            jobs: 1
        ).run()
        #expect(again.tokenized == 1)
        #expect(try TokenizedDocument(jsonFile: victim) == schemaTwo)
    }
}
