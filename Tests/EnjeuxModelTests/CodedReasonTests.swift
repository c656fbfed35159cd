import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

/// Warnings and failures are stored as codes and values, and read back as the same case:
/// in the stage files (hand-written JSON) and through `JSONCoding` (run.json, the manifest,
/// the worker protocol), whose snake_case conversion must not mangle them.
@Suite struct CodedReasonTests {
    static let warnings: [DocumentWarning] = [
        .misnamed(fileExtension: "pdf", contains: "html"), .unreadablePage(3), .noTextLayer, .noMainContent,
        .unknownCharset("klingon-8"), .invalidUTF8(declaredIn: "meta tag"), .nestingTooDeep(depth: 100_000),
        .truncatedWebArchive, .tooManyWebArchiveParts(limit: 3), .webArchiveInvalidUTF8,
        .webArchiveUnknownCharset("x-inconnu"), .macrosNotRun, .noText, .invalidFrontMatter,
        .misnamed(fileExtension: "docx", contains: "odt"), .other("a free text"),
    ]

    static let failures: [ExtractionFailure] = [
        .emptyFile, .notADocument(detail: "d"), .unrecognizedContent, .missingPDFHeader, .notAPDF(detail: "d"),
        .notHTML, .unreadableWebArchive(detail: "d"), .webArchiveWithoutPage(found: ["image/png"]),
        .webArchiveWithoutPage(found: []), .emptyWebArchivePage, .damaged(detail: "d"), .noReadablePage,
        .passwordRequired, .wrongPassword, .timedOut(seconds: 60), .memoryLimitExceeded(megabytes: 2048),
        .crashed(detail: "signal 11"), .tooLarge(detail: "d"),
        .overLimit(content: .html, megabytes: 600, limitMegabytes: 512),
        .overLimit(content: .decodedHTML, megabytes: 700, limitMegabytes: nil), .unreadable(detail: "d"),
        .unsupportedFormat(detail: "d"), .unsupportedWebArchiveEncoding(encoding: "x-uuencode"), .encrypted(.office),
        .encrypted(.openDocument), .encrypted(.zipEntries), .damagedDocument(detail: "d"), .oldBinaryOffice(.word),
        .oldBinaryOffice(.powerPoint), .oldBinaryOffice(.excel), .oldBinaryOffice(.other), .rtfDocument,
    ]

    @Test func warningsComeBackFromTheirCodeAndValues() throws {
        for warning in Self.warnings {
            #expect(DocumentWarning(code: warning.code, values: warning.values, message: warning.message) == warning)
            #expect(try DocumentWarning(jsonBytes: warning.jsonBytes()) == warning)
            let coded = try JSONCoding.decode(DocumentWarning.self, from: JSONCoding.encode(warning))
            #expect(coded == warning, "\(warning)")
        }
        #expect(
            String(decoding: DocumentWarning.unreadablePage(3).jsonBytes(), as: UTF8.self)
                == #"{"code":"unreadable_page","message":"page 3 could not be read","values":{"page":"3"}}"#)
        #expect(DocumentWarning.noTextLayer.message == "no text layer (scanned document?)")
        #expect(
            DocumentWarning.misnamed(fileExtension: "pdf", contains: "html").message
                == "file named .pdf contains HTML; read as html")
    }

    @Test func warningsOfEarlierVersionsOrUnknownCodesAreKeptAsText() throws {
        #expect(
            try DocumentWarning(jsonBytes: Array(#""page 2 could not be read""#.utf8))
                == .other("page 2 could not be read"))
        #expect(DocumentWarning(code: "from_the_future", values: [:], message: "m") == .other("m"))
        #expect(DocumentWarning(code: "unreadable_page", values: ["page": "x"], message: "m") == .other("m"))
        #expect(try JSONCoding.decode([DocumentWarning].self, from: Data(#"["w"]"#.utf8)) == [.other("w")])
    }

    @Test func failuresComeBackThroughTheSnakeCaseCoders() throws {
        for failure in Self.failures {
            let data = try JSONCoding.encode(failure)
            #expect(try JSONCoding.decode(ExtractionFailure.self, from: data) == failure, "\(failure)")
        }
        #expect(
            String(decoding: try JSONCoding.encode(ExtractionFailure.notAPDF(detail: "x")), as: UTF8.self)
                == #"{"detail":"x","kind":"not_a_pdf"}"#)
    }

    @Test func codesAndEnglishReasonsStayAsTheyWere() {
        #expect(ExtractionFailure.unrecognizedContent.code == "not_a_document")
        #expect(ExtractionFailure.unrecognizedContent.reason == "not a PDF (unknown content)")
        #expect(ExtractionFailure.missingPDFHeader.reason == "not a PDF (no %PDF- header)")
        #expect(ExtractionFailure.notAPDF(detail: "x").reason == "not a PDF (x)")
        #expect(ExtractionFailure.noReadablePage.code == "damaged")
        #expect(ExtractionFailure.noReadablePage.reason == "damaged or truncated PDF (no readable page)")
        #expect(ExtractionFailure.overLimit(content: .html, megabytes: 600, limitMegabytes: 512).code == "too_large")
        #expect(
            ExtractionFailure.overLimit(content: .html, megabytes: 600, limitMegabytes: 512).reason
                == "file too large (600 MB of HTML, the limit is 512 MB)")
        #expect(
            ExtractionFailure.overLimit(content: .decodedHTML, megabytes: 700, limitMegabytes: nil).reason
                == "file too large (700 MB of decoded HTML)")
    }
}
