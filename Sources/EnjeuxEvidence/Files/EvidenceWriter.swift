import EnjeuxModel
import Foundation

/// Why the Evidence folder could not be written. The previous folder, if any, is intact.
package struct EvidenceWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "\(path): \(reason)" }
}

/// Writes the Evidence folder all at once: every file goes into a temporary folder beside it
/// (`Evidence.tmp-<pid>`), which then replaces the old folder by renames. A run that fails or
/// is interrupted before the swap leaves the previous Evidence folder as it was; files of older
/// runs (issues no longer in the lexicon) disappear with the old folder.
package enum EvidenceWriter {
    /// Ranks, renders and writes everything into `folder`. Returns the report as written to
    /// `run.json` (with per-issue counts and the ranking options). `links` says how `index.html`
    /// links passages to their source documents.
    @discardableResult
    package static func write(
        scoreSet: ScoreSet, report: RunReport, options: EvidenceOptions = EvidenceOptions(),
        links: SourceLinks = SourceLinks(), adjustments: [String: RankingAdjustment] = [:],
        releaseMemory: @escaping @Sendable () -> Void = {}, to folder: URL
    )
        throws(EvidenceWriteError) -> RunReport
    {
        try write(
            scoreSet: scoreSet, report: report, options: options, links: links, adjustments: adjustments,
            releaseMemory: releaseMemory, to: folder, beforeEachFile: { _ in })
    }

    /// `write`, and the exports (`evidence.sqlite`, `enjeux.qdpx`) written into the new folder
    /// before it is swapped in; returns the report and what each export wrote.
    package static func write(
        scoreSet: ScoreSet, report: RunReport, options: EvidenceOptions = EvidenceOptions(),
        links: SourceLinks = SourceLinks(), adjustments: [String: RankingAdjustment] = [:],
        releaseMemory: @escaping @Sendable () -> Void = {}, exports: [any EvidenceExport], spool: PassageSpool? = nil,
        to folder: URL
    ) throws(EvidenceWriteError) -> (report: RunReport, exported: [EvidenceExportOutcome]) {
        var exported: [EvidenceExportOutcome] = []
        let written = try write(
            scoreSet: scoreSet, report: report, options: options, links: links, adjustments: adjustments,
            releaseMemory: releaseMemory, to: folder, beforeEachFile: { _ in }, exports: exports,
            exported: { exported += $0 }, spool: spool)
        return (written, exported)
    }

    /// `write` with a hook called before each file is written; tests use it to fail midway.
    /// When `spool` holds passages' texts and one could not be read back, nothing replaces
    /// the previous folder.
    static func write(
        scoreSet: ScoreSet, report: RunReport, options: EvidenceOptions, links: SourceLinks = SourceLinks(),
        adjustments: [String: RankingAdjustment] = [:], releaseMemory: @escaping @Sendable () -> Void = {},
        to folder: URL, beforeEachFile: (String) throws -> Void,
        exports: [any EvidenceExport] = [], exported: ([EvidenceExportOutcome]) -> Void = { _ in },
        spool: PassageSpool? = nil
    ) throws(EvidenceWriteError) -> RunReport {
        var written: RunReport?
        var begun: [EvidenceExportHandle?] = []
        try replaceFolder(folder) {
            (write: (EvidenceFile) throws -> Void, temp: URL) throws(EvidenceWriteError) in
            written = try EvidenceFiles.render(
                scoreSet: scoreSet, report: report, options: options, links: links, adjustments: adjustments,
                releaseMemory: releaseMemory,
                emit: { file throws(EvidenceWriteError) in
                    do {
                        try beforeEachFile(file.name)
                        try write(file)
                    } catch let error as EvidenceWriteError {
                        throw error
                    } catch {
                        throw EvidenceWriteError(path: file.name, reason: "\(error)")
                    }
                },
                beginning: { evidence in
                    let early = EvidenceExportEarlyInput(
                        scoreSet: scoreSet, evidence: evidence, options: options, folder: temp)
                    begun = exports.map { $0.begin(early) }
                },
                exporting: { issues, evidence, report throws(EvidenceWriteError) in
                    let input = EvidenceExportInput(
                        issues: issues, scoreSet: scoreSet, evidence: evidence, report: report, options: options,
                        folder: temp)
                    for (export, handle) in zip(exports, begun) { exported(try export.write(input, begun: handle)) }
                })
            if let failure = spool?.readFailure {
                throw EvidenceWriteError(
                    path: "(temporary file of the passages' texts)", reason: "cannot read it back: \(failure)")
            }
        }
        return written ?? report
    }

    /// Lets `produce` write files, one at a time, into a fresh temporary folder, then swaps it
    /// in place of `folder`. When `produce` throws, the temporary folder is removed and
    /// `folder` is left as it was.
    static func replaceFolder(
        _ folder: URL,
        producing produce: (_ write: (EvidenceFile) throws -> Void, _ temp: URL) throws(EvidenceWriteError) -> Void
    ) throws(EvidenceWriteError) {
        let manager = FileManager.default
        let folder = folder.standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent("\(folder.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent("\(folder.lastPathComponent).old-\(pid)")
        removeLeftovers(of: folder)

        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: temp.path) { try manager.removeItem(at: temp) }
            try manager.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            try? manager.removeItem(at: temp)
            throw EvidenceWriteError(path: temp.path, reason: "cannot write the new evidence files (\(error))")
        }
        do {
            try produce({ file in try file.write(to: temp.appendingPathComponent(file.name)) }, temp)
        } catch {
            try? manager.removeItem(at: temp)
            throw EvidenceWriteError(
                path: temp.path, reason: "cannot write the new evidence files (\(error.path): \(error.reason))")
        }

        var isFolder: ObjCBool = false
        let hadOld = manager.fileExists(atPath: folder.path, isDirectory: &isFolder)
        if hadOld && !isFolder.boolValue {
            try? manager.removeItem(at: temp)
            throw EvidenceWriteError(path: folder.path, reason: "exists and is not a folder; move it away first")
        }
        if hadOld {
            try? manager.removeItem(at: old)
            guard rename(folder.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temp)
                throw EvidenceWriteError(path: folder.path, reason: "cannot move the previous folder aside (\(reason))")
            }
        }
        guard rename(temp.path, folder.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old.path, folder.path) }
            try? manager.removeItem(at: temp)
            throw EvidenceWriteError(path: folder.path, reason: "cannot move the new folder in place (\(reason))")
        }
        if hadOld { try? manager.removeItem(at: old) }
    }

    /// Cleans up after runs whose process is gone: removes their `<name>.tmp-<pid>` folders, and
    /// their `<name>.old-<pid>` folders, except that an old folder is put back in place when
    /// the run stopped between the two renames and `<name>` is missing.
    static func removeLeftovers(of folder: URL) {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        guard let siblings = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        let own = ProcessInfo.processInfo.processIdentifier
        for name in siblings.sorted() {
            // The database a run began beside the folder (`EvidenceDatabaseStream`).
            let streamed = "." + folder.lastPathComponent + EvidenceDatabaseStream.marker
            if name.hasPrefix(streamed), name.hasSuffix(".sqlite"),
                let pid = Int32(name.dropFirst(streamed.count).dropLast(".sqlite".count)), pid != own,
                kill(pid, 0) != 0, errno == ESRCH
            {
                try? manager.removeItem(at: parent.appendingPathComponent(name))
                continue
            }
            for marker in [".tmp-", ".old-"] where name.hasPrefix(folder.lastPathComponent + marker) {
                let pidText = name.dropFirst(folder.lastPathComponent.count + marker.count)
                guard let pid = Int32(pidText), pid != own, kill(pid, 0) != 0, errno == ESRCH else { continue }
                let leftover = parent.appendingPathComponent(name)
                if marker == ".old-" && !manager.fileExists(atPath: folder.path)
                    && rename(leftover.path, folder.path) == 0
                {
                    continue
                }
                try? manager.removeItem(at: leftover)
            }
        }
    }
}
