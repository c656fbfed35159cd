import EnjeuxSupport
import Foundation

/// What a work folder holds the intermediate files of (`<work>/corpus.json`): the corpus's
/// absolute path and when the last run over it started. Written by `enjeux-extract` at each
/// run, read by the tools that describe a corpus from its work folder (`enjeux-lexicon`), so
/// that they can say which corpus and which run they speak of.
package struct WorkRecord: Codable, Sendable, Hashable {
    package static let fileName = "corpus.json"

    /// Absolute path of the corpus folder.
    package var corpus: String
    /// When the last extraction run over it started, ISO 8601 in UTC.
    package var startedAt: String

    package init(corpus: String, startedAt: String) {
        self.corpus = corpus
        self.startedAt = startedAt
    }

    /// The record for a run starting now (or at `date`) over `corpus`.
    package init(corpus: URL, date: Date = Date()) {
        self.init(corpus: WorkFolder.absolutePath(of: corpus.path), startedAt: ISODate.utc(date))
    }

    package static func url(work: URL) -> URL { work.appendingPathComponent(fileName) }

    package func write(work: URL) throws {
        try JSONCoding.write(self, to: Self.url(work: work), pretty: true)
    }

    /// The record of a work folder; for a folder written before records were kept, the corpus
    /// named by its extraction manifest, with no date; nil when neither is there.
    package static func load(work: URL) -> WorkRecord? {
        if let record = try? JSONCoding.read(WorkRecord.self, from: url(work: work)) { return record }
        let manifest = ExtractionManifest.load(from: work.appendingPathComponent("extracted"))
        return manifest.map { WorkRecord(corpus: $0.corpus, startedAt: "") }
    }

    /// `corpus /home/marie/Corpus, run of 2026-12-07 09:12 (work folder .enjeux/Corpus-3f9a1c2b)`,
    /// the date in `timeZone`.
    package func description(work: String, timeZone: TimeZone = .current) -> String {
        let date = ISODate.localMinute(startedAt, timeZone: timeZone).map { "run of \($0)" } ?? "run of an unknown date"
        return "corpus \(corpus), \(date) (work folder \(work))"
    }
}
