import Foundation

/// A run of the mutation loop with libFuzzer-style options; prints libFuzzer-like progress
/// lines (`#executions`, seconds, executions per second) and ends with a summary. Before
/// each execution the input is written to `<artifact_prefix>current-input`, so that after a
/// crash the input that caused it is on disk.
struct MutationRun {
    var target: FuzzTarget
    var seconds: Double = 60
    var runs = Int.max
    var seed: UInt64 = 1
    var maximumLength = 65536
    var dictionary: String?
    var artifactPrefix = "./"
    var folders: [String] = []
    var files: [String] = []

    init(target: FuzzTarget, arguments: [String]) {
        self.target = target
        for argument in arguments {
            let value = { (name: String) in argument.hasPrefix(name) ? String(argument.dropFirst(name.count)) : nil }
            if let text = value("-max_total_time="), let number = Double(text) {
                seconds = number
            } else if let text = value("-runs="), let number = Int(text), number >= 0 {
                runs = number
            } else if let text = value("-seed="), let number = UInt64(text) {
                seed = number
            } else if let text = value("-max_len="), let number = Int(text), number > 0 {
                maximumLength = number
            } else if let text = value("-dict=") {
                dictionary = text
            } else if let text = value("-artifact_prefix=") {
                artifactPrefix = text
            } else if argument.hasPrefix("-") {
                continue  // libFuzzer options that mean nothing here
            } else {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue {
                    folders.append(argument)
                } else {
                    files.append(argument)
                }
            }
        }
    }

    func run() -> Int32 {
        if folders.isEmpty && !files.isEmpty {
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(data)
                print("executed \(file)")
            }
            return 0
        }
        let seeds = folders.flatMap(Self.files(in:)).compactMap { FileManager.default.contents(atPath: $0) }
        var loop = MutationLoop(
            seeds: seeds.filter { $0.count <= maximumLength }, tokens: Self.tokens(dictionary), seed: seed,
            maximumLength: maximumLength)
        let recorder = InputRecorder(path: artifactPrefix + "current-input")
        print("mutation loop (libFuzzer not linked): target \(target.rawValue), \(seeds.count) seeds, seed \(seed)")
        for data in seeds {
            recorder.record(data)
            target.run(data)
        }
        let started = Date()
        var executions = 0
        var nextReport = 1
        while executions < runs {
            let elapsed = Date().timeIntervalSince(started)
            if elapsed >= seconds { break }
            let input = loop.nextInput()
            recorder.record(input)
            target.run(input)
            executions += 1
            if executions == nextReport {
                print("#\(executions)\t\(Int(elapsed)) s\texec/s: \(Int(Double(executions) / max(elapsed, 0.001)))")
                nextReport *= 2
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        print(
            "Done \(executions) runs in \(Int(elapsed)) second(s), exec/s: \(Int(Double(executions) / max(elapsed, 0.001))), no crash"
        )
        recorder.clear()
        return 0
    }

    /// Regular files below a folder, in path order.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let name = enumerator.nextObject() as? String {
            let path = "\(folder)/\(name)"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// The tokens of a libFuzzer dictionary (`name="value"` or `"value"` lines, `\xNN` escapes).
    static func tokens(_ path: String?) -> [[UInt8]] {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else {
                return nil
            }
            var bytes: [UInt8] = []
            var characters = line[line.index(after: open)..<close].utf8.makeIterator()
            while let byte = characters.next() {
                guard byte == UInt8(ascii: "\\"), let escaped = characters.next() else {
                    bytes.append(byte)
                    continue
                }
                if escaped == UInt8(ascii: "x"), let high = characters.next(), let low = characters.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                } else {
                    bytes.append(escaped)
                }
            }
            return bytes
        }
    }
}

/// Keeps the input being run in a file, rewritten in place before each execution.
final class InputRecorder {
    private let descriptor: Int32
    private let path: String

    init(path: String) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }

    func record(_ data: Data) {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        _ = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Removes the file once the run ended without a crash.
    func clear() {
        if descriptor >= 0 { close(descriptor) }
        unlink(path)
    }
}
