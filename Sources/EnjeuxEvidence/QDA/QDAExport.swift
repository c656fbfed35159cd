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
            // Without a cache, the per-document zips go into a temporary one, removed after.
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
                "enjeux-qda-sources-\(UUID().uuidString)", isDirectory: true)
            defer { if cache == nil { try? FileManager.default.removeItem(at: temporary) } }
            let used = cache ?? QDASourceCache(folder: temporary)
            try used.locked { () throws(EvidenceWriteError) in
                made = try writeFromCache(used, to: url, builder: &builder)
            }
            codings = Self.codings(in: builder.project())
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
                _ = builder.add(job.document, text: ready.text ?? QDASourceText())
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
}
