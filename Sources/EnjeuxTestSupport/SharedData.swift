import Foundation

/// Locates the team's shared data folder (`../shared` beside the repository, or
/// `$ENJEUX_SHARED`) for tests that read real documents. A user's clone has none:
/// tests that need it are skipped with a visible message.
package enum SharedData {
    /// The repository root, found from this source file's location.
    package static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder, or nil when this machine has none.
    package static let root: URL? = {
        if let env = ProcessInfo.processInfo.environment["ENJEUX_SHARED"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        let beside = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: beside.appendingPathComponent("corpus").path) ? beside : nil
    }()

    /// True when the shared folder is present.
    package static var isAvailable: Bool { root != nil }

    /// Message used by skipped tests.
    package static let skipMessage = "skipped: ../shared is not beside the repository (set ENJEUX_SHARED)"

    /// A path inside the shared folder; nil when the folder is absent.
    package static func url(_ relativePath: String) -> URL? {
        root?.appendingPathComponent(relativePath)
    }
}
