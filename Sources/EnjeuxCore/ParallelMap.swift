import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order; for pure, independent transforms
    /// (a document, an issue, a file to render). `transform` must be thread-safe.
    public func parallelMap<T: Sendable>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (Element) -> T
    ) -> [T] {
        parallelMap(workers: workers, order: nil, transform)
    }

    /// Maps the elements on every core, keeping their order, and starts with the costliest
    /// (by `cost`, ties in input order): a large document begun last would otherwise leave
    /// the other cores idle while it finishes.
    public func parallelMap<T: Sendable>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        costliestFirst cost: (Element) -> Int,
        _ transform: @Sendable (Element) -> T
    ) -> [T] {
        if count <= 1 || workers <= 1 { return map(transform) }
        return parallelMap(workers: workers, order: costliestFirstOrder(map(cost)), transform)
    }

    private func parallelMap<T: Sendable>(
        workers: Int, order: [Int]?, _ transform: @Sendable (Element) -> T
    ) -> [T] {
        if count <= 1 || workers <= 1 { return map(transform) }
        let results = Mutex<[T?]>([T?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let input = self
        DispatchQueue.concurrentPerform(iterations: Swift.min(workers, count)) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                if position >= input.count { break }
                let index = order?[position] ?? position
                let value = transform(input[index])
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}

/// Indexes by decreasing cost, ties in index order.
func costliestFirstOrder(_ costs: [Int]) -> [Int] {
    costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
}
