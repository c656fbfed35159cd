import EnjeuxModel
import Foundation

/// What an isolated extraction worker reports back to the batch (as a small JSON file).
package struct WorkerResult: Codable, Sendable, Hashable {
    package var format: DocumentFormat?
    package var pages: Int
    package var warnings: [DocumentWarning]
    package var failure: ExtractionFailure?
    /// SHA-256 of the bytes the worker extracted (nil when it read none).
    package var sha256: String?

    package init(
        format: DocumentFormat?, pages: Int, warnings: [DocumentWarning], failure: ExtractionFailure?,
        sha256: String? = nil
    ) {
        self.format = format
        self.pages = pages
        self.warnings = warnings
        self.failure = failure
        self.sha256 = sha256
    }
}

/// Caps this process's address space, so that a runaway extraction fails instead of
/// exhausting the machine.
package enum MemoryLimit {
    package static func apply(megabytes: Int) {
        guard megabytes > 0 else { return }
        let bytes = rlim_t(megabytes) * 1024 * 1024
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
