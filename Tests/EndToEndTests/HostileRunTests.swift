import EnjeuxTestSupport
import Foundation
import Testing

/// Issue 24 through the executables: statuses and words under faults (items 1, 6, 8, 10).
@Suite struct HostileRunTests {
    static let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")

    /// A page of `paragraphs` French paragraphs.
    static func page(paragraphs: Int) -> String {
        let paragraph =
            "<p>La charge de travail des équipes et l’autonomie professionnelle des intervenants sociaux "
            + "sont mesurées par des indicateurs de performance que la direction suit chaque mois.</p>\n"
        return "<html><head><title>Note</title></head><body>\n"
            + String(repeating: paragraph, count: paragraphs) + "</body></html>\n"
    }

    /// Runs a stage through `/bin/sh` with shell commands before it (limits, ignored signals).
    static func runLimited(_ prefix: String, _ stage: String, _ arguments: [String]) throws -> StageRunner.Output {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let executable = StageRunner.binaries.appendingPathComponent("enjeux-\(stage)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(prefix); exec '\(executable)' \(quoted.joined(separator: " "))"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return StageRunner.Output(
            status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
    }

    /// Item 1: a document stopped at the time limit is extracted by the next run.
    @Test func aTimedOutDocumentIsRetriedWithALongerLimit() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/long.html", Self.page(paragraphs: 20_000))
        let work = scratch.path("work").path
        let first = try StageRunner.run("extract", [scratch.path("corpus").path, "--out", work, "--timeout", "0.01"])
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stderr.contains("extraction took longer than"))
        let second = try StageRunner.run("extract", [scratch.path("corpus").path, "--out", work])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 documents (1 processed, 0 unchanged), 0 failed"), "\(second.stderr)")
    }

    /// Item 6: an output that cannot be written (a file-size limit stands in for a full disk)
    /// is status 73, not 65.
    @Test func aWriteErrorDuringTokenizeIsCannotWrite() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/page.html", Self.page(paragraphs: 40))
        let extracted = scratch.path("work/extracted").path
        #expect(try StageRunner.run("extract", [scratch.path("corpus").path, "--out", extracted]).status == 0)
        // SIGXFSZ ignored: a write past the limit fails with EFBIG, as one fails with ENOSPC.
        let output = try Self.runLimited(
            "trap '' XFSZ; ulimit -f 2", "tokenize", [extracted, "--out", scratch.path("work/passages").path])
        #expect(output.status == 73, "\(output.stderr)")
        #expect(output.stderr.contains("cannot write the passages of page.html"), "\(output.stderr)")
    }

    /// Item 6, a real full disk: needs root and the right to mount a small tmpfs.
    @Test func aFullDiskDuringTokenizeIsCannotWrite() throws {
        let scratch = try Scratch()
        let small = scratch.path("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path]
        mount.standardError = FileHandle.nullDevice
        guard geteuid() == 0, (try? mount.run()) != nil,
            {
                mount.waitUntilExit()
                return mount.terminationStatus == 0
            }()
        else {
            print(
                "skipped: a full disk needs root and the right to mount a tmpfs (see aWriteErrorDuringTokenizeIsCannotWrite)"
            )
            return
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [small.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        try scratch.write("corpus/page.html", Self.page(paragraphs: 400))
        let extracted = scratch.path("work/extracted").path
        #expect(try StageRunner.run("extract", [scratch.path("corpus").path, "--out", extracted]).status == 0)
        let output = try StageRunner.run(
            "tokenize", [extracted, "--out", small.appendingPathComponent("passages").path])
        #expect(output.status == 73, "\(output.stderr)")
    }

    /// Item 6: `/dev/zero` as a lexicon is refused for what it is.
    @Test func aDeviceAsLexiconSaysWhatItIs() throws {
        let check = try StageRunner.run("score", ["--check", "/dev/zero"])
        #expect(check.status == 65)
        #expect(check.stderr.contains("not a regular file (a character device)"), "\(check.stderr)")
        #expect(!check.stderr.lowercased().contains("permission"))
    }

    /// Item 8: a file name with ESC, BEL and a C1 control reaches neither the terminal nor
    /// run.md as it is.
    @Test func controlCharactersInNamesAreEscaped() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/page.html", Self.page(paragraphs: 3))
        try scratch.write("corpus/vide\u{1B}[2J\u{07}\u{9B}.html", "")
        let evidence = scratch.path("Evidence")
        let outputs = try StageRunner.pipeline(
            corpus: scratch.path("corpus"), lexicon: Self.lexicon, work: scratch.path("work"), evidence: evidence)
        let extract = try #require(outputs["extract"])
        #expect(extract.status == 3)
        #expect(extract.stderr.contains("vide\\u{1B}[2J\\u{7}\\u{9B}.html: empty file"), "\(extract.stderr)")
        let runMarkdown = try String(contentsOf: evidence.appendingPathComponent("run.md"), encoding: .utf8)
        #expect(runMarkdown.contains("\\u{1B}"))
        for output in outputs.values {
            #expect(!output.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
        }
        #expect(!runMarkdown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
    }

    /// Item 10: the extraction workers never open the user and group databases.
    @Test func workersDoNotReadThePasswordFile() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/a.html", Self.page(paragraphs: 3))
        try scratch.write("corpus/b.txt", "Une note sur la charge de travail.\n")
        let log = scratch.path("strace.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = [
            "-f", "-e", "trace=open,openat", "-o", log.path,
            StageRunner.binaries.appendingPathComponent("enjeux-extract").path, scratch.path("corpus").path, "--out",
            scratch.path("work").path,
        ]
        process.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), (try? process.run()) != nil else {
            print("skipped: strace is not installed (apt-get install strace)")
            return
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let trace = try? String(contentsOf: log, encoding: .utf8),
            trace.contains("a.html")
        else {
            print("skipped: strace cannot trace here (ptrace not permitted)")
            return
        }
        #expect(!trace.contains("/etc/passwd"))
        #expect(!trace.contains("/etc/group"))
    }
}
