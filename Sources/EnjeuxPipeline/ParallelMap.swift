import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order. `transform` must be thread-safe.
    public func parallelMap<T: Sendable>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (Element) -> T
    ) -> [T] {
        if count <= 1 || workers <= 1 { return map(transform) }
        let results = Mutex<[T?]>([T?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let input = self
        DispatchQueue.concurrentPerform(iterations: Swift.min(workers, count)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                if index >= input.count { break }
                let value = transform(input[index])
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
