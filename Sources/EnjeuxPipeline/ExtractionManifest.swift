import EnjeuxCore
import EnjeuxEvidence
import Foundation

/// What `enjeux-extract` knows of each corpus file from earlier runs
/// (`<work>/extracted/manifest.json`), so that an unchanged file is not read again.
public struct ExtractionManifest: Codable, Sendable, Hashable {
    public static let currentSchema = 1
    public static let fileName = "manifest.json"

    public struct Entry: Codable, Sendable, Hashable {
        public enum Status: String, Codable, Sendable { case extracted, failed }
        public var source: String
        public var id: String
        public var size: Int
        public var modifiedNanoseconds: Int64
        public var sha256: String
        public var format: DocumentFormat?
        public var status: Status
        public var failure: FailureRecord?
        public var warnings: [String]
        /// Page count of the extracted document.
        public var pages: Int
        /// SHA-256 of the password used (empty string for none), so a new password retries the file.
        public var passwordDigest: String
    }

    public var schema: Int = currentSchema
    /// Version of the extractors; a change forces a new extraction of every file.
    public var extractorVersion: String
    public var corpus: String
    public var entries: [Entry]

    public init(extractorVersion: String, corpus: String, entries: [Entry]) {
        self.extractorVersion = extractorVersion
        self.corpus = corpus
        self.entries = entries
    }

    public static func url(in folder: URL) -> URL { folder.appendingPathComponent(fileName) }

    /// The manifest of a folder, or nil when there is none or it cannot be read.
    public static func load(from folder: URL) -> ExtractionManifest? {
        try? JSONCoding.read(ExtractionManifest.self, from: url(in: folder))
    }
}

/// A document failure as recorded in manifests and in `run.json`.
public typealias FailureRecord = RunFailure
