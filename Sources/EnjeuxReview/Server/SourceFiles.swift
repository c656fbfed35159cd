import Foundation

/// Serves the corpus's documents read-only: only a document of the run, by its path relative
/// to the corpus folder, and only when the real file (symbolic links resolved) is inside the
/// corpus folder.
struct SourceFiles: Sendable {
    let corpus: URL
    let sources: Set<String>

    enum Refusal: Error, Equatable {
        case invalidPath
        case notADocument
        case outside
        case unreadable
    }

    /// The file for `path`, checked: no empty, absolute, `.` or `..` component, no NUL, a
    /// document of the run, inside the corpus folder once links are resolved.
    func resolve(_ path: String) throws(Refusal) -> URL {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else {
            throw .invalidPath
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { throw .invalidPath }
        guard sources.contains(path) else { throw .notADocument }
        let root = corpus.resolvingSymlinksInPath().standardizedFileURL.path
        let file = corpus.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL
        guard file.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { throw .outside }
        return file
    }

    /// The media type a browser should open a document with.
    static func mediaType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "html", "htm": "text/html; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "odt": "application/vnd.oasis.opendocument.text"
        default: "application/octet-stream"
        }
    }
}
