import EnjeuxPipeline
import Foundation
import Synchronization
import Testing

@Suite struct ParallelMapTests {
    @Test func resultsKeepTheInputOrder() {
        let input = Array(0..<200)
        #expect(input.parallelMap(workers: 4) { $0 * 3 } == input.map { $0 * 3 })
        #expect(input.parallelMap(workers: 4, costliestFirst: { $0 % 7 }) { $0 * 3 } == input.map { $0 * 3 })
    }

    @Test func costliestElementsAreStartedFirst() {
        let costs = [3, 90, 1, 50, 7, 50, 2]
        let started = Mutex<[Int]>([])
        let output = costs.parallelMap(workers: 2, costliestFirst: { $0 }) { cost in
            started.withLock { $0.append(cost) }
            return cost
        }
        #expect(output == costs)
        let order = started.withLock { $0 }
        #expect(order.count == costs.count)
        // Two workers take the work in order of cost: the two costliest come first.
        #expect(Set(order.prefix(2)) == [90, 50])
        #expect(Set(order.suffix(2)) == [1, 2])
    }

    @Test func oneWorkerMapsInOrder() {
        #expect([5, 1, 9].parallelMap(workers: 1, costliestFirst: { $0 }) { $0 + 1 } == [6, 2, 10])
        #expect([Int]().parallelMap(workers: 3, costliestFirst: { $0 }) { $0 } == [])
    }
}
