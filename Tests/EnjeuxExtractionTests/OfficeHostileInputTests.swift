import EnjeuxExtraction
import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing
import ZIPFoundation

/// Hostile or mistaken Word and OpenDocument files: each gets a clear outcome, within bounded
/// time and memory.
@Suite struct OfficeHostileInputTests {
    static let fixture = SharedData.repositoryRoot.appendingPathComponent("Tests/Fixtures/office/note-de-travail.docx")

    /// A scratch folder removed at the end of the test.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-office-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> URL { url.appendingPathComponent(name) }
    }

    /// Writes a zip of named entries (deflated), in order.
    static func zip(_ entries: [(String, [UInt8])], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    /// The entries of the LibreOffice fixture, with some replaced or added.
    static func fixtureEntries(replacing replacements: [String: [UInt8]] = [:], adding: [(String, [UInt8])] = [])
        throws -> [(String, [UInt8])]
    {
        let archive = try Archive(url: fixture, accessMode: .read)
        var entries: [(String, [UInt8])] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries.append((entry.path, replacements[entry.path] ?? [UInt8](data)))
        }
        return entries + adding
    }

    func failure(_ url: URL) -> ExtractionFailure? {
        do {
            _ = try DocumentExtractor.extract(fileAt: url)
            return nil
        } catch {
            return error
        }
    }

    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }

    /// A Word document whose `document.xml` inflates to 100 MB of spaces (a zip of 100 KB).
    static func makeBomb(at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let contentTypes = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """.utf8)
        try archive.addEntry(
            with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(contentTypes.count),
            compressionMethod: .deflate
        ) { position, size in Data(contentTypes[Int(position)..<(Int(position) + size)]) }
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(100 << 20), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { _, length in chunk.prefix(length) }
    }

    /// Rewrites the uncompressed size an archive declares for `name` (local and central headers).
    static func declare(size: UInt32, for name: String, in url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let target = Array(name.utf8)
        func put(_ value: UInt32, at offset: Int) {
            for shift in 0..<4 { bytes[offset + shift] = UInt8((value >> (8 * UInt32(shift))) & 0xFF) }
        }
        var position = 0
        while position + 46 < bytes.count {
            let signature = Array(bytes[position..<(position + 4)])
            if signature == [0x50, 0x4B, 0x03, 0x04] {
                let length = Int(bytes[position + 26]) | Int(bytes[position + 27]) << 8
                if Array(bytes[(position + 30)..<(position + 30 + length)]) == target { put(size, at: position + 22) }
            } else if signature == [0x50, 0x4B, 0x01, 0x02] {
                let length = Int(bytes[position + 28]) | Int(bytes[position + 29]) << 8
                if Array(bytes[(position + 46)..<(position + 46 + length)]) == target { put(size, at: position + 24) }
            }
            position += 1
        }
        try Data(bytes).write(to: url)
    }

    /// Extracts `url`, expecting a refusal as too large within 2 seconds and 50 MB.
    func expectRefusedQuickly(_ url: URL) {
        let before = Self.peakResidentMegabytes()
        let start = Date()
        let outcome = failure(url)
        let seconds = Date().timeIntervalSince(start)
        guard case .tooLarge(let detail) = outcome else {
            Issue.record("expected too large, got \(String(describing: outcome))")
            return
        }
        #expect(detail.contains("zip bomb"), "\(detail)")
        // What shows the bomb was stopped early is the memory: inflating it whole takes 100 MB.
        // The time bound only guards against a hang; on a loaded machine a few seconds pass.
        #expect(seconds < 30, "refused after \(seconds) s")
        #expect(Self.peakResidentMegabytes() - before < 50, "memory grew past 50 MB")
    }

    @Test func zipBombOf100MegabytesIsRefusedBeforeInflating() throws {
        let scratch = try Scratch()
        let bomb = scratch.path("bombe.docx")
        try Self.makeBomb(at: bomb)
        #expect(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int ?? 0 < 1 << 20)
        expectRefusedQuickly(bomb)
    }

    /// The same bomb declaring 1,000 bytes: stopped while it inflates, by its ratio.
    @Test func zipBombThatLiesAboutItsSizeIsStoppedWhileInflating() throws {
        let scratch = try Scratch()
        let bomb = scratch.path("bombe-menteuse.docx")
        try Self.makeBomb(at: bomb)
        try Self.declare(size: 1000, for: "word/document.xml", in: bomb)
        expectRefusedQuickly(bomb)
    }

    @Test func entryNamesThatLeaveTheArchiveAreRefused() throws {
        let scratch = try Scratch()
        for name in ["../../evil.xml", "/etc/passwd", "C:\\Windows\\evil.xml", "word/../../evil.xml"] {
            let url = scratch.path("chemin.docx")
            try? FileManager.default.removeItem(at: url)
            try Self.zip(try Self.fixtureEntries(adding: [(name, Array("x".utf8))]), to: url)
            guard case .notADocument(let detail) = failure(url) else {
                Issue.record("\(name) accepted")
                continue
            }
            #expect(detail.hasPrefix("unsafe zip archive"), "\(name): \(detail)")
        }
    }

    @Test func tooManyEntriesAreRefusedBeforeReading() throws {
        let scratch = try Scratch()
        let url = scratch.path("entrees.docx")
        try Self.zip(try Self.fixtureEntries(adding: (0..<30).map { ("media/image\($0).png", [0]) }), to: url)
        var limits = ZipLimits()
        limits.maximumEntries = 20
        #expect(throws: ExtractionFailure.tooLarge(detail: "a zip archive of more than 20 entries")) {
            _ = try OfficeArchiveReader.extract(fileAt: url, limits: limits)
        }
    }

    static let hostile = SharedData.repositoryRoot.appendingPathComponent("Tests/Fixtures/office/hostile")

    /// A real protected Word file (encrypted by msoffcrypto-tool) and a real Word 97 file
    /// written by LibreOffice, named .docx.
    @Test func realProtectedAndOldWordFiles() throws {
        let protected = failure(Self.hostile.appendingPathComponent("note-protegee.docx"))
        #expect(protected == .encrypted(.office))
        #expect(protected?.reason.contains("remove the password in Word or LibreOffice") == true)
        #expect(protected?.code == "encrypted")
        let old = failure(Self.hostile.appendingPathComponent("ancien-word-renomme.docx"))
        #expect(old == .oldBinaryOffice(.word))
        #expect(
            old?.reason
                == "unsupported format (old binary Word document (.doc, Word 97–2003); convert it with LibreOffice: "
                + "soffice --headless --convert-to docx FILE)")
    }

    @Test func passwordProtectedWordFileIsReportedAsEncrypted() throws {
        let scratch = try Scratch()
        let url = scratch.path("protégé.docx")
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024)
        for name in ["EncryptionInfo", "EncryptedPackage"] {
            bytes += name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0]
        }
        try Data(bytes).write(to: url)
        #expect(failure(url) == .encrypted(.office))
    }

    @Test func oldBinaryWordDocumentNamedDocxGetsAConversionHint() throws {
        let scratch = try Scratch()
        let url = scratch.path("ancien.docx")
        let bytes: [UInt8] =
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)
            + "WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(bytes).write(to: url)
        let outcome = failure(url)
        #expect(outcome == .oldBinaryOffice(.word))
        #expect(outcome?.reason.contains("soffice --headless --convert-to docx") == true)
        #expect(outcome?.code == "unsupported_format")
    }

    @Test func macroEnabledDocumentIsReadWithAWarning() throws {
        let scratch = try Scratch()
        let url = scratch.path("macros.docm")
        var entries = try Self.fixtureEntries(adding: [("word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0])])
        for index in entries.indices where entries[index].0 == "[Content_Types].xml" {
            let text = String(decoding: entries[index].1, as: UTF8.self).replacingOccurrences(
                of: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                with: "application/vnd.ms-word.document.macroEnabled.main+xml")
            entries[index].1 = Array(text.utf8)
        }
        try Self.zip(entries, to: url)
        let (format, content) = try DocumentExtractor.extract(fileAt: url)
        #expect(format == .docx)
        #expect(content.warnings.contains(.macrosNotRun))
        #expect(content.pages.flatMap(\.blocks).contains { $0.text == "Contexte" })
    }

    @Test func zipOfSomethingElseIsNotADocument() throws {
        let scratch = try Scratch()
        let url = scratch.path("photos.docx")
        try Self.zip([("photo.jpg", [0xFF, 0xD8, 0xFF]), ("liste.csv", Array("a,b\n".utf8))], to: url)
        guard case .notADocument(let detail) = failure(url) else {
            Issue.record("expected not a document, got \(String(describing: failure(url)))")
            return
        }
        #expect(detail.contains("a zip archive of 2 files (photo.jpg, liste.csv)"))
    }

    @Test func presentationInAWordNameGetsAHint() throws {
        let scratch = try Scratch()
        let url = scratch.path("diapos.docx")
        let types =
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/ppt/presentation.xml\" ContentType=\""
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"/></Types>"
        try Self.zip(
            [("[Content_Types].xml", Array(types.utf8)), ("ppt/presentation.xml", Array("<p/>".utf8))], to: url)
        guard case .unsupportedFormat(let detail) = failure(url) else {
            Issue.record("expected unsupported format, got \(String(describing: failure(url)))")
            return
        }
        #expect(detail.contains("PowerPoint") && detail.contains("--convert-to pdf"))
    }

    @Test func passwordProtectedOpenDocumentIsReportedAsEncrypted() throws {
        let scratch = try Scratch()
        let url = scratch.path("protégé.odt")
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">
            <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AA=="/>
            </manifest:file-entry></manifest:manifest>
            """
        try Self.zip(
            [
                ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                ("META-INF/manifest.xml", Array(manifest.utf8)), ("content.xml", [0x8A, 0x13, 0x77]),
            ], to: url)
        guard case .encrypted = failure(url) else {
            Issue.record("expected encrypted, got \(String(describing: failure(url)))")
            return
        }
    }

    @Test func xmlWithADocumentTypeIsRefused() throws {
        let scratch = try Scratch()
        let url = scratch.path("entites.docx")
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>\
            <w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        try Self.zip(try Self.fixtureEntries(replacing: ["word/document.xml": Array(laughs.utf8)]), to: url)
        guard case .notADocument(let detail) = failure(url) else {
            Issue.record("expected refusal, got \(String(describing: failure(url)))")
            return
        }
        #expect(detail.contains("document type"))
    }

    @Test func truncatedArchiveIsDamaged() throws {
        let scratch = try Scratch()
        let url = scratch.path("tronque.docx")
        let bytes = try Data(contentsOf: Self.fixture)
        try bytes.prefix(bytes.count / 2).write(to: url)
        guard case .damagedDocument = failure(url) else {
            Issue.record("expected damaged, got \(String(describing: failure(url)))")
            return
        }
    }

    @Test func odtNamedDocxIsReadAsWhatItIs() throws {
        let scratch = try Scratch()
        let url = scratch.path("renomme.docx")
        try FileManager.default.copyItem(
            at: SharedData.repositoryRoot.appendingPathComponent("Tests/Fixtures/office/note-de-travail.odt"), to: url)
        let (format, content) = try DocumentExtractor.extract(fileAt: url)
        #expect(format == .odt)
        #expect(content.pages.flatMap(\.blocks).count == OfficeFixtureTests.expected.count)
    }
}
