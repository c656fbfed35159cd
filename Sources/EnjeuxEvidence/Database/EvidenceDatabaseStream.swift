import EnjeuxModel
import Foundation
import SQLiteKit

/// `evidence.sqlite` begun while `scores.json` is read: the rank stage hands it each passage
/// it keeps, and a thread of its own inserts them a block at a time while the reading goes
/// on. Reading the scores leaves a core partly idle (the file is cut into passages on one
/// thread); the passages and their scores, most of the database, are written there instead of
/// beside the ranking. The file starts beside the output folder and moves into the new folder
/// when the documents are added (`complete`); a stream dropped before that removes it.
package final class EvidenceDatabaseStream: @unchecked Sendable {
    /// Passages handed to the writing thread together.
    static let blockSize = 1024

    /// What the file's name has between the folder's name and the process id.
    static let marker = ".evidence-"

    let url: URL
    let build = EvidenceDatabase.Build()
    private let queue = DispatchQueue(label: "enjeux.evidence-database")
    /// Passages handed over and not yet written, counted in units of `unitBytes` of text and
    /// matches: at most `unitsInFlight` (3 MB), so that a reading faster than the database
    /// waits rather than piling passages up in memory (a 200 MB web page's would fill 1 GB),
    /// and a corpus of ordinary size is not held back.
    private let inFlight = DispatchSemaphore(value: EvidenceDatabaseStream.unitsInFlight)
    static let unitBytes = 256 << 10
    static let unitsInFlight = 12
    /// The size of the passages in `pending` (`contentBytes`, and 256 bytes for the rest).
    private var pendingBytes = 0
    private let started = ContinuousClock.now
    private var pending: [ScoredPassage] = []
    private var formats: [String: DocumentFormat] = [:]
    private var moved = false

    /// A stream for the evidence folder `output`: its file is `.<folder>.evidence-<pid>.sqlite`
    /// beside it, on the same file system as the new folder it will move into (one left by an
    /// interrupted run is removed by the next, `EvidenceWriter.removeLeftovers`).
    package init(besideOutput output: URL) {
        let folder = output.standardizedFileURL
        let pid = ProcessInfo.processInfo.processIdentifier
        url = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(folder.lastPathComponent)\(Self.marker)\(pid).sqlite")
    }

    deinit {
        queue.sync {}
        build.connection = nil
        if !moved { try? FileManager.default.removeItem(at: url) }
    }

    /// Opens the database with the score set's documents (called before the first passage).
    package func start(documents: [DocumentSummary]) {
        formats = EvidenceDatabase.formats(documents)
        let build = build
        let url = url
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        queue.async {
            do throws(SQLiteError) {
                try build.open(at: url, documents: documents)
            } catch {
                build.failure = error
                build.connection = nil
            }
        }
    }

    /// A passage the ranking keeps, in file order.
    package func add(_ passage: ScoredPassage) {
        pending.append(passage)
        pendingBytes += 256 + passage.contentBytes
        if pending.count >= Self.blockSize { send() }
    }

    private func send() {
        guard !pending.isEmpty else { return }
        let block = pending
        pending.removeAll(keepingCapacity: true)
        // A block larger than the whole allowance takes all of it (it waits for the others).
        let units = min(Self.unitsInFlight, max(1, (pendingBytes + Self.unitBytes - 1) / Self.unitBytes))
        pendingBytes = 0
        let build = build
        let formats = formats
        let inFlight = inFlight
        for _ in 0..<units { inFlight.wait() }
        queue.async {
            defer { for _ in 0..<units { inFlight.signal() } }
            guard build.failure == nil else { return }
            do throws(SQLiteError) {
                try build.add(block, formats: formats)
            } catch {
                build.failure = error
                build.connection = nil
            }
        }
    }

    /// Waits for the passages, adds the documents (with the catalog's metadata and whether each
    /// is evidence), indexes and commits, and moves the file to `destination` in the new folder.
    func complete(_ early: EvidenceExportEarlyInput, movingTo destination: URL) {
        send()
        queue.sync {}
        if build.connection == nil && build.failure == nil {
            // Never started (no passages in the file): written from the score set as a whole.
            build.fillScores(at: destination, early)
            return
        }
        defer { build.seconds = EvidenceExportOutcome.seconds(since: started) }
        guard build.failure == nil else { return }
        do throws(SQLiteError) {
            try build.closeScores(early)
        } catch {
            build.failure = error
            build.connection = nil
            return
        }
        try? FileManager.default.removeItem(at: destination)
        guard rename(url.path, destination.path) == 0 else {
            build.failure = SQLiteError(
                path: destination.path, code: 0,
                message: "cannot move the database into place: \(String(cString: strerror(errno)))")
            build.connection = nil
            return
        }
        moved = true
    }
}
