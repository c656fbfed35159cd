import EnjeuxModel
import Foundation
import ZIPFoundation

/// One document's zip in the project's source cache (`QDASourceCache`): its text deflated and,
/// for a PDF, its original file stored, under the names the project gives them.
enum QDADocumentZip {
    /// What to do for one document.
    struct Job: Sendable {
        var document: DocumentSummary
        var fingerprint: String?
        /// The cache's entry when it was made from the same fingerprint (nothing to make).
        var stored: QDASourceCache.Entry?
        /// Whether the project needs the text (to place the document's codings).
        var needsText: Bool
    }

    /// A document ready for the project.
    struct Prepared: Sendable {
        var entry: QDASourceCache.Entry
        /// The text, when the job needs it and it could be read.
        var text: QDASourceText?
        /// Why the text of a cached document could not be read again to place its codings.
        var textProblem: String?
    }

    /// Makes the document's zip unless the cache has it, and reads its text when needed.
    static func prepare(_ job: Job, provider: any QDASourceProvider, cache: QDASourceCache)
        -> Result<Prepared, EvidenceWriteError>
    {
        if let stored = job.stored {
            guard job.needsText, stored.outcome != .leftOut else { return .success(Prepared(entry: stored)) }
            do throws(QDASourceError) {
                return .success(Prepared(entry: stored, text: try provider.source(for: job.document).text))
            } catch {
                return .success(Prepared(entry: stored, textProblem: error.description))
            }
        }
        let document = job.document
        var entry = QDASourceCache.Entry(id: document.id, fingerprint: job.fingerprint ?? "", outcome: .added)
        let source: QDASourceDocument
        do throws(QDASourceError) {
            source = try provider.source(for: document)
        } catch {
            entry.outcome = .leftOut
            entry.reason = error.description
            return .success(Prepared(entry: entry))
        }
        let textGUID = QDAProjectBuilder.textGUID(of: document)
        let name = QDASourceCache.archiveName(textGUID: textGUID, fingerprint: entry.fingerprint)
        let final = cache.documentsFolder.appendingPathComponent(name)
        let partial = cache.documentsFolder.appendingPathComponent(".\(name).part")
        do throws(EvidenceWriteError) {
            try? FileManager.default.removeItem(at: partial)
            try QDAArchive.write(partial) { (archive: QDAArchive) throws(EvidenceWriteError) in
                try archive.add("sources/\(textGUID).txt", text: source.text)
                guard document.format == .pdf else { return }
                if let original = source.original, FileManager.default.isReadableFile(atPath: original.path) {
                    try archive.add("sources/\(QDAProjectBuilder.sourceGUID(of: document)).pdf", file: original)
                } else {
                    entry.outcome = .textOnly
                    entry.reason =
                        source.original.map { "original PDF not readable at \($0.path)" } ?? "original PDF not found"
                }
            }
            guard rename(partial.path, final.path) == 0 else {
                throw EvidenceWriteError(path: final.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            return .failure(error)
        }
        entry.archive = name
        return .success(Prepared(entry: entry, text: job.needsText ? source.text : nil))
    }

    /// Joins the zips `parts` into the project at `destination`; entries beyond what `ZipJoin`
    /// handles (ZIP64) are copied through ZIPFoundation instead, decompressed and compressed again.
    static func join(_ parts: [URL], into destination: URL) throws(EvidenceWriteError) {
        do throws(ZipJoinError) {
            let read = try parts.map { (url: URL) throws(ZipJoinError) in try ZipJoin.part(url) }
            try ZipJoin.join(read, into: destination)
            return
        } catch .unsupported {
            try? FileManager.default.removeItem(at: destination)
        } catch {
            throw EvidenceWriteError(path: destination.path, reason: error.description)
        }
        try QDAArchive.write(destination) { (archive: QDAArchive) throws(EvidenceWriteError) in
            for part in parts { try archive.addEntries(of: part) }
        }
    }
}
