import EnjeuxSupport
import Foundation
import Testing

@Suite struct ChildProcessTests {
    static func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func echoesThroughItsPipesAndExitsAtEndOfInput() throws {
        let child = try ChildProcess(executable: "/bin/cat", arguments: [])
        #expect(child.send(Data("ligne 1\nligne 2\n".utf8)))
        child.closeInput()
        #expect(Self.readAll(child.output) == "ligne 1\nligne 2\n")
        #expect(child.wait() == .exited(0))
        #expect(child.wait() == .exited(0))
    }

    @Test func reportsItsExitStatusAndSignal() throws {
        let failing = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "exit 7"])
        #expect(failing.wait() == .exited(7))
        let hanging = try ChildProcess(executable: "/bin/sleep", arguments: ["30"])
        hanging.kill()
        #expect(hanging.wait() == .signaled(SIGKILL))
    }

    @Test func childrenStartedTogetherDoNotHoldEachOthersPipes() throws {
        // If the second child inherited the first one's input, the first would never see
        // the end of its input and `wait` would hang.
        let first = try ChildProcess(executable: "/bin/cat", arguments: [])
        let second = try ChildProcess(executable: "/bin/cat", arguments: [])
        first.closeInput()
        #expect(first.wait() == .exited(0))
        second.closeInput()
        #expect(second.wait() == .exited(0))
    }

    @Test func runCollectsOutputAndErrorsAndTheStatus() throws {
        let run = try ChildProcess.run(
            executable: "/bin/sh", arguments: ["-c", "echo sortie; echo erreur >&2; exit 3"], timeout: 30)
        #expect(run.termination == .exited(3))
        #expect(run.outputText == "sortie\nerreur\n")
        let quiet = try ChildProcess.run(
            executable: "/bin/sh", arguments: ["-c", "echo erreur >&2"], standardErrorToOutput: false, timeout: 30)
        #expect(quiet.termination == .exited(0))
        #expect(quiet.output.isEmpty)
    }

    @Test func runStopsAProgramThatTakesTooLong() throws {
        let started = Date()
        let run = try ChildProcess.run(executable: "/bin/sleep", arguments: ["30"], timeout: 0.3)
        #expect(run.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func missingExecutableIsAnError() {
        #expect(throws: POSIXError.self) {
            _ = try ChildProcess(executable: "/nonexistent/enjeux-worker", arguments: [])
        }
    }

    @Test func childrenGetOnlyTheirStandardStreams() throws {
        // A file the parent has open (here without close-on-exec, as a file another thread is
        // writing may be) is not handed to the child.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("open-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor > 2)
        defer {
            close(descriptor)
            unlink(path)
        }
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "ls /proc/$$/fd"])
        child.closeInput()
        let listed = Self.readAll(child.output).split(separator: "\n").compactMap { Int($0) }
        #expect(child.wait() == .exited(0))
        // 0, 1 and 2, and the descriptor `ls` opens to read the folder.
        #expect(!listed.contains(Int(descriptor)), "\(listed)")
        #expect(Set(listed).isSuperset(of: [0, 1, 2]))
    }
}
