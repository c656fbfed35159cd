import EnjeuxModel
import Foundation

/// A character encoding a web page can be decoded with.
package enum HTMLTextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// Also used for pages labelled ISO-8859-1 or ASCII, as browsers do.
    case windows1252 = "windows-1252"
    case iso885915 = "ISO-8859-15"
}

/// Where the encoding decision came from.
package enum HTMLEncodingSource: String, Sendable, Hashable {
    case byteOrderMark = "byte-order mark"
    case metaTag = "meta tag"
    case xmlDeclaration = "XML declaration"
    case sniffed = "content sniffing"
}

/// The decoded page and how it was decoded.
package struct HTMLDecodedText: Sendable, Hashable {
    package var text: String
    package var encoding: HTMLTextEncoding
    package var source: HTMLEncodingSource
    package var warnings: [DocumentWarning]
}

/// The encoding chosen for a page, before its text is decoded. UTF-8 is a hypothesis until
/// the bytes are checked: a page that is not valid UTF-8 is read as windows-1252.
package struct HTMLEncodingDecision: Sendable, Hashable {
    package var encoding: HTMLTextEncoding
    package var source: HTMLEncodingSource
    /// Warnings about declarations that could not be used (an unknown label).
    package var warnings: [DocumentWarning]
    /// Where the text starts: after the byte-order mark, if any.
    package var textStart: Int
}

