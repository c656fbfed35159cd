import Foundation
import Testing

@testable import EnjeuxExtraction

@Suite("HTML encoding detection")
struct HTMLEncodingDetectorTests {
    private func bytes(_ values: [UInt8]) -> Data { Data(values) }

    @Test func utf8ByteOrderMarkWins() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("<meta charset=\"windows-1252\"><p>é</p>".utf8)
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.source == .byteOrderMark)
        #expect(decoded.text.hasSuffix("<p>é</p>"))
        #expect(!decoded.text.hasPrefix("\u{FEFF}"))
    }

    @Test func utf16ByteOrderMarksWinOverUnicodeLabel() {
        let html = "<meta charset=\"unicode\"><p>Été – «\u{00A0}oui\u{00A0}»</p>"
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in html.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        let fromLittle = HTMLEncodingDetector.decode(little)
        let fromBig = HTMLEncodingDetector.decode(big)
        #expect(fromLittle.encoding == .utf16LittleEndian)
        #expect(fromBig.encoding == .utf16BigEndian)
        #expect(fromLittle.text == html)
        #expect(fromBig.text == html)
    }

    @Test func metaCharsetDeclaresWindows1252() {
        // ’ is 0x92 and – is 0x96 in windows-1252.
        let data =
            Data("<html><head><meta charset=windows-1252></head><p>l".utf8)
            + bytes([0x92, 0x20, 0x96, 0x20, 0xE9])
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.source == .metaTag)
        #expect(decoded.text.hasSuffix("<p>l\u{2019} \u{2013} é"))
    }

    @Test func httpEquivContentTypeIsRead() {
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
        let data = Data(head.utf8) + bytes([0xA4])
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.encoding == .iso885915)
        #expect(decoded.text.hasSuffix("€"))
    }

    @Test func latin1LabelIsTreatedAsWindows1252() {
        let data = Data("<meta charset='iso-8859-1'>".utf8) + bytes([0x80, 0x9C])
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.hasSuffix("€œ"))
    }

    @Test func xmlDeclarationIsUsedWithoutMeta() {
        let data =
            Data("<?xml version=\"1.0\" encoding=\"windows-1252\"?><html><p>".utf8) + bytes([0x85])
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.source == .xmlDeclaration)
        #expect(decoded.text.hasSuffix("…"))
    }

    @Test func metaComesBeforeXMLDeclaration() {
        let text = "<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><meta charset=\"utf-8\"><p>é</p>"
        let decoded = HTMLEncodingDetector.decode(Data(text.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.source == .metaTag)
    }

    @Test func undeclaredValidUTF8IsSniffedAsUTF8() {
        let decoded = HTMLEncodingDetector.decode(Data("<p>Québec — été</p>".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.source == .sniffed)
        #expect(decoded.text == "<p>Québec — été</p>")
        #expect(decoded.warnings.isEmpty)
    }

    @Test func undeclaredInvalidUTF8IsSniffedAsWindows1252() {
        let data = Data("<p>Qu".utf8) + bytes([0xE9]) + Data("bec</p>".utf8)
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "<p>Québec</p>")
    }

    @Test func declaredUTF8ThatIsNotFallsBackWithWarning() {
        let data = Data("<meta charset=\"utf-8\"><p>l".utf8) + bytes([0x92]) + Data("Ordre</p>".utf8)
        let decoded = HTMLEncodingDetector.decode(data)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.hasSuffix("<p>l\u{2019}Ordre</p>"))
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.message.contains("not valid UTF-8") == true)
        #expect(decoded.warnings.first == .invalidUTF8(declaredIn: "meta tag"))
    }

    @Test func unknownLabelIsReportedAndSniffed() {
        let decoded = HTMLEncodingDetector.decode(Data("<meta charset=\"klingon-8\"><p>é</p>".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.warnings == [.unknownCharset("klingon-8")])
    }

    @Test func labelsMapAsBrowsersDo() {
        #expect(HTMLEncodingDetector.encoding(forLabel: " UTF8 ") == .utf8)
        #expect(HTMLEncodingDetector.encoding(forLabel: "latin1") == .windows1252)
        #expect(HTMLEncodingDetector.encoding(forLabel: "cp1252") == .windows1252)
        #expect(HTMLEncodingDetector.encoding(forLabel: "ISO-8859-15") == .iso885915)
        #expect(HTMLEncodingDetector.encoding(forLabel: "unicode") == nil)
        #expect(HTMLEncodingDetector.isUTF16Label("unicode"))
    }

    @Test func windows1252TableCoversTheC1Range() {
        let all = SingleByteTable.decodeWindows1252(Array(UInt8(0x80)...UInt8(0x9F)))
        #expect(all.unicodeScalars.count == 32)
        #expect(all.hasPrefix("€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ"))
        #expect(all.hasSuffix("˜™š›œ\u{9D}žŸ"))
        #expect(SingleByteTable.decodeWindows1252([0x41, 0xA0, 0xFF]) == "A\u{00A0}ÿ")
    }

    @Test func charsetParameterParsing() {
        #expect(HTMLEncodingDetector.charsetParameter(in: "text/html; charset=UTF-8") == "utf-8")
        #expect(
            HTMLEncodingDetector.charsetParameter(in: "text/html;charset=\"windows-1252\"")
                == "windows-1252")
        #expect(HTMLEncodingDetector.charsetParameter(in: "text/html") == nil)
    }
}
