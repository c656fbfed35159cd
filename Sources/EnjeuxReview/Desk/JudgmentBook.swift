import EnjeuxEvaluation
import EnjeuxJudgments
import Foundation

/// The corpus's judgments file as the workbench follows it: every line read once, new lines
/// (its own and those other tabs, people or processes append) read from where it stopped, a
/// torn last line left for later. Keeps, per issue and passage, the history of judgments so
/// that undo can restore the one before.
struct JudgmentBook: Sendable {
    let file: URL
    /// Bytes of the file read so far (always just after a line end).
    private(set) var offset: UInt64 = 0
    /// Issue id → passage key → the judgments of that passage in file order.
    private(set) var history: [String: [String: [Judgment]]] = [:]
    /// Lines skipped, with the reason, for the start-up report.
    private(set) var skipped: [JudgmentFileError] = []
    /// Lines read so far.
    private(set) var lineCount = 0

    init(file: URL) {
        self.file = file
    }

    /// The key of a passage for an issue's history: its source and normalised text (as the
    /// judgments log matches them).
    static func key(source: String, text: String) -> String {
        source + "\u{1}" + QuoteNormalizer.normalize(text)
    }

    /// The judgment in force for a passage, nil when unjudged (or withdrawn).
    func inForce(issue: String, key: String) -> Judgment? {
        guard let last = history[issue]?[key]?.last, !last.withdrawn else { return nil }
        return last
    }

    /// The judgments in force of an issue.
    func inForce(issue: String) -> [Judgment] {
        (history[issue] ?? [:]).values.compactMap { list in list.last.flatMap { $0.withdrawn ? nil : $0 } }
    }

    /// Reads what was appended since the last call: complete lines only. A file that shrank
    /// (replaced by hand) is read again from the start.
    mutating func refresh() throws(JudgmentFileError) {
        var status = stat()
        guard stat(file.path, &status) == 0 else { return }
        let size = UInt64(status.st_size)
        if size < offset {
            offset = 0
            history = [:]
            skipped = []
            lineCount = 0
        }
        guard size > offset else { return }
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw JudgmentFileError(path: file.path, reason: "cannot open for reading")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            try handle.seek(toOffset: offset)
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw JudgmentFileError(path: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard let end = data.lastIndex(of: UInt8(ascii: "\n")) else { return }
        let complete = data[data.startIndex...end]
        let reading = JudgmentFile.parse(String(decoding: complete, as: UTF8.self), path: file.path)
        let lines = complete.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        for problem in reading.skipped {
            var shifted = problem
            shifted.line += lineCount
            skipped.append(shifted)
        }
        for judgment in reading.judgments {
            history[judgment.category, default: [:]][
                Self.key(source: judgment.source, text: judgment.quote), default: []
            ]
            .append(judgment)
        }
        lineCount += lines
        offset += UInt64(complete.count)
    }

    /// The bytes after the last complete line: a line an interrupted write left torn.
    func tornTail() -> Int {
        var status = stat()
        guard stat(file.path, &status) == 0 else { return 0 }
        return max(0, Int(UInt64(status.st_size) - offset))
    }
}
