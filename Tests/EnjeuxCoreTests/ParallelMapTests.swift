import Foundation
import Synchronization
import Testing

@testable import EnjeuxCore

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
}
