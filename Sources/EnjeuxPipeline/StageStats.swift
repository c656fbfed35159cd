import EnjeuxCore
import Foundation

/// What one stage did in its last run (`<work>/stats/<stage>.json`), gathered into
/// `run.json` by the ranking stage.
public struct StageStats: Codable, Sendable, Hashable {
    public var stage: String
    public var seconds: Double
    /// Documents (or, for scoring, passages) processed in this run.
    public var processed: Int
    /// Documents reused from an earlier run without reading their contents.
    public var reused: Int
    public var failed: Int

    public init(stage: String, seconds: Double, processed: Int, reused: Int, failed: Int = 0) {
        self.stage = stage
        self.seconds = (seconds * 1000).rounded() / 1000
        self.processed = processed
        self.reused = reused
        self.failed = failed
    }

    public static func url(work: URL, stage: String) -> URL {
        work.appendingPathComponent("stats").appendingPathComponent("\(stage).json")
    }

    public func write(work: URL) throws {
        try JSONCoding.write(self, to: Self.url(work: work, stage: stage), pretty: true)
    }

    public static func load(work: URL, stage: String) -> StageStats? {
        try? JSONCoding.read(StageStats.self, from: url(work: work, stage: stage))
    }
}

/// Wall-clock time since a start point.
public struct Stopwatch: Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    public init() {}
    public var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
