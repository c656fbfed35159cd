import EnjeuxModel
import Foundation

/// The sources of the last REFI-QDA project, kept in the work folder: a zip of every
/// document's text and original PDF (`sources.zip`, the project without its `project.qde`)
/// and what each document's entries were made from (`sources.json`). When the documents and
/// their fingerprints are the same as last time — a lexicon edit, new judgments — the project
/// is this zip copied and `project.qde` added to it, so nothing is read, deflated or
/// checksummed again. A cold run makes the zip the same way, so both give the same bytes.
package struct QDASourceCache: Sendable {
    /// Raised when the entries or their order change meaning, so that an older cache is remade.
    static let format = 1
    package var folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    var archive: URL { folder.appendingPathComponent("sources.zip") }
    var index: URL { folder.appendingPathComponent("sources.json") }

    /// How a document went into the sources zip.
    struct Entry: Codable, Sendable, Hashable {
        enum Outcome: String, Codable, Sendable {
            /// Its text, and its original PDF for a PDF.
            case added
            /// Its text only: the original PDF could not be read (`reason`).
            case textOnly
            /// Not in the project: its text could not be read (`reason`).
            case leftOut
        }
        var id: String
        var fingerprint: String
        var outcome: Outcome
        var reason: String?
    }

    struct Index: Codable, Sendable, Hashable {
        var format: Int
        /// The size of `sources.zip` when the index was written: a zip replaced since does not match.
        var archiveBytes: Int
        var entries: [Entry]
    }

    /// The entries of the cached zip when it holds exactly `documents` in this order, each
    /// with the same fingerprint; nil otherwise (or when a fingerprint is unknown).
    func entries(for documents: [DocumentSummary], fingerprints: [String?]) -> [Entry]? {
        guard let data = try? Data(contentsOf: index),
            let stored = try? JSONDecoder().decode(Index.self, from: data),
            stored.format == Self.format, stored.entries.count == documents.count,
            let size = try? FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int,
            size == stored.archiveBytes
        else { return nil }
        for (entry, (document, fingerprint)) in zip(stored.entries, zip(documents, fingerprints)) {
            guard let fingerprint, entry.id == document.id, entry.fingerprint == fingerprint else { return nil }
        }
        return stored.entries
    }

    /// Where a new zip is written before `store` puts it in place.
    var partialArchive: URL { folder.appendingPathComponent(".sources.zip.part") }

    /// Puts the zip written at `partialArchive` in place, with its index. The index goes last,
    /// so an interrupted store leaves a zip whose size it does not match.
    func store(_ entries: [Entry]) throws(EvidenceWriteError) {
        do {
            try? FileManager.default.removeItem(at: index)
            let size = try FileManager.default.attributesOfItem(atPath: partialArchive.path)[.size] as? Int ?? -1
            guard rename(partialArchive.path, archive.path) == 0 else {
                throw EvidenceWriteError(path: archive.path, reason: String(cString: strerror(errno)))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(Index(format: Self.format, archiveBytes: size, entries: entries))
            try data.write(to: index, options: .atomic)
        } catch let error as EvidenceWriteError {
            throw error
        } catch {
            throw EvidenceWriteError(path: index.path, reason: "cannot keep the project's sources (\(error))")
        }
    }

    /// Runs `body` holding the cache folder's lock (made if needed), so that two runs over the
    /// same work folder do not write its zip at once; clears a zip left half-written by an
    /// interrupted run first.
    func locked<Result>(_ body: () throws(EvidenceWriteError) -> Result) throws(EvidenceWriteError) -> Result {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EvidenceWriteError(
                path: folder.path, reason: "cannot make the folder of the project's sources (\(error))")
        }
        let lock = open(folder.appendingPathComponent(".lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            throw EvidenceWriteError(path: folder.path, reason: "cannot lock (\(String(cString: strerror(errno))))")
        }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        try? FileManager.default.removeItem(at: partialArchive)
        return try body()
    }
}
