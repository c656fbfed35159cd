import EnjeuxPipeline
import Foundation
import Testing

/// The batch's side of worker isolation, with small shell scripts standing in for
/// workers that answer, hang or crash.
@Suite struct IsolatedExtractionTests {
    static func worker(_ body: String, in folder: TemporaryFolder) throws -> URL {
        let url = folder.url.appendingPathComponent("worker.sh")
        // Written through a close-on-exec descriptor: a process another test starts meanwhile
        // must not keep the script open for writing, or running it fails ("text file busy").
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array("#!/bin/sh\n\(body)\n".utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return url
    }

    static func file(_ folder: TemporaryFolder) throws -> CorpusFile {
        try folder.write("doc.html", "<p>texte</p>")
        return CorpusFile(
            relativePath: "doc.html", url: folder.url.appendingPathComponent("doc.html"), size: 12,
            modifiedNanoseconds: 0)
    }

    @Test func answersAreReadAndWorkersReused() throws {
        let folder = try TemporaryFolder()
        // Counts the requests it served: a reused worker answers with 1 page, then 2.
        let script = try Self.worker(
            #"n=0; while read line; do n=$((n+1)); echo "{\"pages\":$n,\"warnings\":[\"w\"],\"format\":\"html\"}"; done"#,
            in: folder)
        signal(SIGPIPE, SIG_IGN)
        let isolation = IsolatedExtraction(executable: script, timeoutSeconds: 5, memoryLimitMegabytes: 0)
        let file = try Self.file(folder)
        let first = isolation.run(
            file: file, sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"))
        let second = isolation.run(
            file: file, sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"))
        isolation.shutdown()
        #expect(try first.get().pages == 1)
        #expect(try second.get().pages == 2)
        #expect(try second.get().warnings == [.other("w")])
    }

    @Test func prestartedWorkersServeTheFirstDocuments() throws {
        let folder = try TemporaryFolder()
        // Each worker writes a mark when it starts, then answers with the count of marks it saw.
        let marks = folder.url.appendingPathComponent("marks")
        let script = try Self.worker(
            #"echo x >> "\#(marks.path)"; while read line; do n=$(wc -l < "\#(marks.path)"); "#
                + #"echo "{\"pages\":$n,\"warnings\":[],\"format\":\"html\"}"; done"#,
            in: folder)
        signal(SIGPIPE, SIG_IGN)
        let isolation = IsolatedExtraction(executable: script, timeoutSeconds: 5, memoryLimitMegabytes: 0)
        isolation.prestart(2)
        let result = isolation.run(
            file: try Self.file(folder), sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"))
        isolation.shutdown()
        // The first document went to a worker started beforehand, and no third one was needed.
        #expect([1, 2].contains(try result.get().pages))
        let lines = try String(contentsOf: marks, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }

    @Test func hangIsStoppedAtTheTimeLimit() throws {
        let folder = try TemporaryFolder()
        // `exec`: the worker is one process, like enjeux-extract itself.
        let script = try Self.worker("read line; exec sleep 60", in: folder)
        let isolation = IsolatedExtraction(executable: script, timeoutSeconds: 0.5, memoryLimitMegabytes: 0)
        let started = Date()
        let result = isolation.run(
            file: try Self.file(folder), sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"))
        #expect(Date().timeIntervalSince(started) < 5)
        guard case .failure(let error) = result else {
            Issue.record("a hanging worker must fail")
            return
        }
        #expect(error.failure == .timedOut(seconds: 0.5))
        #expect(error.path == "doc.html")
    }

    /// A long PDF's worker reports its text pages as it goes: each report allows it one more
    /// page time limit past the timeout, and is not shown as a page read by OCR.
    @Test func progressOfALongDocumentKeepsItsWorkerPastTheTimeout() throws {
        let folder = try TemporaryFolder()
        let script = try Self.worker(
            #"read line; for n in 500 1000 1500 2000 2500 3000 3500 4000 4500 5000; do sleep 0.3; "#
                + #"echo "{\"ocr_pages\":0,\"ocr_pages_done\":0,\"text_pages_done\":$n}"; done; "#
                + #"echo "{\"pages\":5000,\"warnings\":[],\"format\":\"pdf\"}""#,
            in: folder)
        // Reports for 3 s against a timeout of 1.5 s.
        let isolation = IsolatedExtraction(executable: script, timeoutSeconds: 1.5, memoryLimitMegabytes: 0)
        nonisolated(unsafe) var shown: [Int] = []
        let result = isolation.run(
            file: try Self.file(folder), sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"),
            onPage: { done, _ in shown.append(done) })
        isolation.shutdown()
        #expect(try result.get().pages == 5000)
        #expect(shown.isEmpty)
    }

    @Test func crashIsReportedAndTheNextDocumentGetsAFreshWorker() throws {
        let folder = try TemporaryFolder()
        // Crashes on its first request; a fresh worker (new marker file) answers.
        let marker = folder.url.appendingPathComponent("crashed-once").path
        let script = try Self.worker(
            """
            read line
            if [ ! -e "\(marker)" ]; then touch "\(marker)"; kill -SEGV $$; fi
            echo '{"pages":3,"warnings":[]}'
            """, in: folder)
        signal(SIGPIPE, SIG_IGN)
        let isolation = IsolatedExtraction(executable: script, timeoutSeconds: 5, memoryLimitMegabytes: 0)
        let file = try Self.file(folder)
        let crashed = isolation.run(
            file: file, sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"))
        let next = isolation.run(
            file: file, sha256: "", password: nil, output: folder.url.appendingPathComponent("o.json"))
        isolation.shutdown()
        guard case .failure(let error) = crashed, case .crashed(let detail) = error.failure else {
            Issue.record("a crashing worker must be reported as a crash")
            return
        }
        #expect(detail.contains("signal 11"))
        #expect(try next.get().pages == 3)
    }
}
