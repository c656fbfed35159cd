import EnjeuxEvidence
import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxPipeline

/// Issue 24, items 2 and 3: file names that are not UTF-8, and symbolic links (cycles, links
/// that leave the corpus, broken links, several paths to one file).
@Suite struct CorpusLinksAndNamesTests {
    /// Creates a file whose name is the given bytes (not necessarily UTF-8).
    static func createFile(named bytes: [UInt8], in folder: URL, content: String) throws {
        var path = Array(folder.path.utf8)
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: bytes)
        path.append(0)
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let data = Array(content.utf8)
        _ = write(descriptor, data, data.count)
    }

    @Test func aNameThatIsNotUTF8IsReportedNotDropped() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("a.html", "<p>a</p>")
        // "Résumé.html" written in Latin-1: 0xE9 is not valid UTF-8.
        try Self.createFile(
            named: [0x52, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x2E, 0x68, 0x74, 0x6D, 0x6C], in: corpus.url,
            content: "<p>b</p>")
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.files.map(\.relativePath) == ["a.html"])
        #expect(
            listing.ignoredFiles == [
                RunIgnoredFile(path: "R\\xE9sum\\xE9.html", reason: .undecodableName, fileExtension: "html")
            ])
        #expect(listing.ignoredFiles.first?.consoleLine.contains("not valid UTF-8") == true)
    }

    @Test func escapedFormOfANameIsLossless() {
        #expect(RawDirectory.escapedText(of: Array("é\\".utf8) + [0xFF]) == "é\\\\\\xFF")
    }

    @Test func aLinkToItsOwnFolderIsReadOnce() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("x.html", "<p>x</p>")
        try corpus.write("sous/y.html", "<p>y</p>")
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent("sous/back").path, withDestinationPath: "..")
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.files.map(\.relativePath) == ["sous/y.html", "x.html"])
        #expect(listing.ignoredFiles.map(\.path) == ["loop", "sous/back"])
        #expect(listing.ignoredFiles.allSatisfy { $0.reason == .sameFile && $0.sameAs == "." })
    }

    @Test func aFileReachedTwiceIsReadUnderItsShortestPath() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("a/b/c/deep.html", "<p>x</p>")
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent("raccourci.html").path, withDestinationPath: "a/b/c/deep.html")
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.files.map(\.relativePath) == ["raccourci.html"])
        #expect(
            listing.ignoredFiles == [
                RunIgnoredFile(
                    path: "a/b/c/deep.html", reason: .sameFile, fileExtension: "html", sameAs: "raccourci.html")
            ])
    }

    @Test func linksLeavingTheCorpusAreFollowedAndSaidSo() throws {
        let corpus = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try outside.write("secret.html", "<p>ailleurs</p>")
        try corpus.write("a.html", "<p>a</p>")
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent("dehors").path, withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent("casse.html").path, withDestinationPath: "nulle-part.html")
        // A link to a folder outside, and a link back from there into the corpus: read once.
        try FileManager.default.createSymbolicLink(
            atPath: outside.url.appendingPathComponent("retour").path, withDestinationPath: corpus.url.path)
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.files.map(\.relativePath) == ["a.html", "dehors/secret.html"])
        let target = try #require(CorpusScanner.realPath(outside.url.path))
        #expect(listing.followedLinks == [RunFollowedLink(path: "dehors", target: target)])
        #expect(listing.followedLinks.first?.consoleLine.contains("outside the corpus: followed") == true)
        #expect(listing.ignoredFiles.map(\.reason) == [.brokenLink, .sameFile])
        var report = RunReport.fixture(ignoredFiles: listing.ignoredFiles)
        report.followedLinks = listing.followedLinks
        let markdown = RunSummaryRenderer.markdown(report)
        #expect(markdown.contains("1 lien symbolique vers l’extérieur du corpus, suivi\u{A0}: dehors → /"))
        #expect(markdown.contains("Enjeux suit les liens symboliques, même hors du dossier du corpus"))
        #expect(markdown.contains("lien symbolique cassé"))
    }
}

extension RunReport {
    /// A report with only the given unread files.
    static func fixture(ignoredFiles: [RunIgnoredFile] = [], failures: [RunFailure] = []) -> RunReport {
        RunReport(
            startedAt: "2026-12-07T10:00:00Z", documents: 1, pages: 1, passages: 1, failures: failures,
            ignoredFiles: ignoredFiles, lexicon: LexiconInfo(path: "l.yaml", sha256: "00", name: "l", version: "1"))
    }
}

@Suite struct CorpusSpecialFilesTests {
    @Test func aPipeInTheCorpusIsListedNotDroppedInSilence() throws {
        let corpus = try TemporaryFolder()
        try corpus.write("a.html", "<p>a</p>")
        #expect(mkfifo(corpus.url.appendingPathComponent("tube.html").path, 0o644) == 0)
        let listing = try CorpusScanner.scan(corpus.url)
        #expect(listing.files.map(\.relativePath) == ["a.html"])
        #expect(listing.ignoredFiles == [RunIgnoredFile(path: "tube.html", reason: .unreadable)])
    }
}
