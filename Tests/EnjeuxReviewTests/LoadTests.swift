import EnjeuxJudgments
import Foundation
import Testing

/// Nothing lost: many clients judging at once, and the server killed in the middle.
@Suite(.serialized) struct LoadTests {
    static let clients = 20
    static let judgmentsPerClient = 50

    /// `count` judgments from each of `clients` threads; returns how many the server confirmed.
    static func judge(_ harness: ReviewHarness, ids: [String], stopAfter: Int? = nil) -> Int {
        let confirmed = Counter()
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            for number in 0..<judgmentsPerClient {
                let id = ids[(client * judgmentsPerClient + number) % ids.count]
                let body: [String: Any] = [
                    "passage_id": id, "issue": "autonomie", "grade": (client + number) % 3,
                    "note": "client \(client) n° \(number)",
                ]
                guard let answer = try? harness.post("/api/judgments", body) else { return }
                if answer.status == 200 { confirmed.add() }
            }
        }
        return confirmed.value
    }

    @Test func twentyClientsThousandJudgmentsThousandLines() throws {
        let harness = try ReviewHarness()
        try harness.start()
        let ids = try harness.listed("autonomie").compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty)
        let clock = ContinuousClock.now
        let confirmed = Self.judge(harness, ids: ids)
        print("LoadTests: \(confirmed) judgments from \(Self.clients) clients in \(ContinuousClock.now - clock)")
        #expect(confirmed == Self.clients * Self.judgmentsPerClient)
        let text = try String(contentsOf: harness.judgments, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let reading = JudgmentFile.parse(text)
        #expect(reading.skipped.isEmpty)
        #expect(reading.judgments.count == 1000)
        // Every client's every judgment, once.
        #expect(Set(reading.judgments.compactMap(\.note)).count == 1000)
    }

    @Test func killedDuringTheLoadKeepsEveryCompleteLineAndRestarts() throws {
        let harness = try ReviewHarness()
        try harness.start()
        let ids = try harness.listed("autonomie").compactMap { $0["id"] as? String }
        let killer = Thread {
            // Kill once a few hundred lines are on disk.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: harness.judgments.path)[.size] as? Int) ?? 0
                if size > 100_000 { break }
                usleep(5000)
            }
            harness.stop(kill: true)
        }
        killer.start()
        let confirmed = Self.judge(harness, ids: ids)
        while harness.server != nil { usleep(10000) }
        let text = try String(contentsOf: harness.judgments, encoding: .utf8)
        let complete = text.hasSuffix("\n") ? text : String(text[...(text.lastIndex(of: "\n") ?? text.startIndex)])
        let reading = JudgmentFile.parse(complete)
        #expect(reading.skipped.isEmpty, "\(reading.skipped)")
        // Every confirmed judgment is on disk (the server answers only after fsync).
        #expect(reading.judgments.count >= confirmed)
        #expect(confirmed < Self.clients * Self.judgmentsPerClient, "the server was not killed during the load")
        print(
            "LoadTests: killed after \(confirmed) confirmed judgments; \(reading.judgments.count) complete lines, all valid"
        )
        // Restarted, it reads the file (a torn last line reported and skipped) and serves.
        try harness.start()
        #expect(try harness.get("/api/issues").status == 200)
        #expect(
            try harness.post("/api/judgments", ["passage_id": ids[0], "issue": "autonomie", "grade": 1]).status == 200)
        let after = JudgmentFile.parse(try String(contentsOf: harness.judgments, encoding: .utf8))
        #expect(after.judgments.count == reading.judgments.count + 1)
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
