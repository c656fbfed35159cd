/// A feature vector stored as its non-zero entries, indices increasing.
package struct SparseVector: Sendable, Hashable {
    package var indices: [Int]
    package var values: [Double]

    package init(indices: [Int] = [], values: [Double] = []) {
        self.indices = indices
        self.values = values
    }

    /// From index → value pairs in any order (zeros dropped).
    package init(_ entries: [Int: Double]) {
        let sorted = entries.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        indices = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// Σ v_i · w_i.
    package func dot(_ weights: [Double]) -> Double {
        var total = 0.0
        for (index, value) in zip(indices, values) { total += value * weights[index] }
        return total
    }

    /// weights += factor · self.
    package func add(to weights: inout [Double], times factor: Double) {
        for (index, value) in zip(indices, values) { weights[index] += factor * value }
    }
}
