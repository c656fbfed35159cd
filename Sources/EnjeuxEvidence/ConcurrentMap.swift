import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, in order; for pure, independent transforms (ranking one issue,
    /// rendering one file). Small arrays are mapped in place.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        if count < 2 || workers < 2 { return map(transform) }
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
