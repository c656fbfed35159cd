import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import Testing

@testable import EnjeuxPipeline

/// A file is read as what it holds; a name that says otherwise is a warning, not a failure.
@Suite struct ExtractOneOfficeTests {
    static let fixtures = SharedData.repositoryRoot.appendingPathComponent("Tests/Fixtures/office")

    func extract(_ fixture: String, as name: String) throws -> Result<ExtractedDocument, DocumentError> {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: url)
        return ExtractOne.run(url: url, relativePath: name, password: nil)
    }

    @Test func openDocumentNamedDocxIsReadWithAWarning() throws {
        let document = try extract("note-de-travail.odt", as: "note.docx").get()
        #expect(document.format == .odt)
        #expect(document.warnings.first == .misnamed(fileExtension: "docx", contains: "odt"))
        #expect(document.warnings.first?.message == "file named .docx contains an OpenDocument text; read as odt")
    }

    @Test func markdownNamedTxtIsText() throws {
        let document = try extract("note-de-travail.md", as: "note.txt").get()
        #expect(document.format == .text)
        #expect(document.warnings.isEmpty)
    }

    @Test func formatsAndNamesThatAgreeGiveNoWarning() throws {
        for (fixture, name, format) in [
            ("note-de-travail.docx", "a.DOCX", DocumentFormat.docx), ("note-de-travail.odt", "b.odt", .odt),
            ("note-de-travail.fodt", "c.fodt", .odt), ("note-de-travail.md", "d.Md", .markdown),
        ] {
            let document = try extract(fixture, as: name).get()
            #expect(document.format == format, "\(name)")
            #expect(document.warnings.isEmpty, "\(name): \(document.warnings)")
        }
    }
}
