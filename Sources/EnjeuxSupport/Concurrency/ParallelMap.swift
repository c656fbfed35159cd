import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order; for pure, independent transforms
    /// (a document, an issue, a file to render). `transform` must be thread-safe. Maps nest:
    /// a transform may itself map on every core (see `WorkerThreads`).
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
        // Each worker keeps its results and hands them over once: a lock taken per element
        // makes the workers wait for each other when elements are small.
        let results = Mutex<[T?]>([T?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let input = self
        WorkerThreads.run(count: Swift.min(workers, count)) { _ in
            var own: [(index: Int, value: T)] = []
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                if position >= input.count { break }
                let index = order?[position] ?? position
                own.append((index, transform(input[index])))
            }
            results.withLock { results in
                for (index, value) in own { results[index] = value }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on `workers` new threads and hands each result to `consume` on the
    /// calling thread, in order, as soon as it and those before it are ready: the consumer
    /// (writing a file) works while the workers go on with the next elements, and finished
    /// results wait only until their turn. When `consume` throws, the workers stop taking
    /// elements and the error is rethrown once they have stopped.
    public func parallelMap<T: Sendable>(
        workers: Int, _ transform: @Sendable (Element) -> T, consumingInOrder consume: (T) throws -> Void
    ) throws {
        if isEmpty { return }
        let slots = OrderedSlots<T>(count: count)
        let next = Atomic<Int>(0)
        let input = self
        try withoutActuallyEscaping(transform) { transform in
            let threads = (0..<Swift.max(1, Swift.min(workers, count))).map { _ in
                WorkerThreads.start {
                    while !slots.isCancelled {
                        let position = next.add(1, ordering: .relaxed).oldValue
                        if position >= input.count { break }
                        slots.fill(position, with: transform(input[position]))
                    }
                }
            }
            defer {
                slots.cancel()
                for thread in threads { thread.join() }
            }
            for position in 0..<count { try consume(slots.take(position)) }
        }
    }
}

/// Results of an ordered parallel map: each slot is filled by a worker and taken by the
/// consumer, who waits for it.
private final class OrderedSlots<T: Sendable>: Sendable {
    private let values: Mutex<[T?]>
    private let ready: [DispatchSemaphore]
    private let cancelled = Atomic<Bool>(false)

    init(count: Int) {
        values = Mutex([T?](repeating: nil, count: count))
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    func fill(_ position: Int, with value: T) {
        values.withLock { $0[position] = value }
        ready[position].signal()
    }

    /// Waits for slot `position`, then empties it.
    func take(_ position: Int) -> T {
        ready[position].wait()
        return values.withLock { values in
            guard let value = values[position].take() else { preconditionFailure("slot \(position) taken twice") }
            return value
        }
    }
}

/// Indexes by decreasing cost, ties in index order.
func costliestFirstOrder(_ costs: [Int]) -> [Int] {
    costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
}
