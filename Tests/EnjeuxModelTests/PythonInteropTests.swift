import EnjeuxModel
import Foundation
import Testing

/// The passage files are read by researchers' Python scripts: the output must be valid
/// JSON for Python's `json` module, and the snippet of docs/formats.md must rebuild the tokens.
@Suite struct PythonInteropTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs a Python script with `input` on stdin; returns stdout.
    private func runPython(_ script: String, input: [UInt8]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "python3")
        process.arguments = ["-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Write from another thread so that a large output cannot deadlock the pipes.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return output
    }

    /// The snippet documented in docs/formats.md, applied to every passage.
    static let rebuildTokens = """
        import json, sys

        KINDS = {"w": "word", "n": "number", "p": "punctuation", "s": "symbol", "u": "url", "e": "email"}

        def tokens(document, passage):
            columns = passage["tokens"]
            return [
                {"start": start, "end": end, "kind": KINDS[kind],
                 "norm": document["forms"][form][0], "stem": document["forms"][form][1]}
                for start, end, kind, form in zip(
                    columns["start"], columns["end"], columns["kind"], columns["form"])
            ]

        document = json.load(sys.stdin)
        json.dump([tokens(document, passage) for passage in document["passages"]], sys.stdout)
        """

    /// A token as the snippet prints it.
    private struct PythonToken: Decodable, Equatable {
        var start: Int
        var end: Int
        var kind: String
        var norm: String
        var stem: String
    }

    @Test(.enabled(if: python != nil, "needs python3"))
    func pythonRebuildsTheTokensWithTheDocumentedSnippet() throws {
        for seed in 0..<20 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            let output = try runPython(Self.rebuildTokens, input: document.jsonBytes())
            let tokens = try JSONDecoder().decode([[PythonToken]].self, from: output)
            let expected = document.passages.map { passage in
                passage.tokens.map {
                    PythonToken(start: $0.start, end: $0.end, kind: $0.kind.rawValue, norm: $0.norm, stem: $0.stem)
                }
            }
            #expect(tokens == expected, "seed \(seed)")
        }
    }

    /// Python re-serialises with indentation, reversed key order and `\\uXXXX` escapes for every
    /// non-ASCII character (surrogate pairs beyond the BMP); the reader must accept all of it.
    @Test(.enabled(if: python != nil, "needs python3"))
    func readerAcceptsPythonsReformattedOutput() throws {
        let script = """
            import json, sys
            def reverse(value):
                if isinstance(value, dict):
                    return {key: reverse(value[key]) for key in reversed(list(value))}
                if isinstance(value, list):
                    return [reverse(item) for item in value]
                return value
            json.dump(reverse(json.load(sys.stdin)), sys.stdout, indent=2, ensure_ascii=True)
            """
        for seed in 100..<120 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            let output = try runPython(script, input: document.jsonBytes())
            #expect(try TokenizedDocument(jsonBytes: [UInt8](output)) == document, "seed \(seed)")
        }
    }
}
