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

    package init(sources: any QDASourceProvider, judgments: [EvidenceJudgment] = []) {
        self.sources = sources
        self.judgments = judgments
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
        let projectBytes = try writeAtomically(Self.projectFileName, in: input.folder) {
            (url: URL) throws(EvidenceWriteError) in
            let archive = try QDAArchive(creating: url)
            var builder = QDAProjectBuilder(input: input, codebook: codebook, judgments: judgments)
            // Texts are read and made on every core, a few documents at a time (a bounded amount
            // of text in memory), and zipped one after the other in project order.
            let provider = sources
            let documents = builder.documents
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
                    try add(document, text, to: archive, builder: &builder)
                }
            }
            let project = builder.project()
            try archive.add("project.qde", text: project.xml())
            notes = builder.notes
            codings = project.sources.reduce(0) { $0 + $1.selections.reduce(0) { $0 + $1.codings.count } }
        }
        let seconds = EvidenceExportOutcome.seconds(since: start)
        return [
            EvidenceExportOutcome(
                fileName: Self.projectFileName, bytes: projectBytes, seconds: seconds,
                notes: ["\(codings) codings"] + notes),
            EvidenceExportOutcome(fileName: Self.codebookFileName, bytes: codebookBytes, seconds: 0),
        ]
    }

    /// Adds a document's text (and original PDF) to the archive and its selections to the project.
    private func add(
        _ document: DocumentSummary, _ text: Result<QDASourceDocument, QDASourceError>, to archive: QDAArchive,
        builder: inout QDAProjectBuilder
    ) throws(EvidenceWriteError) {
        let source: QDASourceDocument
        switch text {
        case .success(let made): source = made
        case .failure(let error):
            builder.leaveOut(document, reason: error.description)
            return
        }
        let made = builder.add(document, text: source.text)
        try archive.add("sources/\(made.textGUID).txt", text: source.text)
        guard made.isPDF else { return }
        if let original = source.original, FileManager.default.isReadableFile(atPath: original.path) {
            try archive.add("sources/\(made.sourceGUID).pdf", file: original)
        } else if let original = source.original {
            builder.textOnly(document, reason: "original PDF not readable at \(original.path)")
        } else {
            builder.textOnly(document, reason: "original PDF not found")
        }
    }
}
