import EnjeuxLearning
import EnjeuxTestSupport
import Foundation
import Testing

/// The logistic regression against scikit-learn's on the same features: the features of the
/// fixture's judged candidates, class weights `"balanced"`, L2 penalty, several C.
@Suite struct ScikitLearnReferenceTests {
    static let cs = [0.1, 1.0, 10.0]

    @Test(.enabled(if: ScikitLearn.python != nil, ScikitLearn.skipMessage))
    func coefficientsMatchScikitLearn() throws {
        let python = try #require(ScikitLearn.python)
        let pool = LearningFixture.pool()
        let features = FeatureMatrix.build(pool)
        var rows: [SparseVector] = []
        var labels: [Bool] = []
        for (position, item) in pool.enumerated() {
            guard let grade = LearningFixture.grades[item.passageId] else { continue }
            rows.append(features.rows[position])
            labels.append(grade > 0)
        }
        let dense = rows.map { row in
            var values = Array(repeating: 0.0, count: features.names.count)
            for (index, value) in zip(row.indices, row.values) { values[index] = value }
            return values
        }
        let input = try JSONSerialization.data(
            withJSONObject: ["x": dense, "y": labels.map { $0 ? 1 : 0 }, "cs": Self.cs])
        let script = """
            import json, sys
            from sklearn.linear_model import LogisticRegression
            data = json.load(sys.stdin)
            out = []
            for c in data["cs"]:
                model = LogisticRegression(C=c, class_weight="balanced", solver="lbfgs", tol=1e-12, max_iter=100000)
                model.fit(data["x"], data["y"])
                out.append({"coef": list(model.coef_[0]), "intercept": float(model.intercept_[0])})
            print(json.dumps(out))
            """
        let result = ScikitLearn.run(python, ["-c", script], input: input)
        try #require(result.status == 0, "\(result.output)")
        let reference = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        for (c, expected) in zip(Self.cs, reference) {
            let model = LogisticRegression(c: c).fit(rows: rows, labels: labels, featureCount: features.names.count)
            let coefficients = try #require(expected["coef"] as? [Double])
            let intercept = try #require(expected["intercept"] as? Double)
            var largest = abs(model.intercept - intercept)
            for (ours, theirs) in zip(model.weights, coefficients) { largest = max(largest, abs(ours - theirs)) }
            print(
                "C = \(c): largest difference from scikit-learn \(largest) over \(coefficients.count + 1) coefficients")
            #expect(coefficients.count == features.names.count)
            #expect(largest < 1e-3, "C = \(c)")
        }
    }
}

/// A Python virtual environment with scikit-learn for this test only, in
/// `.build/enjeux-learning-venv`: made on first use (`python3 -m venv`, pip from PyPI) and
/// reused after. Nothing of it is needed to build or run Enjeux.
enum ScikitLearn {
    static let folder = SharedData.repositoryRoot.appendingPathComponent(".build/enjeux-learning-venv")
    static let skipMessage: Comment =
        "skipped: needs python3 with venv and PyPI access to install scikit-learn into .build/enjeux-learning-venv"

    static let python: URL? = {
        let python = folder.appendingPathComponent("bin/python")
        if FileManager.default.isExecutableFile(atPath: python.path),
            run(python, ["-c", "import sklearn"]).status == 0
        {
            return python
        }
        let made = run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "venv", "--clear", folder.path])
        guard made.status == 0 else {
            print("enjeux tests: no scikit-learn environment: python3 -m venv failed: \(made.output)")
            return nil
        }
        let installed = run(
            python, ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "scikit-learn"], timeout: 600)
        guard installed.status == 0, run(python, ["-c", "import sklearn"]).status == 0 else {
            print("enjeux tests: no scikit-learn environment: pip install scikit-learn failed: \(installed.output)")
            return nil
        }
        return python
    }()

    /// Runs a program with `input` on its standard input; its status and standard output
    /// (standard error appended).
    static func run(_ program: URL, _ arguments: [String], input: Data? = nil, timeout: TimeInterval = 120) -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch { return (-1, "\(error)") }
        if let input {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        deadline.cancel()
        return (
            process.terminationStatus,
            String(decoding: data, as: UTF8.self) + String(decoding: errorData, as: UTF8.self)
        )
    }
}
