import Foundation
import Synchronization
import Testing

@testable import EnjeuxSupport

@Suite struct ParallelMapTests {
    static func tripled(_ value: Int) -> Int { value * 3 }
    static func remainder(_ value: Int) -> Int { value % 7 }
    static func identity(_ value: Int) -> Int { value }

    @Test func resultsKeepTheInputOrder() {
        let input = Array(0..<200)
        #expect(input.parallelMap(workers: 4, Self.tripled) == input.map(Self.tripled))
        #expect(input.parallelMap(workers: 4, costliestFirst: Self.remainder, Self.tripled) == input.map(Self.tripled))
    }

    @Test func everyElementIsTransformedOnce() {
        let seen = Mutex<[Int]>([])
        let costs = [3, 90, 1, 50, 7, 50, 2]
        let output = costs.parallelMap(workers: 2, costliestFirst: Self.identity) { cost in
            seen.withLock { $0.append(cost) }
            return cost
        }
        #expect(output == costs)
        #expect(seen.withLock { $0.sorted() } == costs.sorted())
    }

    @Test func workIsTakenCostliestFirstWithTiesInInputOrder() {
        #expect(costliestFirstOrder([3, 90, 1, 50, 7, 50, 2]) == [1, 3, 5, 4, 0, 6, 2])
        #expect(costliestFirstOrder([]) == [])
    }

    @Test func oneWorkerMapsInOrder() {
        #expect([5, 1, 9].parallelMap(workers: 1, costliestFirst: Self.identity, Self.tripled) == [15, 3, 27])
        #expect([Int]().parallelMap(workers: 3, costliestFirst: Self.identity, Self.tripled) == [])
    }

    @Test func nestedMapsRunOnSeveralThreads() {
        // A map inside a map (a long document split over the cores while other documents are
        // worked on) must not fall back to one thread: each inner map here waits until two of
        // its elements run at the same time, which one thread could never do.
        let outer = [0, 1].parallelMap(workers: 2) { _ in
            let running = Atomic<Int>(0)
            let overlapped = Atomic<Bool>(false)
            _ = [0, 1].parallelMap(workers: 2) { _ in
                running.add(1, ordering: .relaxed)
                let deadline = Date().addingTimeInterval(5)
                while running.load(ordering: .relaxed) < 2 && Date() < deadline { usleep(100) }
                if running.load(ordering: .relaxed) == 2 { overlapped.store(true, ordering: .relaxed) }
                return 0
            }
            return overlapped.load(ordering: .relaxed)
        }
        #expect(outer == [true, true])
    }

    @Test func resultsAreConsumedInOrderAsTheyComeIn() throws {
        let input = Array(0..<300)
        var consumed: [Int] = []
        // Early elements take longest, so later ones are ready first and must wait their turn.
        try input.parallelMap(workers: 3) { value in
            if value < 5 { usleep(2_000) }
            return value * 2
        } consumingInOrder: {
            consumed.append($0)
        }
        #expect(consumed == input.map { $0 * 2 })
    }

    struct Stop: Error {}

    @Test func aConsumerErrorStopsTheMap() {
        let transformed = Atomic<Int>(0)
        var consumed = 0
        #expect(throws: Stop.self) {
            // Each element takes a while (10,000 of them: seconds), so the workers are still
            // early in the list when the consumer stops them, however busy the machine is.
            try Array(0..<10_000).parallelMap(workers: 2) { value in
                transformed.add(1, ordering: .relaxed)
                usleep(500)
                return value
            } consumingInOrder: { value in
                if value == 10 { throw Stop() }
                consumed += 1
            }
        }
        #expect(consumed == 10)
        let transformedCount = transformed.load(ordering: .relaxed)
        #expect(transformedCount < 10_000)
    }

    @Test func startedWorkIsDoneWhenJoined() {
        let done = Atomic<Bool>(false)
        let work = WorkerThreads.start {
            usleep(1_000)
            done.store(true, ordering: .relaxed)
        }
        work.join()
        let isDone = done.load(ordering: .relaxed)
        #expect(isDone)
    }
}
