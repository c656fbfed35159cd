import EnjeuxTestSupport
import Foundation
import Testing

/// The workbench in headless Chromium driven by Selenium (scripts/review-browser-test.py):
/// keyboard judging that survives a reload, the list re-ranking, a search beyond the list,
/// the basket and its DOCX. Screenshots in `.build/review-screenshots/`.
@Suite(.serialized) struct BrowserTests {
    static let venv = SharedData.repositoryRoot.appendingPathComponent(".build/enjeux-review-venv")
    static let screenshots = SharedData.repositoryRoot.appendingPathComponent(".build/review-screenshots")

    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The test environment's python with Selenium, or why there is none.
    static let python: Result<URL, Failure> = {
        guard find("chromium") != nil else {
            return .failure(Failure("chromium is not installed (apt-get install chromium)"))
        }
        guard find("chromedriver") != nil else {
            return .failure(Failure("chromedriver is not installed (apt-get install chromium-driver)"))
        }
        let python = venv.appendingPathComponent("bin/python")
        if run(python, ["-c", "import selenium"]).status == 0 { return .success(python) }
        guard let system = find("python3") else { return .failure(Failure("python3 is not on PATH")) }
        let made = run(system, ["-m", "venv", "--clear", venv.path])
        guard made.status == 0 else { return .failure(Failure("python3 -m venv failed: \(made.output)")) }
        let installed = run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "selenium"])
        guard installed.status == 0 else {
            return .failure(Failure("pip install selenium failed: \(installed.output)"))
        }
        return .success(python)
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static var skipReason: String {
        if case .failure(let failure) = python { return "skipped: \(failure.description)" }
        return ""
    }

    static var isReady: Bool {
        if case .success = python { return true }
        print("BrowserTests: \(skipReason)")
        return false
    }

    @Test(.enabled(if: isReady, "skipped: no chromium, chromedriver or Selenium environment (printed above)"))
    func judgeWithTheKeyboardSearchAndDownloadABrief() throws {
        let python = try Self.python.get()
        let harness = try ReviewHarness()
        try harness.start()
        try? FileManager.default.removeItem(at: Self.screenshots)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let script = SharedData.repositoryRoot.appendingPathComponent("scripts/review-browser-test.py")
        let chromedriver = try #require(Self.find("chromedriver"))
        let result = Self.run(
            python,
            [
                script.path, "--url", harness.address, "--out", Self.screenshots.path, "--issue", "autonomie",
                "--search", "temps", "--chromedriver", chromedriver.path,
            ], timeout: 600)
        #expect(result.status == 0, Comment(rawValue: result.output))
        for name in ["1-liste.png", "2-jugés.png", "3-rechargé.png", "4-recherche.png", "5-panier.png"] {
            #expect(
                FileManager.default.fileExists(atPath: Self.screenshots.appendingPathComponent(name).path), "\(name)")
        }
    }

    static func run(_ program: URL, _ arguments: [String], timeout: TimeInterval = 300) -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
