import EnjeuxPipeline
import EnjeuxTestSupport
import Foundation
import Testing

/// The work folder of a corpus is named after it and keyed by its absolute path, as
/// `scripts/work-folder.sh` names it; the record inside says which corpus and run it holds.
@Suite struct WorkFolderTests {
    @Test func twoCorporaWithTheSameNameGetTwoFolders() throws {
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("a/Corpus")
        let second = folder.url.appendingPathComponent("b/Corpus")
        for corpus in [first, second] {
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        }
        let names = [first, second].map { WorkFolder.path(forCorpus: $0.path) }
        #expect(names[0] != names[1])
        #expect(names.allSatisfy { $0.hasPrefix(".enjeux/Corpus-") && $0.count == 23 })
        #expect(WorkFolder.path(forCorpus: first.path + "/../Corpus/") == names[0])
        #expect(WorkFolder.path(forCorpus: first.path, root: "/tmp/x").hasPrefix("/tmp/x/Corpus-"))
    }

    @Test func theScriptNamesTheSameFolder() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.url.appendingPathComponent("Mon corpus d’été")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let link = folder.url.appendingPathComponent("lien")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: corpus)
        let script = SharedData.repositoryRoot.appendingPathComponent("scripts/work-folder.sh")
        for path in [corpus.path, link.path] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script.path, path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(printed == WorkFolder.path(forCorpus: path) + "\n", "\(path)")
            #expect(printed.hasPrefix(".enjeux/Mon corpus d’été-"))
        }
    }

    @Test func theRecordSaysWhichCorpusAndRun() throws {
        let folder = try TemporaryFolder()
        let date = try #require(ISO8601DateFormatter().date(from: "2026-12-07T14:12:00Z"))
        let record = WorkRecord(corpus: folder.url, date: date)
        #expect(record.startedAt == "2026-12-07T14:12:00Z")
        try record.write(work: folder.url)
        let read = try #require(WorkRecord.load(work: folder.url))
        #expect(read == record)
        let montreal = try #require(TimeZone(identifier: "America/Montreal"))
        #expect(
            read.description(work: ".enjeux/x", timeZone: montreal)
                == "corpus \(record.corpus), run of 2026-12-07 09:12 (work folder .enjeux/x)")
        #expect(WorkRecord.load(work: folder.url.appendingPathComponent("nothing")) == nil)
    }
}
