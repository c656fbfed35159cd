import EnjeuxTestSupport
import Foundation

/// A Python virtual environment for the tests only, in `.build/enjeux-venv`, with the
/// packages that read our files the way users' tools do (openpyxl for `evidence.xlsx`, pyrefiqda
/// for `enjeux.qdpx`). It is
/// made on first use (`python3 -m venv`, then pip from PyPI) and reused after; nothing of it
/// is needed to build or run Enjeux.
enum TestVirtualEnvironment {
    static let folder = SharedData.repositoryRoot.appendingPathComponent(".build/enjeux-venv")
    static let packages = ["openpyxl", "pyrefiqda"]

    /// The environment's `python`, with every package importable; nil (and the reason printed)
    /// when it cannot be made: no `python3` with `venv`, or no access to PyPI.
    static let python: URL? = {
        switch prepare() {
        case .success(let python):
            return python
        case .failure(let reason):
            print("enjeux tests: no Python test environment in \(folder.path): \(reason.message)")
            return nil
        }
    }()

    static let skipMessage =
        "skipped: needs python3 with venv and PyPI access to install openpyxl and pyrefiqda into .build/enjeux-venv"

    struct Failure: Error {
        var message: String
    }

    private static func prepare() -> Result<URL, Failure> {
        let python = folder.appendingPathComponent("bin/python")
        let importAll = "import " + packages.joined(separator: ", ")
        if FileManager.default.isExecutableFile(atPath: python.path), run(python, ["-c", importAll]).status == 0 {
            return .success(python)
        }
        guard let system = systemPython() else { return .failure(Failure(message: "python3 is not on PATH")) }
        let made = run(system, ["-m", "venv", "--clear", folder.path])
        guard made.status == 0 else {
            return .failure(
                Failure(message: "python3 -m venv failed (Debian: apt-get install python3-venv): \(made.output)"))
        }
        let installed = run(
            python, ["-m", "pip", "install", "--disable-pip-version-check", "--quiet"] + packages, timeout: 300)
        guard installed.status == 0 else {
            return .failure(
                Failure(message: "pip install \(packages.joined(separator: " ")) failed: \(installed.output)"))
        }
        let check = run(python, ["-c", importAll])
        return check.status == 0 ? .success(python) : .failure(Failure(message: check.output))
    }

    /// `python3` on the PATH.
    private static func systemPython() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs a program and returns its status and its output (standard output and error).
    static func run(_ program: URL, _ arguments: [String], timeout: TimeInterval = 120) -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "\(error)") }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
