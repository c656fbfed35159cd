import EnjeuxSupport
import Foundation

/// What one stage did in its last run (`<work>/stats/<stage>.json`), gathered into
/// `run.json` by the ranking stage.
package struct StageStats: Codable, Sendable, Hashable {
    package var stage: String
    package var seconds: Double
    /// Documents (or, for scoring, passages) processed in this run.
    package var processed: Int
    /// Documents reused from an earlier run without reading their contents.
    package var reused: Int
    package var failed: Int

    package init(stage: String, seconds: Double, processed: Int, reused: Int, failed: Int = 0) {
        self.stage = stage
        self.seconds = (seconds * 1000).rounded() / 1000
        self.processed = processed
        self.reused = reused
        self.failed = failed
    }

    package static func url(work: URL, stage: String) -> URL {
        work.appendingPathComponent("stats").appendingPathComponent("\(stage).json")
    }

    package func write(work: URL) throws {
        try JSONCoding.write(self, to: Self.url(work: work, stage: stage), pretty: true)
    }

    package static func load(work: URL, stage: String) -> StageStats? {
        try? JSONCoding.read(StageStats.self, from: url(work: work, stage: stage))
    }
}

/// Wall-clock time since a start point.
package struct Stopwatch: Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    package init() {}
    package var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
