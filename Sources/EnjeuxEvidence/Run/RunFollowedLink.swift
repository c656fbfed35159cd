/// A symbolic link of the corpus whose target lies outside the corpus folder. Such links are
/// followed (a corpus often gathers documents kept elsewhere by linking them in), each file
/// read once under its shortest path; they are listed in the extraction manifest, `run.json`
/// and `run.md`, so that the run says which documents came from outside the folder.
package struct RunFollowedLink: Codable, Sendable, Hashable {
    /// Path of the link relative to the corpus folder, `/`-separated.
    package var path: String
    /// Where it leads: an absolute path, every link resolved.
    package var target: String

    package init(path: String, target: String) {
        self.path = path
        self.target = target
    }

    /// The line `enjeux-extract` prints.
    package var consoleLine: String {
        "\(path): symbolic link to \(target), outside the corpus: followed"
    }
}
