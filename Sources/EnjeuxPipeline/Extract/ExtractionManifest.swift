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
        /// The OCR settings a PDF was extracted with (`OCROptions.cacheKey`); nil in manifests
        /// written before OCR.
        package var ocrSettings: String? = nil

        /// True when the entry needs no new extraction for these OCR settings: a PDF (or a file
        /// that failed, which may be one) extracted with the same settings, or another format.
        package func hasOCRSettings(_ key: String) -> Bool {
            if status == .extracted && format != .pdf { return true }
            return ocrSettings == key
        }
    }

    package var schema: Int = currentSchema
    /// Version of the extractors; a change forces a new extraction of every file.
    package var extractorVersion: String
    package var corpus: String
    package var entries: [Entry]
    /// Folders of the corpus that were not read (resources of saved web pages), for `run.json`.
    package var ignoredFolders: [RunIgnoredFolder]
    /// Files of the corpus that were not read (other formats, hidden files, lock files), for `run.json`.
    package var ignoredFiles: [RunIgnoredFile]
    /// Symbolic links that lead outside the corpus folder, followed, for `run.json`.
    package var followedLinks: [RunFollowedLink] = []

    package init(
        extractorVersion: String, corpus: String, entries: [Entry], ignoredFolders: [RunIgnoredFolder] = [],
        ignoredFiles: [RunIgnoredFile] = []
    ) {
        self.extractorVersion = extractorVersion
        self.corpus = corpus
        self.entries = entries
        self.ignoredFolders = ignoredFolders
        self.ignoredFiles = ignoredFiles
    }

    package static func url(in folder: URL) -> URL { folder.appendingPathComponent(fileName) }

    /// The manifest of a folder, or nil when there is none or it cannot be read.
    package static func load(from folder: URL) -> ExtractionManifest? {
        try? JSONCoding.read(ExtractionManifest.self, from: url(in: folder))
    }
}

/// A document failure as recorded in manifests and in `run.json`.
package typealias FailureRecord = RunFailure

extension ExtractionManifest {
    /// Reads a manifest; one written before unread files were listed reads with none.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(Int.self, forKey: .schema)
        extractorVersion = try container.decode(String.self, forKey: .extractorVersion)
        corpus = try container.decode(String.self, forKey: .corpus)
        entries = try container.decode([Entry].self, forKey: .entries)
        ignoredFolders = try container.decodeIfPresent([RunIgnoredFolder].self, forKey: .ignoredFolders) ?? []
        ignoredFiles = try container.decodeIfPresent([RunIgnoredFile].self, forKey: .ignoredFiles) ?? []
        followedLinks = try container.decodeIfPresent([RunFollowedLink].self, forKey: .followedLinks) ?? []
    }
}
