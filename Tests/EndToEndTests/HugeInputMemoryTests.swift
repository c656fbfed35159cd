import EnjeuxTestSupport
import Foundation
import Testing

/// Peak memory of the four stages on a 20,000-page PDF and a 200 MB web page (issue 24, item 9),
/// measured with GNU time, and the evidence they give.
/// Slow (minutes in a release build, much longer in a debug one): runs only when
/// `ENJEUX_HUGE_TESTS=1`, and needs `../shared` (the PDF is `broken/1000-pages.pdf` joined 20 times
/// by scripts/fixtures/make-huge-fixtures.sh) and /usr/bin/time. `make bench` measures the same
/// inputs, and the 200 MB web page, beside pdftotext and trafilatura (row 10).
@Suite struct HugeInputMemoryTests {
    static let enabled =
        ProcessInfo.processInfo.environment["ENJEUX_HUGE_TESTS"] == "1" && SharedData.isAvailable
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    static let skipMessage: Comment =
        "skipped: slow; set ENJEUX_HUGE_TESTS=1 (needs ../shared, pdfunite and /usr/bin/time)"
    static let limitKiB = 300 * 1024

    /// Runs `enjeux-<stage>` under GNU time; its exit status and peak resident size in KiB.
    static func measured(_ stage: String, _ arguments: [String], scratch: Scratch) throws -> (Int32, Int) {
        let report = scratch.path("time-\(stage)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments =
            ["-f", "%M", "-o", report.path, StageRunner.binaries.appendingPathComponent("enjeux-\(stage)").path]
            + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOf: report, encoding: .utf8)
        let peak = try #require(
            text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        return (process.terminationStatus, peak)
    }

    /// Runs a stage under GNU time and expects it to succeed within the limit.
    static func expectWithinLimit(_ stage: String, _ arguments: [String], who: String, scratch: Scratch) throws {
        let (status, peak) = try measured(stage, arguments, scratch: scratch)
        #expect(status == 0)
        #expect(peak <= limitKiB, "\(who) peaked at \(peak) KiB")
    }

    /// Extracts, tokenizes and scores the corpus of one document, each stage within the limit;
    /// `afterExtraction` checks the extraction folder before the next stages. Returns that folder.
    @discardableResult
    static func stagesWithinLimit(
        corpus: URL, scratch: Scratch, afterExtraction: (String) throws -> Void = { _ in }
    ) throws -> String {
        let work = scratch.path("work")
        let extracted = work.appendingPathComponent("extracted").path
        let passages = work.appendingPathComponent("passages").path
        try expectWithinLimit(
            "extract", [corpus.path, "--out", extracted, "--jobs", "1", "--timeout", "36000"],
            who: "enjeux-extract and its worker", scratch: scratch)
        try afterExtraction(extracted)
        try expectWithinLimit(
            "tokenize", [extracted, "--out", passages, "--jobs", "1"], who: "enjeux-tokenize", scratch: scratch)
        try expectWithinLimit(
            "score",
            [
                passages, "--lexicon", ScriptRunner.root.appendingPathComponent("Lexicons/enjeux.fr.yaml").path,
                "--out", work.appendingPathComponent("scores.json").path,
            ], who: "enjeux-score", scratch: scratch)
        // The ranking with both exports, the default (the database and the REFI-QDA project).
        let evidence = work.appendingPathComponent("Evidence")
        try expectWithinLimit(
            "rank",
            [work.appendingPathComponent("scores.json").path, "--extracted", extracted, "--out", evidence.path],
            who: "enjeux-rank", scratch: scratch)
        try expectListedPassagesWhole(in: evidence)
        return extracted
    }

    /// The evidence lists passages, each with its text and the matches that point into it (the
    /// ranking reads both back from where it kept them), and the exports are there.
    static func expectListedPassagesWhole(in evidence: URL) throws {
        let lines = try String(contentsOf: evidence.appendingPathComponent("evidence.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = Array((row["text"] as? String ?? "").unicodeScalars)
            let matches = row["matches"] as? [[String: Any]] ?? []
            #expect(!text.isEmpty && !matches.isEmpty)
            for match in matches {
                let start = match["start"] as? Int ?? -1
                let end = match["end"] as? Int ?? -1
                guard start >= 0, start <= end, end <= text.count else {
                    Issue.record("match \(match) outside its passage")
                    continue
                }
                var found = String.UnicodeScalarView()
                found.append(contentsOf: text[start..<end])
                #expect(String(found) == match["text"] as? String)
            }
        }
        for name in ["evidence.sqlite", "enjeux.qdpx"] {
            #expect(FileManager.default.fileExists(atPath: evidence.appendingPathComponent(name).path), "\(name)")
        }
    }

    /// The huge fixtures made into `scratch` (the page `megabytes` large).
    static func fixtures(_ scratch: Scratch, pageMegabytes: Int) throws -> URL {
        let fixtures = scratch.path("fixtures")
        let made = try ScriptRunner.run(
            "scripts/fixtures/make-huge-fixtures.sh", [fixtures.path, String(pageMegabytes)])
        try #require(made.status == 0, "\(made.stderr)")
        return fixtures
    }

    @Test(.enabled(if: enabled, skipMessage)) func twentyThousandPagesStayUnderThreeHundredMegabytes() throws {
        let scratch = try Scratch()
        let fixtures = try Self.fixtures(scratch, pageMegabytes: 1)
        let extracted = try Self.stagesWithinLimit(
            corpus: fixtures.appendingPathComponent("huge-pdf"), scratch: scratch)
        let manifest = try String(contentsOf: URL(fileURLWithPath: extracted + "/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"pages\" : 20000"))
    }

    @Test(.enabled(if: enabled, skipMessage)) func aTwoHundredMegabytePageStaysUnderThreeHundredMegabytes() throws {
        let scratch = try Scratch()
        let fixtures = try Self.fixtures(scratch, pageMegabytes: 200)
        let page = fixtures.appendingPathComponent("huge-html/page-200mb.html")
        try Self.stagesWithinLimit(corpus: fixtures.appendingPathComponent("huge-html"), scratch: scratch) {
            extracted in
            // Every paragraph of the article is there, the footer's is not.
            let html = try String(contentsOf: page, encoding: .utf8)
            let paragraphs = html.components(separatedBy: "<p>").count - 1
            let files = try FileManager.default.contentsOfDirectory(atPath: extracted).filter {
                $0.hasPrefix("page-")
            }
            let document = try String(contentsOfFile: extracted + "/" + (files.first ?? ""), encoding: .utf8)
            #expect(document.components(separatedBy: "\"kind\":\"paragraph\"").count - 1 == paragraphs - 1)
        }
    }
}
