import EnjeuxTestSupport
import Foundation
import Testing

/// Errors a user can make, and documents that cannot be read.
@Suite struct BadInputTests {
    @Test func missingCorpusIsAOneLineError() throws {
        let output = try StageRunner.run("extract", ["/nonexistent/corpus", "--out", "/tmp/enjeux-never"])
        #expect(output.status == 66)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("corpus folder not found"))
    }

    @Test func emptyCorpusIsAOneLineError() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/lisez-moi.rtf", "rien")
        let output = try StageRunner.run("extract", [scratch.path("corpus").path, "--out", scratch.path("x").path])
        #expect(output.status == 66)
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingLexiconIsAOneLineError() throws {
        let output = try StageRunner.run(
            "score", ["/tmp", "--lexicon", "/nonexistent/lexique.yaml", "--out", "/tmp/x.json"])
        #expect(output.status == 66)
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test func usageErrorsHaveTheirOwnStatus() throws {
        #expect(try StageRunner.run("extract", ["--no-such-option"]).status == 64)
        #expect(try StageRunner.run("rank", []).status == 64)
    }

    @Test func everyStageHasHelp() throws {
        for stage in ["extract", "tokenize", "score", "rank"] {
            let output = try StageRunner.run(stage, ["--help"])
            #expect(output.status == 0)
            #expect(output.stdout.contains("USAGE: enjeux-\(stage)"))
        }
    }

    @Test func printShowsBlocksAndPages() throws {
        let scratch = try Scratch()
        try scratch.write(
            "page.html",
            "<html lang=fr><body><article><h1>Titre</h1><p>Premier paragraphe.</p><p>Second paragraphe.</p></article></body></html>"
        )
        let output = try StageRunner.run("extract", ["--print", scratch.path("page.html").path])
        #expect(output.status == 0)
        #expect(output.stdout == "Titre\n\nPremier paragraphe.\n\nSecond paragraphe.\n")
    }

    /// The broken corpus without its two big files (20 MB of HTML, 1,000 pages), which the
    /// benchmarks and `make analyze CORPUS=../shared/corpus/broken` cover: a debug build
    /// takes minutes on them.
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared")) func brokenCorpusFinishesAndReportsEachFile() throws
    {
        let broken = try #require(SharedData.url("corpus/broken"))
        let scratch = try Scratch()
        let corpus = scratch.path("broken")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: broken.path)
        where name != "large-20mb-repeated-paragraph.html" && name != "1000-pages.pdf" {
            try FileManager.default.createSymbolicLink(
                at: corpus.appendingPathComponent(name), withDestinationURL: broken.appendingPathComponent(name))
        }
        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml"),
            work: scratch.path("work"), evidence: scratch.path("Evidence"))
        let extract = try #require(outputs["extract"])
        #expect(extract.status == 3)
        for name in ["empty.pdf", "random-bytes-64k.pdf", "encrypted-aes256-user-password.pdf"] {
            #expect(extract.stderr.contains("\(name):"), "not reported: \(name)")
        }
        #expect(extract.stderr.contains("password required"))
        #expect(outputs["rank"]?.status == 0)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.path("Evidence/run.json")))
        let failures = (run as? [String: Any])?["failures"] as? [[String: Any]] ?? []
        #expect(failures.contains { $0["path"] as? String == "empty.pdf" && $0["reason"] as? String == "empty file" })
        let warnings = (run as? [String: Any])?["warnings"] as? [[String: Any]] ?? []
        // The scan is read by OCR (issue 20): its passages are ranked, each flagged.
        #expect(!warnings.contains { ($0["path"] as? String) == "scanned-no-text-layer.pdf" })
        let evidence = try String(contentsOf: scratch.path("Evidence/evidence.jsonl"), encoding: .utf8)
        let scanned = try evidence.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["source"] as? String == "scanned-no-text-layer.pdf" }
        #expect(!scanned.isEmpty, "the scan's passages must be ranked")
        for entry in scanned {
            #expect((entry["ocr"] as? String)?.hasPrefix("texte reconnu par OCR, confiance ") == true)
            #expect(entry["page"] as? Int == 1)
        }
        #expect(warnings.contains { ($0["path"] as? String) == "scripts-and-navigation-only.html" })
    }
}
