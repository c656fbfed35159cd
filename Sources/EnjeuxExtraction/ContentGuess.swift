import Foundation

/// What a file that is not the document its name says seems to hold, in a few words, from its
/// first bytes: a known binary format by its signature, markup by its first element, JSON, or
/// "binary data". For the reason given when a file named `.html` is not a web page.
enum ContentGuess {
    /// Signatures of formats often found misnamed in a document folder.
    private static let signatures: [(bytes: [UInt8], offset: Int, name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], 0, "a PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        (Array("GIF8".utf8), 0, "a GIF image"),
        (Array("WEBP".utf8), 8, "a WebP image"),
        (Array("%!PS".utf8), 0, "a PostScript file"),
        ([0x1F, 0x8B], 0, "a gzip-compressed file"),
        (Array("BZh".utf8), 0, "a bzip2-compressed file"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0, "an xz-compressed file"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        (Array("Rar!".utf8), 0, "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "an executable program (ELF)"),
        (Array("MZ".utf8), 0, "a Windows program"),
        (Array("SQLite format 3".utf8), 0, "an SQLite database"),
        (Array("ID3".utf8), 0, "an MP3 audio file"),
        (Array("OggS".utf8), 0, "an Ogg audio or video file"),
        (Array("ftyp".utf8), 4, "an MP4 or QuickTime video"),
        (Array("%PDF-".utf8), 0, "a PDF document"),
    ]

    static func describe(_ data: Data) -> String {
        let head = Array(data.prefix(4096))
        for signature in signatures {
            let end = signature.offset + signature.bytes.count
            if head.count >= end, head[signature.offset..<end].elementsEqual(signature.bytes) {
                return signature.name
            }
        }
        let text = FormatSniffer.decodedHead(data)
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && !["\t", "\n", "\r", "\u{0C}"].contains($0) }) {
            return "binary data"
        }
        var rest = Substring(text).drop(while: \.isWhitespace)
        if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") {
            rest = rest[end.upperBound...].drop(while: \.isWhitespace)
        }
        while rest.hasPrefix("<!"), let end = rest.firstIndex(of: ">") {
            rest = rest[rest.index(after: end)...].drop(while: \.isWhitespace)
        }
        if rest.hasPrefix("<") {
            let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" }
            guard !name.isEmpty else { return "text that opens with markup" }
            switch name.lowercased() {
            case "rss", "feed", "rdf:rdf": return "a news feed (XML <\(name)>)"
            case "svg": return "an SVG image"
            default: return "XML whose root element is <\(name)>"
            }
        }
        if rest.hasPrefix("{") || rest.hasPrefix("[") { return "JSON data" }
        return "text"
    }
}
