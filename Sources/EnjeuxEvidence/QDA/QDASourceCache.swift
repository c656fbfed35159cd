import EnjeuxModel
import EnjeuxSupport
import Foundation

/// The sources of the REFI-QDA project, kept in the work folder one zip per document
/// (`documents/<text GUID>-<fingerprint digest>.zip`: its text, and its original PDF for a
/// PDF), with what each document's zip was made from (`sources.json`). A run remakes the zips
/// of the documents whose fingerprint changed, and the project is these zips joined as bytes
/// (`ZipJoin`) with `project.qde` after them: a lexicon edit or new judgments read, deflate
/// and checksum nothing again, and one changed document only its own files. A cold run makes
/// the project the same way, so both give the same bytes.
package struct QDASourceCache: Sendable {
    /// Raised when the entries or their layout change meaning, so that an older cache is remade.
    static let format = 2
    package var folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    var index: URL { folder.appendingPathComponent("sources.json") }
    var documentsFolder: URL { folder.appendingPathComponent("documents", isDirectory: true) }

    /// How a document went into its zip.
    struct Entry: Codable, Sendable, Hashable {
        enum Outcome: String, Codable, Sendable {
            /// Its text, and its original PDF for a PDF.
            case added
            /// Its text only: the original PDF could not be read (`reason`).
            case textOnly
            /// Not in the project: its text could not be read (`reason`); no zip.
            case leftOut
        }
        var id: String
        var fingerprint: String
        var outcome: Outcome
        var reason: String?
        /// The zip's file name in `documents/` (nil when left out).
        var archive: String?
    }

    struct Index: Codable, Sendable, Hashable {
        var format: Int
        var entries: [Entry]
    }

    /// The file name of a document's zip: its text GUID and a digest of its fingerprint, so
    /// that a name always designates the same content.
    static func archiveName(textGUID: String, fingerprint: String) -> String {
        "\(textGUID)-\(SHA256.hex(of: fingerprint).prefix(16)).zip"
    }

    /// The stored entries by document id, those whose zip is still there (an empty map when
    /// there is no usable index).
    func storedEntries() -> [String: Entry] {
        guard let data = try? Data(contentsOf: index),
            let stored = try? JSONDecoder().decode(Index.self, from: data), stored.format == Self.format
        else { return [:] }
        var found: [String: Entry] = [:]
        for entry in stored.entries {
            if let archive = entry.archive,
                !FileManager.default.fileExists(atPath: documentsFolder.appendingPathComponent(archive).path)
            {
                continue
            }
            found[entry.id] = entry
        }
        return found
    }

    /// The stored entry of `document` when it was made from `fingerprint` (never for an unknown one).
    static func reusable(_ stored: [String: Entry], id: String, fingerprint: String?) -> Entry? {
        guard let fingerprint, let entry = stored[id], entry.fingerprint == fingerprint else { return nil }
        return entry
    }

    /// Records `entries` as the cache's content and removes the zips no entry names.
    func store(_ entries: [Entry]) throws(EvidenceWriteError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(Index(format: Self.format, entries: entries))
            try data.write(to: index, options: .atomic)
        } catch {
            throw EvidenceWriteError(path: index.path, reason: "cannot keep the project's sources (\(error))")
        }
        let kept = Set(entries.compactMap(\.archive))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: documentsFolder.path)) ?? []
        for name in present where !kept.contains(name) {
            try? FileManager.default.removeItem(at: documentsFolder.appendingPathComponent(name))
        }
    }

    /// Runs `body` holding the cache folder's lock (made if needed), so that two runs over the
    /// same work folder do not write its zips at once; clears what an older format left.
    func locked<Result>(_ body: () throws(EvidenceWriteError) -> Result) throws(EvidenceWriteError) -> Result {
        do {
            try FileManager.default.createDirectory(at: documentsFolder, withIntermediateDirectories: true)
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
        // Format 1 kept every document in one sources.zip.
        for name in ["sources.zip", ".sources.zip.part"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        return try body()
    }
}
