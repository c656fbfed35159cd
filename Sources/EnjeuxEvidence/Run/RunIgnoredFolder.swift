/// A folder of the corpus that was not read, and why: the resources of a page saved with a
/// browser's "Save page as… complete" (`page_files/` beside `page.html`). Listed in
/// `run.json` and `run.md`, so that no file is left out in silence.
package struct RunIgnoredFolder: Codable, Sendable, Hashable {
    /// Path of the folder relative to the corpus folder, `/`-separated, without a final `/`.
    package var path: String
    /// Path of the saved page whose resources the folder holds.
    package var page: String
    /// Files in the folder and its sub-folders.
    package var files: Int

    package init(path: String, page: String, files: Int) {
        self.path = path
        self.page = page
        self.files = files
    }
}
