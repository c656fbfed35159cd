import EnjeuxTestSupport
import Foundation
import Testing

/// Peak memory of the stages on a 20,000-page PDF and a 200 MB web page (issue 24, item 9),
/// measured with GNU time.
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

    @Test(.enabled(if: enabled, skipMessage)) func twentyThousandPagesStayUnderThreeHundredMegabytes() throws {
        let scratch = try Scratch()
        let root = ScriptRunner.root
        let fixtures = scratch.path("fixtures")
        let made = try ScriptRunner.run("scripts/fixtures/make-huge-fixtures.sh", [fixtures.path, "1"])
        try #require(made.status == 0, "\(made.stderr)")
        let corpus = fixtures.appendingPathComponent("huge-pdf")
        let work = scratch.path("work")
        let extracted = work.appendingPathComponent("extracted").path
        let passages = work.appendingPathComponent("passages").path
        let (extractStatus, extractPeak) = try Self.measured(
            "extract", [corpus.path, "--out", extracted, "--jobs", "1", "--timeout", "36000"], scratch: scratch)
        #expect(extractStatus == 0)
        #expect(extractPeak <= Self.limitKiB, "enjeux-extract and its worker peaked at \(extractPeak) KiB")
        let (tokenizeStatus, tokenizePeak) = try Self.measured(
            "tokenize", [extracted, "--out", passages, "--jobs", "1"], scratch: scratch)
        #expect(tokenizeStatus == 0)
        #expect(tokenizePeak <= Self.limitKiB, "enjeux-tokenize peaked at \(tokenizePeak) KiB")
        let (scoreStatus, scorePeak) = try Self.measured(
            "score",
            [
                passages, "--lexicon", root.appendingPathComponent("Lexicons/enjeux.fr.yaml").path, "--out",
                work.appendingPathComponent("scores.json").path,
            ], scratch: scratch)
        #expect(scoreStatus == 0)
        #expect(scorePeak <= Self.limitKiB, "enjeux-score peaked at \(scorePeak) KiB")
        let manifest = try String(contentsOf: URL(fileURLWithPath: extracted + "/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"pages\" : 20000"))
    }

    @Test(.enabled(if: enabled, skipMessage)) func aTwoHundredMegabytePageStaysUnderThreeHundredMegabytes() throws {
        let scratch = try Scratch()
        let root = ScriptRunner.root
        let fixtures = scratch.path("fixtures")
        let made = try ScriptRunner.run("scripts/fixtures/make-huge-fixtures.sh", [fixtures.path, "200"])
        try #require(made.status == 0, "\(made.stderr)")
        let page = fixtures.appendingPathComponent("huge-html/page-200mb.html")
        let corpus = fixtures.appendingPathComponent("huge-html")
        let work = scratch.path("work")
        let extracted = work.appendingPathComponent("extracted").path
        let passages = work.appendingPathComponent("passages").path
        let (extractStatus, extractPeak) = try Self.measured(
            "extract", [corpus.path, "--out", extracted, "--jobs", "1", "--timeout", "36000"], scratch: scratch)
        #expect(extractStatus == 0)
        #expect(extractPeak <= Self.limitKiB, "enjeux-extract and its worker peaked at \(extractPeak) KiB")
        // Every paragraph of the article is there, the footer's is not.
        let html = try String(contentsOf: page, encoding: .utf8)
        let paragraphs = html.components(separatedBy: "<p>").count - 1
        let files = try FileManager.default.contentsOfDirectory(atPath: extracted).filter { $0.hasPrefix("page-") }
        let document = try String(contentsOfFile: extracted + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(document.components(separatedBy: "\"kind\":\"paragraph\"").count - 1 == paragraphs - 1)
        let (tokenizeStatus, tokenizePeak) = try Self.measured(
            "tokenize", [extracted, "--out", passages, "--jobs", "1"], scratch: scratch)
        #expect(tokenizeStatus == 0)
        #expect(tokenizePeak <= Self.limitKiB, "enjeux-tokenize peaked at \(tokenizePeak) KiB")
        let (scoreStatus, scorePeak) = try Self.measured(
            "score",
            [
                passages, "--lexicon", root.appendingPathComponent("Lexicons/enjeux.fr.yaml").path, "--out",
                work.appendingPathComponent("scores.json").path,
            ], scratch: scratch)
        #expect(scoreStatus == 0)
        #expect(scorePeak <= Self.limitKiB, "enjeux-score peaked at \(scorePeak) KiB")
    }
}
