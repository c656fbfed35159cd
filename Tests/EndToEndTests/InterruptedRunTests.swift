import EnjeuxTestSupport
import Foundation
import Testing

/// `make analyze` killed at a random moment (SIGKILL to the whole process group, as a
/// closed terminal or an out-of-memory killer would) and run again gives exactly the
/// evidence of a run that was never interrupted.
@Suite(.serialized) struct InterruptedRunTests {
    static let root = SharedData.repositoryRoot
    static let corpus = root.appendingPathComponent("Corpus")
    static let lexicon = root.appendingPathComponent("Lexicons/enjeux.fr.yaml")
    static let script = root.appendingPathComponent("scripts/analyze.sh")

    /// Starts scripts/analyze.sh as the leader of a new process group (so that the whole
    /// run, workers included, can be killed at once); returns its process id.
    static func start(work: URL, evidence: URL) throws -> pid_t {
        var environment = ProcessInfo.processInfo.environment
        environment["BIN"] = StageRunner.binaries.path
        environment["CORPUS"] = corpus.path
        environment["LEXICON"] = lexicon.path
        environment["OUT"] = evidence.path
        environment["WORK"] = work.path
        environment["JOBS"] = "2"
        let command: [String] = ["/bin/bash", script.path]
        let arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?] =
            environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in arguments + variables { free(pointer) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/bash", &actions, &attributes, arguments, variables)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        return pid
    }

    /// Waits for a run; returns its exit status (128 + signal when killed).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    static func runToTheEnd(work: URL, evidence: URL) throws -> Int32 {
        wait(try start(work: work, evidence: evidence))
    }

    /// Which stage's outputs exist when the run was killed (for the failure message).
    static func progress(of work: URL, evidence: URL) -> String {
        let manager = FileManager.default
        let marks = [
            ("extracted", work.appendingPathComponent("extracted/manifest.json")),
            ("tokenized", work.appendingPathComponent("passages/manifest.json")),
            ("scored", work.appendingPathComponent("scores.json")),
            ("ranked", evidence.appendingPathComponent("evidence.jsonl")),
        ]
        return marks.filter { manager.fileExists(atPath: $0.1.path) }.map(\.0).joined(separator: ", ")
    }

    /// The evidence files, without `run.json`/`run.md` and the report's footer (date, timings).
    static func evidence(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        // run.json, run.md and the REFI-QDA project carry the run's date (QDAProjectTests compares
        // two projects but for it).
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where !name.hasPrefix("run.") && name != "enjeux.qdpx" {
            var data = try Data(contentsOf: folder.appendingPathComponent(name))
            if name == "index.html", let page = String(data: data, encoding: .utf8),
                let footer = page.range(of: "<footer id=\"execution\">")
            {
                data = Data(page[..<footer.lowerBound].utf8)
            }
            files[name] = data
        }
        return files
    }

    @Test func killedRunsRerunToTheSameEvidence() throws {
        let scratch = try Scratch()
        let referenceWork = scratch.path("reference/work")
        let referenceEvidence = scratch.path("reference/Evidence")
        let started = Date()
        #expect(try Self.runToTheEnd(work: referenceWork, evidence: referenceEvidence) == 0)
        let fullRun = Date().timeIntervalSince(started)
        let reference = try Self.evidence(in: referenceEvidence)
        #expect(reference["evidence.jsonl"]?.isEmpty == false)

        // Kill points spread over the run: early extraction to the last stage. The same
        // work folder is interrupted again and again, as a user might, before the final rerun.
        let work = scratch.path("killed/work")
        let evidence = scratch.path("killed/Evidence")
        var reached: [String] = []
        for share in [0.05, 0.2, 0.4, 0.6, 0.8, 0.95] {
            let before = Self.progress(of: work, evidence: evidence)
            let pid = try Self.start(work: work, evidence: evidence)
            Thread.sleep(forTimeInterval: share * fullRun)
            kill(-pid, SIGKILL)
            let status = Self.wait(pid)
            reached.append("\(share): [\(before)] → [\(Self.progress(of: work, evidence: evidence))] \(status)")
        }
        print(
            "InterruptedRunTests: full run \(String(format: "%.2f", fullRun)) s; outputs present at each kill: \(reached)"
        )
        #expect(try Self.runToTheEnd(work: work, evidence: evidence) == 0)
        #expect(try Self.evidence(in: evidence) == reference, "stages reached at each kill: \(reached)")

        // A second interruption pattern: a fresh folder killed once, late, then rerun.
        let lateWork = scratch.path("late/work")
        let lateEvidence = scratch.path("late/Evidence")
        let pid = try Self.start(work: lateWork, evidence: lateEvidence)
        Thread.sleep(forTimeInterval: 0.9 * fullRun)
        kill(-pid, SIGKILL)
        _ = Self.wait(pid)
        #expect(try Self.runToTheEnd(work: lateWork, evidence: lateEvidence) == 0)
        #expect(try Self.evidence(in: lateEvidence) == reference)
    }
}
