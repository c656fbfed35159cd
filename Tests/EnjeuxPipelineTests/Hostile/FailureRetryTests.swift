import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxPipeline

/// Issue 24, items 1 and 10: failures that depend on the settings or the machine are retried;
/// only failures that depend on the file's bytes are kept, by hash; the manifest and the
/// extracted document record the hash of the bytes actually read.
@Suite struct FailureRetryTests {
    @Test func aTimeoutIsRetriedAtTheNextRun() throws {
        let folder = try TemporaryFolder()
        try folder.write("corpus/page.html", "<html><body><p>Un texte sur l’autonomie.</p></body></html>")
        let corpus = folder.url.appendingPathComponent("corpus")
        let output = folder.url.appendingPathComponent("work")
        // A worker that never answers: the document times out.
        let hanging = try IsolatedExtractionTests.worker("read line; exec sleep 60", in: folder)
        let first = try ExtractStage(
            corpus: corpus, output: output,
            isolation: IsolatedExtraction(executable: hanging, timeoutSeconds: 0.3, memoryLimitMegabytes: 0), jobs: 1
        ).run()
        #expect(first.failures.map(\.code) == ["timed_out"])
        // Nothing changed in the file, but the time limit did: it is read again.
        let second = try ExtractStage(corpus: corpus, output: output, isolation: nil, jobs: 1).run()
        #expect(second.failures.isEmpty)
        #expect(second.extracted == 1 && second.reused == 0)
        #expect(ExtractionManifest.load(from: output)?.entries.first?.status == .extracted)
    }

    @Test func aFailureThatDependsOnTheBytesIsKeptByHash() throws {
        let folder = try TemporaryFolder()
        try folder.write("corpus/vide.html", "")
        let corpus = folder.url.appendingPathComponent("corpus")
        let output = folder.url.appendingPathComponent("work")
        let first = try ExtractStage(corpus: corpus, output: output, isolation: nil, jobs: 1).run()
        #expect(first.failures.map(\.code) == ["empty_file"])
        let second = try ExtractStage(corpus: corpus, output: output, isolation: nil, jobs: 1).run()
        #expect(second.reused == 1 && second.failures.map(\.code) == ["empty_file"])
        #expect(ExtractionManifest.load(from: output)?.entries.first?.sha256 == SHA256.hex(of: ""))
    }

    @Test func aWriteErrorIsNotKept() throws {
        #expect(
            !ExtractionFailure.unreadable(detail: "cannot write output: No space left on device").dependsOnlyOnBytes)
        #expect(!ExtractionFailure.memoryLimitExceeded(megabytes: 10).dependsOnlyOnBytes)
        #expect(!ExtractionFailure.crashed(detail: "signal 6").dependsOnlyOnBytes)
        #expect(ExtractionFailure.damaged(detail: "xref").dependsOnlyOnBytes)
    }

    @Test func theDocumentRecordsTheHashOfTheBytesItWasExtractedFrom() throws {
        let folder = try TemporaryFolder()
        let text = "<html><body><p>Version lue.</p></body></html>"
        try folder.write("page.html", text)
        let document = try ExtractOne.run(
            url: folder.url.appendingPathComponent("page.html"), relativePath: "page.html", password: nil
        ).get()
        #expect(document.sha256 == SHA256.hex(of: text))
        #expect(document.byteCount == text.utf8.count)
    }

    @Test func theManifestKeepsTheWorkersHashNotThePlannedOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("corpus/page.html", "<p>avant</p>")
        let corpus = folder.url.appendingPathComponent("corpus")
        let output = folder.url.appendingPathComponent("work")
        // A worker that, like a file changed between planning and reading, read other bytes.
        let worker = try IsolatedExtractionTests.worker(
            #"while read line; do echo '{"pages":1,"warnings":[],"format":"html","sha256":"feedface"}'; done"#,
            in: folder)
        signal(SIGPIPE, SIG_IGN)
        _ = try ExtractStage(
            corpus: corpus, output: output,
            isolation: IsolatedExtraction(executable: worker, timeoutSeconds: 5, memoryLimitMegabytes: 0), jobs: 1
        ).run()
        #expect(ExtractionManifest.load(from: output)?.entries.first?.sha256 == "feedface")
    }
}
