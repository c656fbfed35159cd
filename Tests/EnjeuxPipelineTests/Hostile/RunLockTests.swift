import EnjeuxCommandLine
import EnjeuxSupport
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxPipeline

/// Issue 24, item 5: one run at a time on a work or output folder.
@Suite struct RunLockTests {
    @Test func aSecondRunWaitsThenSaysWhoHoldsTheLock() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent(RunLock.fileName)
        try RunLock.acquire(file, wait: 0)
        // A second open of the file is a second lock holder, as another process would be.
        let started = Date()
        do {
            try RunLock.acquire(file, wait: 0.3)
            Issue.record("the lock was taken twice")
        } catch {
            guard case .busy(let owner) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(owner == getpid())
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
    }

    @Test func aStaleLockOfADeadProcessIsTakenOver() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent(RunLock.fileName)
        // The id of a process that has ended.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = process.processIdentifier
        try Data("\(dead)\n".utf8).write(to: file)
        #expect(try RunLock.acquire(file, wait: 0) == dead)
        // The lock of a process that ended normally is empty: nothing to report.
        let ended = folder.url.appendingPathComponent("ended.lock")
        try Data().write(to: ended)
        #expect(try RunLock.acquire(ended, wait: 0) == nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "\(getpid())\n")
    }

    @Test func theOutputFolderLockIsBesideIt() {
        #expect(RunLock.file(besideFolder: URL(fileURLWithPath: "/x/Evidence")).path == "/x/.Evidence.lock")
    }

    /// Two `make analyze` at once: the second stops with 75 and names the first.
    @Test func twoAnalyzeRunsDoNotOverlap() throws {
        let folder = try TemporaryFolder()
        let bin = folder.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        // Stand-ins for the stages: the extraction takes a while, the others do nothing.
        for (stage, body) in [("extract", "sleep 3"), ("tokenize", ":"), ("score", ":"), ("rank", ":")] {
            let url = bin.appendingPathComponent("enjeux-\(stage)")
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            chmod(url.path, 0o755)
        }
        try folder.write("Corpus/a.html", "<p>a</p>")
        try folder.write("lexique.yaml", "name: x\n")
        let script = SharedData.repositoryRoot.appendingPathComponent("scripts/analyze.sh")
        func start() throws -> (Process, Pipe) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script.path]
            var environment = ProcessInfo.processInfo.environment
            environment["BIN"] = bin.path
            environment["CORPUS"] = folder.url.appendingPathComponent("Corpus").path
            environment["LEXICON"] = folder.url.appendingPathComponent("lexique.yaml").path
            environment["OUT"] = folder.url.appendingPathComponent("Evidence").path
            environment["WORK"] = folder.url.appendingPathComponent("work").path
            environment["ENJEUX_LOCK_WAIT"] = "0.5"
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, errors)
        }
        let (first, firstErrors) = try start()
        Thread.sleep(forTimeInterval: 0.8)
        let (second, secondErrors) = try start()
        let message = String(decoding: secondErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        first.waitUntilExit()
        #expect(second.terminationStatus == 75)
        #expect(message.contains("another run is in progress on the work folder"))
        #expect(message.contains("(process \(first.processIdentifier))"))
        #expect(
            first.terminationStatus == 0,
            "\(String(decoding: firstErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        // Once the first run has ended, the next one goes through.
        let (third, _) = try start()
        third.waitUntilExit()
        #expect(third.terminationStatus == 0)
    }
}
