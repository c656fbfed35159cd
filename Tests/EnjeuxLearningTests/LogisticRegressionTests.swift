import EnjeuxLearning
import Foundation
import Testing

@Suite struct LogisticRegressionTests {
    static let rows = [
        SparseVector([0: 1, 1: 0.5]), SparseVector([0: 0.9, 2: 0.2]), SparseVector([0: 0.7, 1: 0.1, 3: 1]),
        SparseVector([1: 1, 2: 0.4]), SparseVector([2: 1, 3: 0.3]), SparseVector([1: 0.8, 3: 0.6]),
        SparseVector([0: 0.2, 2: 0.9]),
    ]
    static let labels = [true, true, true, false, false, false, false]

    /// At the optimum the gradient of ½‖w‖² + C Σ s_i ln(1 + exp(−y_i z_i)) is zero.
    @Test(arguments: [0.1, 1.0, 10.0]) func theSolutionZeroesTheGradient(c: Double) {
        let regression = LogisticRegression(c: c)
        let model = regression.fit(rows: Self.rows, labels: Self.labels, featureCount: 4)
        let weights = regression.sampleWeights(Self.labels)
        var gradient = model.weights
        var gradientIntercept = 0.0
        for (index, row) in Self.rows.enumerated() {
            let residual = c * weights[index] * (model.probability(row) - (Self.labels[index] ? 1 : 0))
            row.add(to: &gradient, times: residual)
            gradientIntercept += residual
        }
        #expect(gradient.allSatisfy { abs($0) < 1e-7 })
        #expect(abs(gradientIntercept) < 1e-7)
        #expect(model.weights[0] > 0 && model.weights[2] < 0)
    }

    @Test func balancedWeightsMakeBothClassesWeighTheSame() {
        let weights = LogisticRegression(c: 1).sampleWeights(Self.labels)
        let positive = zip(weights, Self.labels).filter { $0.1 }.reduce(0) { $0 + $1.0 }
        let negative = zip(weights, Self.labels).filter { !$0.1 }.reduce(0) { $0 + $1.0 }
        #expect(abs(positive - negative) < 1e-12)
        #expect(abs(weights[0] - 7.0 / 6.0) < 1e-12)
        #expect(LogisticRegression(c: 1, balanced: false).sampleWeights(Self.labels).allSatisfy { $0 == 1 })
    }

    @Test func aWarmStartReachesTheSameOptimum() {
        let regression = LogisticRegression(c: 2)
        let cold = regression.fit(rows: Self.rows, labels: Self.labels, featureCount: 4)
        let other = regression.fit(
            rows: Array(Self.rows.prefix(5)), labels: Array(Self.labels.prefix(5)), featureCount: 4)
        let warm = regression.fit(rows: Self.rows, labels: Self.labels, featureCount: 4, start: other)
        #expect(zip(cold.weights, warm.weights).allSatisfy { abs($0 - $1) < 1e-8 })
        #expect(abs(cold.intercept - warm.intercept) < 1e-8)
    }

    @Test func strongerRegularisationShrinksTheWeights() {
        let loose = LogisticRegression(c: 100).fit(rows: Self.rows, labels: Self.labels, featureCount: 4)
        let tight = LogisticRegression(c: 0.01).fit(rows: Self.rows, labels: Self.labels, featureCount: 4)
        let norm = { (model: LogisticModel) in model.weights.reduce(0) { $0 + $1 * $1 } }
        #expect(norm(tight) < norm(loose))
    }
}
