import Foundation
import Testing

@testable import EnjeuxExtraction

/// Finding and decoding the page of a web archive, and refusing hostile archives within bounds.
@Suite struct MHTMLArchiveTests {
    typealias Part = MHTMLFixtures.Part

    func page(_ data: Data, limits: MIMELimits = .standard) throws(MIMEError) -> MHTMLPage {
        try MHTMLArchive.page(in: data, limits: limits)
    }

    func html(_ page: MHTMLPage) -> String { String(decoding: page.html, as: UTF8.self) }

    @Test func chromeArchiveGivesTheMainPageDecoded() throws {
        for lineEnd in ["\r\n", "\n"] {
            let found = try page(MHTMLFixtures.chrome(lineEnd: lineEnd))
            let text = html(found)
            #expect(text.hasPrefix("<!DOCTYPE html><html lang=\"fr\"><head><meta http-equiv=\"Content-Type\" content="))
            #expect(text.contains("<title>La réforme et la pratique | Le Fil social</title>"))
            #expect(text.contains("les travailleuses sociales décrivent"))
            #expect(text.contains("d’augmenter"))
            #expect(text.contains("relation d’aide"))
            #expect(text.hasSuffix("</body></html>"))
            #expect(!text.contains("Publicité"))
            #expect(found.location == "https://exemple.org/2023/05/17/reforme-pratique")
            #expect(found.charset == nil)
            #expect(found.warnings.isEmpty)
        }
    }

