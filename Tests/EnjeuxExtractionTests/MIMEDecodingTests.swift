import Foundation
import Testing

@testable import EnjeuxExtraction

/// The pieces of the MIME reader: transfer encodings, header blocks and content types.
@Suite struct MIMEDecodingTests {
    func quotedPrintable(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes.withUnsafeBufferPointer(QuotedPrintable.decode), as: UTF8.self)
    }

    func base64(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes.withUnsafeBufferPointer(Base64Text.decode), as: UTF8.self)
    }

    func headers(_ text: String, limits: MIMELimits = .standard) throws(MIMEError) -> (MIMEHeaders, Int?) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { pointer -> Result<(MIMEHeaders, Int?), MIMEError> in
            do throws(MIMEError) {
                let parsed = try MIMEHeaders.parse(pointer, from: 0, to: pointer.count, limits: limits)
                return .success((parsed.headers, parsed.bodyStart))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    @Test func quotedPrintableBytesAndSoftLineBreaks() {
        #expect(quotedPrintable("Caf=C3=A9 cr=c3=a8me") == "Café crème")
        #expect(quotedPrintable("<p class=3D\"chapo\">") == "<p class=\"chapo\">")
        #expect(quotedPrintable("une ligne coup=\r\née en deux") == "une ligne coupée en deux")
        #expect(quotedPrintable("fin de ligne LF=\nsuite") == "fin de ligne LFsuite")
        #expect(quotedPrintable("blancs après le signe= \t\r\nsuite") == "blancs après le signesuite")
        #expect(quotedPrintable("ligne dure\r\nsuivante") == "ligne dure\r\nsuivante")
        #expect(quotedPrintable("dernier signe=") == "dernier signe")
    }

    @Test func quotedPrintableKeepsWhatIsNotAnEscape() {
        #expect(quotedPrintable("a = b") == "a = b")
        #expect(quotedPrintable("=ZZ et =4") == "=ZZ et =4")
        #expect(quotedPrintable("x=3") == "x=3")
    }

    @Test func base64AsMIMEBodiesCarryIt() {
        #expect(base64("Q2Fmw6kgY3LDqG1l") == "Café crème")
        #expect(base64("Q2Fmw6kg\r\nY3LDqG1l\r\n") == "Café crème")
        #expect(base64("w6k=") == "é")
        #expect(base64("w6k") == "é")
        #expect(base64("YQ==Yg==") == "ab")
        #expect(base64("Y*Q=\u{7}=") == "a")
        #expect(base64("") == "")
        #expect(base64("Q") == "")
    }

    @Test func transferEncodingNames() {
        #expect(MIMETransferEncoding(header: nil) == .identity)
        #expect(MIMETransferEncoding(header: " 8BIT ") == .identity)
        #expect(MIMETransferEncoding(header: "binary") == .identity)
        #expect(MIMETransferEncoding(header: "Quoted-Printable") == .quotedPrintable)
        #expect(MIMETransferEncoding(header: "BASE64") == .base64)
        #expect(MIMETransferEncoding(header: "x-uuencode") == nil)
    }

    @Test func contentTypesWithQuotedAndFoldedParameters() {
        let chrome = MIMEContentType(
            parsing: "multipart/related;\t type=\"text/html\";\t boundary=\"----MultipartBoundary--Ab12----\"")
        #expect(chrome.mediaType == "multipart/related")
        #expect(chrome.isMultipart)
        #expect(chrome.parameters["type"] == "text/html")
        #expect(chrome.parameters["boundary"] == "----MultipartBoundary--Ab12----")

        let office = MIMEContentType(parsing: "Multipart/Related; BOUNDARY=----=_NextPart_01D9.4F2A ; type=text/html")
        #expect(office.mediaType == "multipart/related")
        #expect(office.parameters["boundary"] == "----=_NextPart_01D9.4F2A")
        #expect(office.parameters["type"] == "text/html")

        #expect(MIMEContentType(parsing: "multipart/mixed; boundary=\"a;b\"").parameters["boundary"] == "a;b")
        #expect(MIMEContentType(parsing: "multipart/mixed; boundary=\"a\\\"b\" x").parameters["boundary"] == "a\"b")
        #expect(MIMEContentType(parsing: "text/html; charset=\"windows-1252\"").parameters["charset"] == "windows-1252")
        #expect(MIMEContentType(parsing: "TEXT/HTML").isHTML)
        #expect(MIMEContentType(parsing: "application/xhtml+xml").isHTML)
        #expect(MIMEContentType(parsing: "").mediaType == "text/plain")
        #expect(MIMEContentType(parsing: "; charset=utf-8").mediaType == "text/plain")
        #expect(MIMEContentType(parsing: "text/html; ;;charset").parameters["charset"] == "")
    }

    @Test func headerBlocksUnfoldAndFindFieldsByName() throws {
        let text =
            "From: <Saved by Blink>\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            + "\tboundary=\"b\"\r\nnot a field\r\nMIME-Version: 1.0\r\n\r\nbody"
        let (parsed, body) = try headers(text)
        #expect(parsed.fields.map(\.name) == ["From", "Content-Type", "MIME-Version"])
        #expect(parsed["content-type"] == "multipart/related;\ttype=\"text/html\";\tboundary=\"b\"")
        #expect(parsed.contentType.parameters["boundary"] == "b")
        #expect(parsed["mime-version"] == "1.0")
        #expect(body == text.utf8.count - 4)

        let (lf, lfBody) = try headers("Content-Location: https://exemple.org/a\n\n<p>")
        #expect(lf["CONTENT-LOCATION"] == "https://exemple.org/a")
        #expect(lfBody == 41)
        #expect(try headers("Content-Type: text/html\r\n").1 == nil)
        #expect(try headers("\r\n<p>x</p>").0.fields.isEmpty)
    }

    @Test func headerBlocksAreBounded() {
        let limits = MIMELimits(headerFieldBytes: 100, headerBlockBytes: 400, headerFields: 5, parts: 10, nesting: 2)
        let longLine = "Subject: " + String(repeating: "x", count: 200) + "\r\n\r\n"
        #expect(throws: MIMEError.headerTooLong(limit: 100)) { try headers(longLine, limits: limits) }
        let longFold = "Subject: a\r\n" + String(repeating: " xxxxxxxxxx\r\n", count: 12) + "\r\n"
        #expect(throws: MIMEError.headerTooLong(limit: 100)) { try headers(longFold, limits: limits) }
        let manyFields = (0..<6).map { "X-\($0): y\r\n" }.joined() + "\r\n"
        #expect(throws: MIMEError.tooManyHeaderFields(limit: 5)) { try headers(manyFields, limits: limits) }
        let longBlock = (0..<40).map { _ in "no colon on this line\r\n" }.joined() + "\r\n"
        #expect(throws: MIMEError.headerTooLong(limit: 400)) { try headers(longBlock, limits: limits) }
    }
}
