import Foundation

/// Recognises a MIME web archive by its first bytes: the file opens with a header field
/// (`From: <Saved by Blink>`, `MIME-Version: 1.0`…), and its header has `MIME-Version` and a
/// `multipart/related` `Content-Type`, as Chrome, Edge, Internet Explorer and Word write them.
/// In a file named `.mhtml` or `.mht`, a multipart or HTML `Content-Type` is enough.
enum WebArchiveSniffer {
    /// How many leading bytes are read for the archive's header.
    static let headLength = 16 * 1024

    static func looksLikeWebArchive(_ data: Data, fileExtension: String) -> Bool {
        let head = Array(data.prefix(headLength))
        return head.withUnsafeBufferPointer { bytes in
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start < bytes.count, bytes[start] == ByteSearch.carriageReturn || bytes[start] == ByteSearch.lineFeed
            {
                start += 1
            }
            guard opensWithHeaderField(bytes, at: start),
                let headers = try? MIMEHeaders.parse(bytes, from: start, to: bytes.count, limits: .standard).headers
            else { return false }
            let type = headers.contentType
            if FileFormat(fileExtension: fileExtension) == .mhtml, headers["Content-Type"] != nil {
                return type.isMultipart || type.isHTML
            }
            return headers["MIME-Version"] != nil && type.mediaType == "multipart/related"
        }
    }

    /// True when a field name (printable ASCII without a colon, RFC 5322 §2.2) and a colon
    /// start at `index`.
    private static func opensWithHeaderField(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var position = index
        while position < bytes.count, position - index < 80 {
            let byte = bytes[position]
            if byte == ByteSearch.colon { return position > index }
            guard (33...126).contains(byte) else { return false }
            position += 1
        }
        return false
    }
}