    @Test func missingClosingBoundaryIsTolerated() throws {
        let complete = try page(MHTMLFixtures.chrome(closed: false))
        #expect(html(complete).contains("autonomie professionnelle"))
        #expect(complete.warnings.isEmpty)  // the page is not the last part: it is whole

        let onlyPage = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"], boundary: "b",
            parts: [Part(headers: ["Content-Type: text/html"], body: "<p>Début de la page")], closed: false)
        let truncated = try page(onlyPage)
        #expect(html(truncated) == "<p>Début de la page\r\n")
        #expect(truncated.warnings == [.truncatedWebArchive])
        #expect(
            truncated.warnings.first?.message
                == "the web archive ends without its closing boundary: the page may be truncated")
    }

    @Test func officeArchiveWithPreambleAndUnquotedBoundary() throws {
        let found = try page(MHTMLFixtures.office())
        #expect(found.charset == "windows-1252")
        #expect(found.location == "file:///C:/Users/ordre/Documents/note.htm")
        let expected: [UInt8] = Array("<html><body><h1>Note de service</h1><p>Le comit".utf8) + [0xE9]
        #expect(Array(found.html.prefix(expected.count)) == expected)
        #expect(!found.html.contains(UInt8(ascii: "\r")))  // the soft line break is gone
    }

    @Test func pageAtTheSnapshotLocationOrNamedByStart() throws {
        let headers = [
            "Snapshot-Content-Location: https://exemple.org/page", "MIME-Version: 1.0",
            "Content-Type: multipart/related; type=\"text/html\"; boundary=\"sep\"",
        ]
        let parts = [
            Part(
                headers: ["Content-Type: text/html", "Content-Location: cid:frame-9@mhtml.blink"], body: "<p>cadre</p>"),
            Part(
                headers: [
                    "Content-Type: text/html", "Content-Location: https://exemple.org/page", "Content-ID: <main>",
                ],
                body: "<p>page</p>"),
        ]
        #expect(html(try page(MHTMLFixtures.archive(headers: headers, boundary: "sep", parts: parts))) == "<p>page</p>")

        // Without a snapshot location, the first HTML part; with `start`, the part it names.
        let plain = ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=sep"]
        #expect(html(try page(MHTMLFixtures.archive(headers: plain, boundary: "sep", parts: parts))) == "<p>cadre</p>")
        let started = ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=sep; start=\"<main>\""]
        #expect(html(try page(MHTMLFixtures.archive(headers: started, boundary: "sep", parts: parts))) == "<p>page</p>")
    }

    @Test func base64PageWithItsCharset() throws {
        let latin1 = Data([0x3C, 0x70, 0x3E, 0xC9, 0x74, 0xE9, 0x3C, 0x2F, 0x70, 0x3E])  // <p>Été</p>
        let archive = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=\"=_b\""], boundary: "=_b",
            parts: [
                Part(
                    headers: ["Content-Type: text/html; charset=ISO-8859-1", "Content-Transfer-Encoding: base64"],
                    body: latin1.base64EncodedString(options: [.lineLength64Characters, .endLineWithCarriageReturn]))
            ])
        let found = try page(archive)
        #expect(Data(found.html) == latin1)
        #expect(found.charset == "ISO-8859-1")
    }

    @Test func singlePartArchive() throws {
        let data = Data(
            "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>Caf=C3=A9</p>"
                .utf8)
        let found = try page(data)
        #expect(html(found) == "<p>Café</p>")
        #expect(found.charset == "utf-8")
    }

    @Test func nestedMultipartIsSearched() throws {
        let inner =
            "--alt\r\nContent-Type: text/plain\r\n\r\nversion texte\r\n--alt\r\nContent-Type: text/html\r\n\r\n<p>version HTML</p>\r\n--alt--"
        let archive = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=outer"], boundary: "outer",
            parts: [
                Part(
                    headers: ["Content-Type: image/gif", "Content-Transfer-Encoding: base64"],
                    body: "R0lGODlhAQABAAAAACw="),
                Part(headers: ["Content-Type: multipart/alternative; boundary=alt"], body: inner),
            ])
        #expect(html(try page(archive)) == "<p>version HTML</p>")
    }

    @Test func nestingIsBounded() {
        var body = "<p>au fond</p>"
        var type = "text/html"
        for depth in 0..<6 {
            body = "--n\(depth)\r\nContent-Type: \(type)\r\n\r\n\(body)\r\n--n\(depth)--"
            type = "multipart/mixed; boundary=n\(depth)"
        }
        let data = Data("MIME-Version: 1.0\r\nContent-Type: \(type)\r\n\r\n\(body)".utf8)
        #expect(throws: MIMEError.nestedTooDeep(limit: 4)) { try page(data) }
        let generous = MIMELimits(
            headerFieldBytes: 1024, headerBlockBytes: 4096, headerFields: 10, parts: 10, nesting: 8)
        #expect((try? page(data, limits: generous)).map(html) == "<p>au fond</p>")
    }

    @Test func boundaryProblems() {
        let noBoundary = Data("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n\r\n<p>".utf8)
        #expect(throws: MIMEError.noBoundary) { try page(noBoundary) }
        let absent = Data("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n<p>rien</p>".utf8)
        #expect(throws: MIMEError.boundaryNotFound("x")) { try page(absent) }
        let noBlankLine = Data("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n".utf8)
        #expect(throws: MIMEError.unterminatedHeader) { try page(noBlankLine) }
    }

    @Test func aLongerBoundaryOrAnIndentedOneIsContent() throws {
        let body =
            "--b\r\nContent-Type: text/html\r\n\r\n<p>un</p>\r\n--bb n'est pas une limite\r\n --b non plus\r\n--b  \r\nContent-Type: text/css\r\n\r\np{}\r\n--b--"
        let data = Data("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n\(body)".utf8)
        #expect(html(try page(data)) == "<p>un</p>\r\n--bb n'est pas une limite\r\n --b non plus")
    }

    @Test func archiveWithoutAPageSaysWhatItHolds() {
        let archive = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"], boundary: "b",
            parts: [
                Part(headers: ["Content-Type: text/css"], body: "p {}"),
                Part(headers: ["Content-Type: image/png"], body: ""),
                Part(headers: ["Content-Type: text/css"], body: "a {}"),
                Part(headers: [], body: "sans type"),
            ])
        #expect(throws: MIMEError.noHTMLPart(found: ["text/css", "image/png", "text/plain"])) { try page(archive) }
        let pdf = Data("MIME-Version: 1.0\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4".utf8)
        #expect(throws: MIMEError.noHTMLPart(found: ["application/pdf"])) { try page(pdf) }
    }

    @Test func unsupportedTransferEncodingOfThePage() {
        let archive = MHTMLFixtures.archive(
            headers: ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"], boundary: "b",
            parts: [Part(headers: ["Content-Type: text/html", "Content-Transfer-Encoding: x-uuencode"], body: "begin")])
        #expect(throws: MIMEError.unsupportedTransferEncoding("x-uuencode")) { try page(archive) }
    }

    @Test func hugeHeadersAreRefusedWithoutReadingThemWhole() {
        let limits = MIMELimits(
            headerFieldBytes: 1024, headerBlockBytes: 8192, headerFields: 50, parts: 100, nesting: 3)
        let huge = Data(
            ("MIME-Version: 1.0\r\nSubject: " + String(repeating: "a", count: 5_000_000) + "\r\n\r\n").utf8)
        #expect(throws: MIMEError.headerTooLong(limit: 1024)) { try page(huge, limits: limits) }
        #expect(throws: MIMEError.headerTooLong(limit: 65536)) { try page(huge) }

        // A part with a huge header is skipped when the page is elsewhere, reported when it is not.
        let hugePart = Part(
            headers: ["Content-Type: text/css", "X-Long: " + String(repeating: "z", count: 5000)], body: "")
        let pagePart = Part(headers: ["Content-Type: text/html"], body: "<p>page</p>")
        let headers = ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"]
        let withPage = MHTMLFixtures.archive(headers: headers, boundary: "b", parts: [hugePart, pagePart])
        #expect((try? self.page(withPage, limits: limits)).map(html) == "<p>page</p>")
        let withoutPage = MHTMLFixtures.archive(headers: headers, boundary: "b", parts: [hugePart])
        #expect(throws: MIMEError.headerTooLong(limit: 1024)) { try self.page(withoutPage, limits: limits) }
    }

    @Test func partsAreCounted() {
        let limits = MIMELimits(headerFieldBytes: 1024, headerBlockBytes: 8192, headerFields: 50, parts: 3, nesting: 3)
        let headers = ["MIME-Version: 1.0", "Content-Type: multipart/related; boundary=b"]
        let images = (0..<5).map { _ in Part(headers: ["Content-Type: image/gif"], body: "GIF89a") }
        let pagePart = Part(headers: ["Content-Type: text/html"], body: "<p>page</p>")
        let early = MHTMLFixtures.archive(headers: headers, boundary: "b", parts: [pagePart] + images)
        let found = try? self.page(early, limits: limits)
        #expect(found.map(html) == "<p>page</p>")
        #expect(found?.warnings == [.tooManyWebArchiveParts(limit: 3)])
        #expect(found?.warnings.first?.message == "the web archive has more than 3 parts: only the first were read")
        let late = MHTMLFixtures.archive(headers: headers, boundary: "b", parts: images + [pagePart])
        #expect(throws: MIMEError.noHTMLPart(found: ["image/gif"])) { try self.page(late, limits: limits) }
    }

    @Test func manyTinyPartsStayFast() throws {
        // 20,000 empty parts then the page: the scan is linear in the size of the archive.
        var text = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        text += String(repeating: "--b\r\nContent-Type: image/gif\r\n\r\n\r\n", count: 19_999)
        text += "--b\r\nContent-Type: text/html\r\n\r\n<p>page</p>\r\n--b--\r\n"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(html(try page(Data(text.utf8))) == "<p>page</p>")
        #expect(clock.now - start < .seconds(10))
    }
}
