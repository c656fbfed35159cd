import Foundation

/// A part's `Content-Transfer-Encoding` (RFC 2045 §6), and how its body is decoded.
package enum MIMETransferEncoding: Sendable, Hashable {
    /// `7bit`, `8bit`, `binary`, or no header: the bytes are the content.
    case identity
    case quotedPrintable
    case base64

    /// The encoding a header value names; nil for one the reader does not decode.
    package init?(header: String?) {
        switch header?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "7bit", "8bit", "binary": self = .identity
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        default: return nil
        }
    }

    /// The content of a body in this encoding.
    package func decode(_ body: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        switch self {
        case .identity: Array(body)
        case .quotedPrintable: QuotedPrintable.decode(body)
        case .base64: Base64Text.decode(body)
        }
    }
}
