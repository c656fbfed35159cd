import Foundation
import Testing
import ZIPFoundation

@testable import EnjeuxEvidence

/// Zips joined as bytes (`ZipJoin`) read back entry for entry, and what the joiner does not
/// handle goes through ZIPFoundation instead (`QDADocumentZip.join`).
@Suite struct ZipJoinTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-zipjoin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A zip of `entries` (name, text) made by QDAArchive, with a stored binary file in it too.
    func zip(_ name: String, _ entries: [(String, String)]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let binary = folder.appendingPathComponent("\(name).bin")
        try Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: binary)
        try QDAArchive.write(url) { (archive: QDAArchive) throws(EvidenceWriteError) in
            for (entry, text) in entries { try archive.add(entry, text: text) }
            try archive.add("\(name).bin", file: binary)
        }
        return url
    }

    func contents(of url: URL) throws -> [String: Data] {
        let archive = try Archive(url: url, accessMode: .read)
        var found: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            found[entry.path] = data
        }
        return found
    }

    @Test func joinedZipHoldsEveryEntryOfItsPartsInOrder() throws {
        let first = try zip("a.zip", [("sources/a.txt", String(repeating: "Charge de travail. ", count: 500))])
        let second = try zip("b.zip", [("sources/b.txt", "Autonomie"), ("sources/c.txt", "Éthique – « pratique »")])
        let joined = folder.appendingPathComponent("joined.zip")
        try ZipJoin.join([try ZipJoin.part(first), try ZipJoin.part(second)], into: joined)
        let archive = try Archive(url: joined, accessMode: .read)
        #expect(
            archive.map(\.path) == ["sources/a.txt", "a.zip.bin", "sources/b.txt", "sources/c.txt", "b.zip.bin"])
        var expected = try contents(of: first)
        expected.merge(try contents(of: second)) { old, _ in old }
        #expect(try contents(of: joined) == expected)
        // Python's reader checks the offsets and checksums too.
        let check = "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.namelist()))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", check, joined.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "None 5\n")
    }

    @Test func aZipWithAnArchiveCommentIsNotJoinedAsBytesButStillCopied() throws {
        let plain = try zip("plain.zip", [("sources/p.txt", "Protection du public")])
        let commented = try zip("commented.zip", [("sources/q.txt", "Indicateurs de performance")])
        // An archive comment: the end record is no longer the file's last 22 bytes.
        var bytes = try Data(contentsOf: commented)
        bytes[bytes.count - 2] = 4
        bytes.append(contentsOf: Array("note".utf8))
        try bytes.write(to: commented)
        #expect(throws: ZipJoinError.self) { try ZipJoin.part(commented) }
        let joined = folder.appendingPathComponent("joined.zip")
        try QDADocumentZip.join([plain, commented], into: joined)
        let found = try contents(of: joined)
        #expect(found["sources/q.txt"] == Data("Indicateurs de performance".utf8))
        #expect(found["sources/p.txt"] == Data("Protection du public".utf8))
        #expect(found.count == 4)
    }
}
