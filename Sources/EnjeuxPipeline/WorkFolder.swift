import EnjeuxSupport
import Foundation

/// Where the intermediate files of a corpus go: one folder per corpus, named after the corpus
/// folder and keyed by its absolute path (`.enjeux/Corpus-3f9a1c2b`), so that two corpora with
/// the same folder name in different places never share, nor overwrite, each other's cache.
/// `scripts/work-folder.sh` (which the Makefile calls) computes the same name.
package enum WorkFolder {
    /// The folder the work folders live in, relative to where `make` runs.
    package static let defaultRoot = ".enjeux"

    /// `root/<name>-<hash>`: `name` is the last component of the corpus's absolute path
    /// (symbolic links resolved), `hash` the first 8 hex digits of the SHA-256 of that path.
    package static func path(forCorpus corpus: String, root: String = defaultRoot) -> String {
        let absolute = absolutePath(of: corpus)
        var name = (absolute as NSString).lastPathComponent
        if name.isEmpty || name == "/" { name = "corpus" }
        let hash = String(SHA256.hex(of: absolute).prefix(8))
        return "\(root)/\(name)-\(hash)"
    }

    /// The work folder `make analyze` uses for the corpus `Corpus` of the current folder: the
    /// default of the tools that read a work folder.
    package static var forDefaultCorpus: String { path(forCorpus: "Corpus") }

    /// The absolute path of a folder, `.` and `..` removed and symbolic links resolved, as
    /// `realpath` gives it.
    package static func absolutePath(of path: String) -> String {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
