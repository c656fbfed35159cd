import Foundation

/// A trained linear model: P(relevant | x) = σ(w · x + b).
package struct LogisticModel: Sendable, Hashable {
    package var weights: [Double]
    package var intercept: Double

    package init(weights: [Double], intercept: Double) {
        self.weights = weights
        self.intercept = intercept
    }

    /// w · x + b.
    package func decision(_ x: SparseVector) -> Double { x.dot(weights) + intercept }

    /// σ(w · x + b).
    package func probability(_ x: SparseVector) -> Double { LogisticRegression.sigmoid(decision(x)) }
}

/// L2-regularised logistic regression with class weights, the objective of scikit-learn's
/// `LogisticRegression(penalty="l2", C=c, class_weight=…)`:
///
///     minimise  ½‖w‖² + C · Σ_i s_i · ln(1 + exp(−y_i (w · x_i + b)))
///
/// with y_i = ±1, s_i the weight of sample i's class and the intercept b not penalised.
/// `balanced` class weights are n / (2 · n_class), as scikit-learn's `"balanced"`. Solved
/// with Newton's method, the Newton step found by conjugate gradients on Hessian–vector
/// products (no d × d matrix), and a backtracking line search; deterministic.
package struct LogisticRegression: Sendable {
    /// Inverse of the regularisation strength.
    package var c: Double
    /// Weigh each class by n / (2 · n_class) so that a few relevant passages count as much as
    /// many non-relevant ones.
    package var balanced: Bool
    /// Stop when the largest gradient component falls below this.
    package var tolerance: Double
    package var maximumIterations: Int

    package init(c: Double = 1, balanced: Bool = true, tolerance: Double = 1e-9, maximumIterations: Int = 100) {
        self.c = c
        self.balanced = balanced
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
    }

    /// The sample weights of `labels` (class weights).
    package func sampleWeights(_ labels: [Bool]) -> [Double] {
        guard balanced else { return labels.map { _ in 1 } }
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        let total = Double(labels.count)
        let positive = positives > 0 ? total / (2 * Double(positives)) : 0
        let negative = negatives > 0 ? total / (2 * Double(negatives)) : 0
        return labels.map { $0 ? positive : negative }
    }

    /// Fits the model; `featureCount` is the dimension of the rows. `start` warm-starts the
    /// solver (the same optimum is reached, sooner).
    package func fit(
        rows: [SparseVector], labels: [Bool], featureCount: Int, start: LogisticModel? = nil
    ) -> LogisticModel {
        precondition(rows.count == labels.count, "one label per row")
        let weights = sampleWeights(labels)
        let targets = labels.map { $0 ? 1.0 : 0.0 }
        var model =
            start.flatMap { $0.weights.count == featureCount ? $0 : nil }
            ?? LogisticModel(weights: Array(repeating: 0, count: featureCount), intercept: 0)
        var value = objective(model, rows: rows, targets: targets, weights: weights)
        for _ in 0..<maximumIterations {
            let (gradient, gradientIntercept, curvature) = derivatives(
                model, rows: rows, targets: targets, weights: weights)
            let largest = max(gradient.map(abs).max() ?? 0, abs(gradientIntercept))
            if largest < tolerance { break }
            let (step, stepIntercept) = newtonStep(
                gradient: gradient, gradientIntercept: gradientIntercept, rows: rows, curvature: curvature)
            let slope = zip(gradient, step).reduce(gradientIntercept * stepIntercept) { $0 + $1.0 * $1.1 }
            var length = 1.0
            var accepted = false
            while length > 1e-12 {
                var trial = model
                for index in trial.weights.indices { trial.weights[index] += length * step[index] }
                trial.intercept += length * stepIntercept
                let trialValue = objective(trial, rows: rows, targets: targets, weights: weights)
                if trialValue <= value + 1e-4 * length * slope {
                    model = trial
                    value = trialValue
                    accepted = true
                    break
                }
                length /= 2
            }
            if !accepted { break }
        }
        return model
    }

    /// The objective at `model`.
    func objective(_ model: LogisticModel, rows: [SparseVector], targets: [Double], weights: [Double]) -> Double {
        var loss = 0.0
        for (index, row) in rows.enumerated() {
            let z = model.decision(row)
            let margin = targets[index] == 1 ? z : -z
            loss += weights[index] * Self.logOnePlusExp(-margin)
        }
        return 0.5 * model.weights.reduce(0) { $0 + $1 * $1 } + c * loss
    }

    /// The gradient (features, intercept) and each sample's curvature C · s_i · σ(1 − σ).
    func derivatives(
        _ model: LogisticModel, rows: [SparseVector], targets: [Double], weights: [Double]
    ) -> ([Double], Double, [Double]) {
        var gradient = model.weights
        var gradientIntercept = 0.0
        var curvature: [Double] = []
        curvature.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let p = Self.sigmoid(model.decision(row))
            let residual = c * weights[index] * (p - targets[index])
            row.add(to: &gradient, times: residual)
            gradientIntercept += residual
            curvature.append(c * weights[index] * p * (1 - p))
        }
        return (gradient, gradientIntercept, curvature)
    }

    /// Solves H d = −g by conjugate gradients, H v = v + Σ_i κ_i x̃_i (x̃_i · ṽ) where x̃ is x
    /// with a 1 for the intercept (whose own regularisation is 0).
    func newtonStep(
        gradient: [Double], gradientIntercept: Double, rows: [SparseVector], curvature: [Double]
    ) -> ([Double], Double) {
        let count = gradient.count
        func multiply(_ v: [Double], _ vb: Double) -> ([Double], Double) {
            var result = v
            var resultIntercept = 0.0
            for (index, row) in rows.enumerated() {
                let factor = curvature[index] * (row.dot(v) + vb)
                row.add(to: &result, times: factor)
                resultIntercept += factor
            }
            return (result, resultIntercept)
        }
        var x = Array(repeating: 0.0, count: count)
        var xb = 0.0
        var r = gradient.map { -$0 }
        var rb = -gradientIntercept
        var p = r
        var pb = rb
        var squared = r.reduce(rb * rb) { $0 + $1 * $1 }
        // Inexact Newton: the residual only has to shrink by min(0.1, √‖g‖) (superlinear
        // convergence near the optimum).
        let norm = squared.squareRoot()
        let goal = min(0.1, norm.squareRoot()) * norm
        for _ in 0..<max(10, 2 * (count + 1)) {
            if squared.squareRoot() <= goal { break }
            let (hp, hpb) = multiply(p, pb)
            let curvatureAlong = zip(p, hp).reduce(pb * hpb) { $0 + $1.0 * $1.1 }
            guard curvatureAlong > 0 else { break }
            let alpha = squared / curvatureAlong
            for index in 0..<count {
                x[index] += alpha * p[index]
                r[index] -= alpha * hp[index]
            }
            xb += alpha * pb
            rb -= alpha * hpb
            let next = r.reduce(rb * rb) { $0 + $1 * $1 }
            let beta = next / squared
            squared = next
            for index in 0..<count { p[index] = r[index] + beta * p[index] }
            pb = rb + beta * pb
        }
        return (x, xb)
    }

    package static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// ln(1 + eᶻ) without overflow.
    static func logOnePlusExp(_ z: Double) -> Double {
        z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
    }
}
