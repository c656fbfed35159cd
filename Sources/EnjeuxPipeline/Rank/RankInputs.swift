import EnjeuxCommandLine
import EnjeuxEvidence
import EnjeuxSupport
import Foundation

/// What the evidence folder depends on, so that a rerun with nothing changed keeps it
/// without reading the scores again: the ranking executable itself, `scores.json` (size,
/// time and the scoring stage's record of its inputs), the extraction manifest (failures,
/// warnings, corpus folder), the corpus catalog, the ranking options and the output folder.
struct RankInputs {
    let stage: RankStage

    /// Where the fingerprint of the last evidence written is kept: beside `scores.json`,
    /// one file per evidence folder.
    static func recordURL(for output: URL, scores: URL) -> URL {
        let key = SHA256.hex(of: output.standardizedFileURL.path).prefix(16)
        return scores.deletingLastPathComponent().appendingPathComponent(".rank-\(key).inputs")
    }

    /// The fingerprint of the current inputs, or nil when one of them cannot be read (the
    /// stage then runs, and reports the problem itself).
    func fingerprint() -> String? {
        var parts = ["rank 1", stage.output.standardizedFileURL.path]
        guard let executable = Self.stamp(currentExecutable()), let scores = Self.stamp(stage.scores) else {
            return nil
        }
        parts += [executable, scores]
        let scoreRecord = stage.scores.deletingLastPathComponent()
            .appendingPathComponent(".\(stage.scores.lastPathComponent).inputs")
        parts.append((try? String(contentsOf: scoreRecord, encoding: .utf8)) ?? "-")
        if let extracted = stage.extracted {
            let manifest = ExtractionManifest.url(in: extracted)
            parts.append(Self.digest(manifest) ?? "-")
            if let corpus = ExtractionManifest.load(from: extracted)?.corpus {
                let folder = URL(fileURLWithPath: corpus, isDirectory: true)
                for name in ["catalog.json", "catalog.csv"] {
                    parts.append(Self.digest(folder.appendingPathComponent(name)) ?? "-")
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let options = try? encoder.encode(stage.options) else { return nil }
        parts.append(String(decoding: options, as: UTF8.self))
        if let judgments = stage.judgments {
            parts.append("judgments " + judgments.standardizedFileURL.path + " " + (Self.digest(judgments) ?? "-"))
        }
        parts.append("exports: database \(stage.writesDatabase), qda \(stage.writesQDA)")
        return SHA256.hex(of: parts.joined(separator: "\n"))
    }

    /// The report of the evidence in `output` when it was written from these inputs.
    static func unchangedEvidence(in output: URL, scores: URL, fingerprint: String) -> RunReport? {
        let record = recordURL(for: output, scores: scores)
        guard (try? String(contentsOf: record, encoding: .utf8)) == fingerprint,
            FileManager.default.fileExists(atPath: output.appendingPathComponent("evidence.jsonl").path)
        else { return nil }
        return try? JSONCoding.read(RunReport.self, from: output.appendingPathComponent("run.json"))
    }

    /// Records the inputs of the evidence just written.
    static func remember(_ fingerprint: String, for output: URL, scores: URL) {
        try? AtomicFile.write(fingerprint, to: recordURL(for: output, scores: scores))
    }

    /// Size, modification time and inode of a file, read without its content; nil when absent.
    static func stamp(_ url: URL) -> String? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }

    /// SHA-256 of a small file's content, nil when it does not exist.
    static func digest(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return SHA256.hex(of: data)
    }
}