/// Finds a page's encoding and decodes it: byte-order mark, then `<meta>` in the first
/// bytes, then the XML declaration, then sniffing (valid UTF-8, else windows-1252).
package enum HTMLEncodingDetector {
    /// How many leading bytes are searched for a `<meta>` declaration.
    package static let prescanLength = 4096

    /// Maps an encoding label to an encoding, or nil when the label is unknown.
    /// UTF-16 labels (and Word's "unicode") give nil: only a byte-order mark can say UTF-16.
    package static func encoding(forLabel label: String) -> HTMLTextEncoding? {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            return .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
            "latin-1", "l1", "cp819", "ibm819", "iso-ir-100", "us-ascii", "ascii", "ansi_x3.4-1968":
            return .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9", "csisolatin9":
            return .iso885915
        default:
            return nil
        }
    }

    /// True for labels that mean UTF-16, which a byte-order mark must confirm.
    static func isUTF16Label(_ label: String) -> Bool {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return [
            "utf-16", "utf-16le", "utf-16be", "utf16", "unicode", "ucs-2", "unicodefffe", "unicodefeff",
        ]
        .contains(key)
    }

    /// Decodes the bytes of a text file (`.txt`, `.md`), which declares no encoding: a
    /// byte-order mark (UTF-8, UTF-16), else UTF-8 when the bytes are valid UTF-8, else
    /// windows-1252, as a page without declaration is sniffed.
    package static func decodeText(_ data: Data) -> HTMLDecodedText {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
                || bytes.starts(with: [0xFE, 0xFF])
            {
                return decode(bytes)
            }
            return decode(bytes, as: .utf8, source: .sniffed, warnings: [])
        }
    }

    /// Decodes a page's bytes to text.
    package static func decode(_ data: Data) -> HTMLDecodedText {
        data.withUnsafeBytes { raw in decode(raw.bindMemory(to: UInt8.self)) }
    }

    /// Decodes a page's bytes, read in place (no copy of a large page before it is decoded).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> HTMLDecodedText {
        decode(bytes, as: decide(bytes))
    }

    /// Decodes a page's bytes with the encoding decided for them.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as decision: HTMLEncodingDecision)
        -> HTMLDecodedText
    {
        decode(
            UnsafeBufferPointer(rebasing: bytes[decision.textStart...]), as: decision.encoding,
            source: decision.source, warnings: decision.warnings)
    }

    /// The encoding a page says or seems to be in: byte-order mark, then `<meta>` in the
    /// first bytes, then the XML declaration, else UTF-8 to be checked (sniffing).
    package static func decide(_ bytes: UnsafeBufferPointer<UInt8>) -> HTMLEncodingDecision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return HTMLEncodingDecision(encoding: .utf8, source: .byteOrderMark, warnings: [], textStart: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return HTMLEncodingDecision(
                encoding: .utf16LittleEndian, source: .byteOrderMark, warnings: [], textStart: 2)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return HTMLEncodingDecision(encoding: .utf16BigEndian, source: .byteOrderMark, warnings: [], textStart: 2)
        }

        var warnings: [DocumentWarning] = []
        let head = SingleByteTable.decodeWindows1252(bytes.prefix(prescanLength))
        let declarations: [(String?, HTMLEncodingSource)] = [
            (metaCharsetLabel(in: head), .metaTag), (xmlDeclarationLabel(in: head), .xmlDeclaration),
        ]
        for case (let label?, let source) in declarations {
            if let encoding = encoding(forLabel: label) {
                return HTMLEncodingDecision(encoding: encoding, source: source, warnings: warnings, textStart: 0)
            }
            if !isUTF16Label(label) {
                warnings.append(.unknownCharset(label))
            }
        }
        // Sniffing: UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise (no warning).
        return HTMLEncodingDecision(encoding: .utf8, source: .sniffed, warnings: warnings, textStart: 0)
    }

    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, as encoding: HTMLTextEncoding, source: HTMLEncodingSource,
        warnings: [DocumentWarning]
    ) -> HTMLDecodedText {
        switch encoding {
        case .utf8:
            var result = decodeDeclaredUTF8(bytes, source: source)
            result.warnings.insert(contentsOf: warnings, at: 0)
            return result
        case .windows1252:
            return HTMLDecodedText(
                text: SingleByteTable.decodeWindows1252(bytes), encoding: .windows1252, source: source,
                warnings: warnings)
        case .iso885915:
            return HTMLDecodedText(
                text: SingleByteTable.decodeISO885915(bytes), encoding: .iso885915, source: source,
                warnings: warnings)
        case .utf16LittleEndian, .utf16BigEndian:
            return HTMLDecodedText(
                text: decodeUTF16(bytes, littleEndian: encoding == .utf16LittleEndian),
                encoding: encoding,
                source: source, warnings: warnings)
        }
    }

    /// UTF-8 as declared, or windows-1252 with a warning when the bytes are not valid UTF-8.
    private static func decodeDeclaredUTF8(_ bytes: UnsafeBufferPointer<UInt8>, source: HTMLEncodingSource)
        -> HTMLDecodedText
    {
        if let text = String(validating: bytes, as: UTF8.self) {
            return HTMLDecodedText(text: text, encoding: .utf8, source: source, warnings: [])
        }
        if source == .sniffed {
            return HTMLDecodedText(
                text: SingleByteTable.decodeWindows1252(bytes), encoding: .windows1252, source: source,
                warnings: [])
        }
        return HTMLDecodedText(
            text: SingleByteTable.decodeWindows1252(bytes), encoding: .windows1252, source: source,
            warnings: [.invalidUTF8(declaredIn: source.rawValue)])
    }

    private static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    // MARK: - Declarations

    /// The charset label of the first `<meta charset>` or `<meta http-equiv=Content-Type>`.
    static func metaCharsetLabel(in head: String) -> String? {
        let lower = head.lowercased()
        var searchStart = lower.startIndex
        while let open = lower.range(of: "<meta", range: searchStart..<lower.endIndex) {
            let tagEnd = lower[open.upperBound...].firstIndex(of: ">") ?? lower.endIndex
            let attributes = TagAttributeScanner.attributes(in: lower[open.upperBound..<tagEnd])
            if let charset = attributes["charset"], !charset.isEmpty {
                return charset
            }
            if attributes["http-equiv"] == "content-type", let content = attributes["content"],
                let label = charsetParameter(in: content)
            {
                return label
            }
            searchStart = tagEnd
        }
        return nil
    }

    /// The `encoding` of an XML declaration at the very start (after whitespace).
    static func xmlDeclarationLabel(in head: String) -> String? {
        let trimmed = head.drop(while: { $0.isWhitespace })
        guard trimmed.hasPrefix("<?xml") else { return nil }
        let end = trimmed.range(of: "?>")?.lowerBound ?? trimmed.endIndex
        let attributes = TagAttributeScanner.attributes(
            in: trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<end])
        return attributes["encoding"]
    }

    /// `charset=…` inside a Content-Type value.
    static func charsetParameter(in content: String) -> String? {
        let lower = content.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let label = rest.prefix(while: { !($0 == ";" || $0 == "\"" || $0 == "'" || $0.isWhitespace) })
        return label.isEmpty ? nil : String(label)
    }
}

/// Reads `name="value"`, `name='value'`, `name=value` and bare names from a tag's inside.
enum TagAttributeScanner {
    static func attributes(in text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        func skipSpace() {
            while index < text.endIndex, text[index].isWhitespace || text[index] == "/" {
                index = text.index(after: index)
            }
        }
        while true {
            skipSpace()
            guard index < text.endIndex else { break }
            let nameStart = index
            while index < text.endIndex, !text[index].isWhitespace, text[index] != "=", text[index] != "/" {
                index = text.index(after: index)
            }
            let name = String(text[nameStart..<index])
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            var value = ""
            if index < text.endIndex, text[index] == "=" {
                index = text.index(after: index)
                while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
                if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    index = text.index(after: index)
                    let valueStart = index
                    while index < text.endIndex, text[index] != quote { index = text.index(after: index) }
                    value = String(text[valueStart..<index])
                    if index < text.endIndex { index = text.index(after: index) }
                } else {
                    let valueStart = index
                    while index < text.endIndex, !text[index].isWhitespace {
                        index = text.index(after: index)
                    }
                    value = String(text[valueStart..<index])
                }
            }
            if name.isEmpty {
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if result[name] == nil { result[name] = value }
        }
        return result
    }
}
