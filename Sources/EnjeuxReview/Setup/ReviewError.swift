/// Why the workbench cannot start or answer: the path concerned and the reason, in French
/// where the page shows it.
package struct ReviewError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
