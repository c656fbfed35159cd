import EnjeuxModel
import EnjeuxSupport
import Foundation

/// `enjeux.qdpx`, a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder, and
/// `enjeux.qdc`, its codebook alone (`docs/formats.md`). Every document is a source (its
/// plain text, and for a PDF the original file with the text as its representation); the
/// issues are codes under a folder named after the lexicon; each listed passage is coded with
/// its issue by the user « Enjeux », and each judgment with its grade's code by its judge.
/// GUIDs come from ids, so two runs differ only by the run date.
package struct QDAExport: EvidenceExport {
    package static let projectFileName = "enjeux.qdpx"
    package static let codebookFileName = "enjeux.qdc"
    /// Documents whose texts are prepared side by side before they are zipped.
    static let chunkSize = 16

    package var sources: any QDASourceProvider
    package var judgments: [EvidenceJudgment]
    /// Where the sources of the last project are kept (the work folder's `qda-sources/`), so
    /// that a run whose documents did not change only writes `project.qde` anew; nil: every
    /// source is written at every run.
    package var cache: QDASourceCache?

    package init(sources: any QDASourceProvider, judgments: [EvidenceJudgment] = [], cache: QDASourceCache? = nil) {
        self.sources = sources
        self.judgments = judgments
        self.cache = cache
    }

    package func write(_ input: EvidenceExportInput, begun: EvidenceExportHandle?) throws(EvidenceWriteError)
        -> [EvidenceExportOutcome]
    {
        let start = ContinuousClock.now
        let codebook = QDACodebook(
            lexicon: input.report.lexicon, categories: input.scoreSet.categories, judgments: judgments)
        let codebookBytes = try writeAtomically(Self.codebookFileName, in: input.folder) {
            (url: URL) throws(EvidenceWriteError) in
            do {
                try Data(codebook.codebookXML().utf8).write(to: url)
            } catch {
                throw EvidenceWriteError(path: Self.codebookFileName, reason: "\(error)")
            }
        }
        var notes: [String] = []
        var codings = 0
        var made = 0
        let projectBytes = try writeAtomically(Self.projectFileName, in: input.folder) {
            (url: URL) throws(EvidenceWriteError) in
            var builder = QDAProjectBuilder(input: input, codebook: codebook, judgments: judgments)
            if let cache {
                try cache.locked { () throws(EvidenceWriteError) in
                    made = try writeFromCache(cache, to: url, builder: &builder)
                }
                codings = Self.codings(in: builder.project())
            } else {
                _ = try addSources(to: url, builder: &builder) {
                    (archive: QDAArchive, project: QDAProject) throws(EvidenceWriteError) in
                    try archive.add("project.qde", text: project.xml())
                }
                codings = Self.codings(in: builder.project())
            }
            notes = builder.notes
        }
        let seconds = EvidenceExportOutcome.seconds(since: start)
        return [
            EvidenceExportOutcome(
                fileName: Self.projectFileName, bytes: projectBytes, seconds: seconds,
                notes: ["\(codings) codings" + Self.sourcesNote(made: made, cached: cache != nil)] + notes),
            EvidenceExportOutcome(fileName: Self.codebookFileName, bytes: codebookBytes, seconds: 0),
        ]
    }

    /// Makes the project at `url` from the cache's per-document zips, made first for the
    /// documents that are new or changed, then joined with `project.qde`; returns how many
    /// documents' zips were made.
    private func writeFromCache(_ cache: QDASourceCache, to url: URL, builder: inout QDAProjectBuilder)
        throws(EvidenceWriteError) -> Int
    {
        let documents = builder.documents
        let provider = sources
        let fingerprints = documents.parallelMap { provider.fingerprint(for: $0) }
        let stored = cache.storedEntries()
        var entries: [QDASourceCache.Entry] = []
        var parts: [URL] = []
        var made = 0
        // A few documents at a time (a bounded amount of text in memory), on every core; the
        // project takes them in its order.
        for chunk in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let jobs = (chunk..<min(chunk + Self.chunkSize, documents.count)).map { index in
                QDADocumentZip.Job(
                    document: documents[index], fingerprint: fingerprints[index],
                    stored: QDASourceCache.reusable(stored, id: documents[index].id, fingerprint: fingerprints[index]),
                    needsText: builder.hasPassages(in: documents[index]))
            }
            let prepared = jobs.parallelMap { QDADocumentZip.prepare($0, provider: provider, cache: cache) }
            for (job, result) in zip(jobs, prepared) {
                let ready: QDADocumentZip.Prepared
                switch result {
                case .success(let value): ready = value
                case .failure(let error): throw error
                }
                if job.stored == nil { made += 1 }
                entries.append(ready.entry)
                if ready.entry.outcome == .leftOut {
                    builder.leaveOut(job.document, reason: ready.entry.reason ?? "")
                    continue
                }
                if let problem = ready.textProblem {
                    builder.note("\(job.document.source): passages not coded (\(problem))")
                }
                _ = builder.add(job.document, text: ready.text ?? "")
                if ready.entry.outcome == .textOnly { builder.textOnly(job.document, reason: ready.entry.reason ?? "") }
                if let archive = ready.entry.archive {
                    parts.append(cache.documentsFolder.appendingPathComponent(archive))
                }
            }
        }
        try cache.store(entries)
        let projectPart = cache.folder.appendingPathComponent(".project.zip.part")
        defer { try? FileManager.default.removeItem(at: projectPart) }
        try QDAArchive.write(projectPart) { (archive: QDAArchive) throws(EvidenceWriteError) in
            try archive.add("project.qde", text: builder.project().xml())
        }
        try QDADocumentZip.join(parts + [projectPart], into: url)
        return made
    }

    /// What the console says of the sources: all reused, or how many documents' were made.
    private static func sourcesNote(made: Int, cached: Bool) -> String {
        guard cached else { return "" }
        return made == 0 ? ", sources reused" : ", sources of \(made) document\(made == 1 ? "" : "s") made"
    }

    private static func codings(in project: QDAProject) -> Int {
        project.sources.reduce(0) { $0 + $1.selections.reduce(0) { $0 + $1.codings.count } }
    }

    /// Writes every document's text (and original PDF) into a new zip at `url`, and its
    /// selections into the project; `finish` adds what follows the sources. Returns how each
    /// document went in (fingerprints left empty). The zip is closed on return.
    private func addSources(
        to url: URL, builder: inout QDAProjectBuilder,
        finish: (QDAArchive, QDAProject) throws(EvidenceWriteError) -> Void = { _, _ in }
    ) throws(EvidenceWriteError) -> [QDASourceCache.Entry] {
        let archive = try QDAArchive(creating: url)
        // Texts are read and made on every core, a few documents at a time (a bounded amount
        // of text in memory), and zipped one after the other in project order.
        let provider = sources
        let documents = builder.documents
        var entries: [QDASourceCache.Entry] = []
        for chunk in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let slice = Array(documents[chunk..<min(chunk + Self.chunkSize, documents.count)])
            let texts = slice.parallelMap { document -> Result<QDASourceDocument, QDASourceError> in
                do throws(QDASourceError) {
                    return .success(try provider.source(for: document))
                } catch {
                    return .failure(error)
                }
            }
            for (document, text) in zip(slice, texts) {
                entries.append(try add(document, text, to: archive, builder: &builder))
            }
        }
        try finish(archive, builder.project())
        return entries
    }

    /// Adds a document's text (and original PDF) to the archive and its selections to the project.
    private func add(
        _ document: DocumentSummary, _ text: Result<QDASourceDocument, QDASourceError>, to archive: QDAArchive,
        builder: inout QDAProjectBuilder
    ) throws(EvidenceWriteError) -> QDASourceCache.Entry {
        var entry = QDASourceCache.Entry(id: document.id, fingerprint: "", outcome: .added, reason: nil)
        let source: QDASourceDocument
        switch text {
        case .success(let made): source = made
        case .failure(let error):
            builder.leaveOut(document, reason: error.description)
            entry.outcome = .leftOut
            entry.reason = error.description
            return entry
        }
        let made = builder.add(document, text: source.text)
        try archive.add("sources/\(made.textGUID).txt", text: source.text)
        guard made.isPDF else { return entry }
        if let original = source.original, FileManager.default.isReadableFile(atPath: original.path) {
            try archive.add("sources/\(made.sourceGUID).pdf", file: original)
            return entry
        }
        let reason = source.original.map { "original PDF not readable at \($0.path)" } ?? "original PDF not found"
        builder.textOnly(document, reason: reason)
        entry.outcome = .textOnly
        entry.reason = reason
        return entry
    }
}
