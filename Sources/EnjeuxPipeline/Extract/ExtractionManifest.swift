import EnjeuxEvidence
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// What `enjeux-extract` knows of each corpus file from earlier runs
/// (`<work>/extracted/manifest.json`), so that an unchanged file is not read again.
package struct ExtractionManifest: Codable, Sendable, Hashable {
    package static let currentSchema = 1
    package static let fileName = "manifest.json"

    package struct Entry: Codable, Sendable, Hashable {
        package enum Status: String, Codable, Sendable { case extracted, failed }
        package var source: String
        package var id: String
        package var size: Int
        package var modifiedNanoseconds: Int64
        package var sha256: String
        package var format: DocumentFormat?
        package var status: Status
        package var failure: FailureRecord?
        package var warnings: [DocumentWarning]
        /// Page count of the extracted document.
        package var pages: Int
        /// SHA-256 of the password used (empty string for none), so a new password retries the file.
        package var passwordDigest: String
    }

    package var schema: Int = currentSchema
    /// Version of the extractors; a change forces a new extraction of every file.
    package var extractorVersion: String
    package var corpus: String
    package var entries: [Entry]
    /// Folders of the corpus that were not read (resources of saved web pages), for `run.json`.
    package var ignoredFolders: [RunIgnoredFolder]

    package init(extractorVersion: String, corpus: String, entries: [Entry], ignoredFolders: [RunIgnoredFolder] = []) {
        self.extractorVersion = extractorVersion
        self.corpus = corpus
        self.entries = entries
        self.ignoredFolders = ignoredFolders
    }

    package static func url(in folder: URL) -> URL { folder.appendingPathComponent(fileName) }

    /// The manifest of a folder, or nil when there is none or it cannot be read.
    package static func load(from folder: URL) -> ExtractionManifest? {
        try? JSONCoding.read(ExtractionManifest.self, from: url(in: folder))
    }
}

/// A document failure as recorded in manifests and in `run.json`.
package typealias FailureRecord = RunFailure
