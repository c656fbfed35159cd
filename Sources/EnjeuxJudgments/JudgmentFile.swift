import EnjeuxEvaluation
import Foundation

/// A problem with a judgments file or one of its lines.
package struct JudgmentFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as given by the caller.
    package var path: String
    /// 1-based line number, or 0 when the problem concerns the whole file.
    package var line: Int
    package var reason: String

    package init(path: String, line: Int = 0, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    package var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}

/// What reading a judgments file gave: the judgments in file order, and the lines skipped
/// with the reason (a torn last line left by an interrupted write, a line edited by hand
/// into invalid JSON), which the caller reports.
package struct JudgmentReading: Sendable, Hashable {
    package var judgments: [Judgment]
    package var skipped: [JudgmentFileError]

    package init(judgments: [Judgment] = [], skipped: [JudgmentFileError] = []) {
        self.judgments = judgments
        self.skipped = skipped
    }
}

/// Reading and appending the JSON Lines judgments file of a corpus.
package enum JudgmentFile {
    /// The file's name in the corpus folder, where the pipeline looks for it by default.
    package static let defaultName = "judgments.jsonl"

    private struct Row: Decodable {
        var source: String
        var category: String
        var grade: Int
        var quote: String
        var page: Int?
        var passageId: String?
        var judge: String?
        var time: String?
        var note: String?
        var withdrawn: Bool?
    }

    /// Parses judgments JSON Lines; `path` names the file in the problems. Blank lines are
    /// skipped; a line that is not a judgment is skipped and listed in `skipped`.
    package static func parse(_ text: String, path: String = "judgments") -> JudgmentReading {
        var reading = JudgmentReading()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = text.hasSuffix("\n")
        for (offset, line) in lines.enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let number = offset + 1
            let isLast = offset == lines.count - 1 && !endsWithNewline
            do {
                let row = try decoder.decode(Row.self, from: Data(line.utf8))
                var judgment = Judgment(
                    source: row.source, category: row.category, grade: row.grade, quote: row.quote, page: row.page,
                    passageId: row.passageId ?? "", judge: row.judge ?? "", time: row.time ?? "", note: row.note)
                judgment.withdrawn = row.withdrawn ?? false
                if let problem = problem(with: judgment) {
                    reading.skipped.append(JudgmentFileError(path: path, line: number, reason: problem))
                } else {
                    reading.judgments.append(judgment)
                }
            } catch {
                let reason =
                    isLast
                    ? "incomplete last line (a write was interrupted), skipped"
                    : "not a judgment (\(describeDecoding(error))), skipped"
                reading.skipped.append(JudgmentFileError(path: path, line: number, reason: reason))
            }
        }
        return reading
    }

    /// Reads a judgments file; a missing file holds no judgments.
    package static func read(_ url: URL) throws(JudgmentFileError) -> JudgmentReading {
        guard FileManager.default.fileExists(atPath: url.path) else { return JudgmentReading() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw JudgmentFileError(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JudgmentFileError(path: url.path, reason: "not UTF-8 text")
        }
        return parse(text, path: url.path)
    }

    /// Appends judgments as lines at the end of the file (created when missing) and returns
    /// once they are on disk (fsync). A torn last line left by an interrupted write is ended
    /// first, so that it stays one skipped line. Concurrent writers are serialised with a lock.
    package static func append(_ judgments: [Judgment], to url: URL) throws(JudgmentFileError) {
        for judgment in judgments {
            if let problem = problem(with: judgment) { throw JudgmentFileError(path: url.path, reason: problem) }
        }
        let path = url.path
        let folder = url.deletingLastPathComponent()
        let existed = FileManager.default.fileExists(atPath: path)
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw systemError(path, "cannot open for appending") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw systemError(path, "cannot lock") }
        var text = judgments.map { JudgmentLine.encode($0) + "\n" }.joined()
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw systemError(path, "cannot read the size") }
        if status.st_size > 0 {
            var last: UInt8 = 0
            guard pread(descriptor, &last, 1, off_t(status.st_size - 1)) == 1 else {
                throw systemError(path, "cannot read the last line")
            }
            if last != UInt8(ascii: "\n") { text = "\n" + text }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw systemError(path, "cannot write") }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw systemError(path, "cannot flush to disk") }
        if !existed {
            // The new file's name is on disk too.
            let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folderDescriptor >= 0 {
                _ = fsync(folderDescriptor)
                close(folderDescriptor)
            }
        }
    }

    /// Why a judgment cannot be stored, or nil.
    static func problem(with judgment: Judgment) -> String? {
        if !Judgment.grades.contains(judgment.grade) { return "grade must be 0, 1 or 2, not \(judgment.grade)" }
        if judgment.category.isEmpty { return "no category" }
        if judgment.source.isEmpty { return "no source" }
        if QuoteNormalizer.normalize(judgment.quote).isEmpty { return "the quote has no letters or digits" }
        return nil
    }

    private static func systemError(_ path: String, _ what: String) -> JudgmentFileError {
        JudgmentFileError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    private static func describeDecoding(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "invalid JSON"
        }
    }
}
