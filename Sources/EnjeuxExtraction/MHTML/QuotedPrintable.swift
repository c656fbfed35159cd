/// Decodes quoted-printable bytes (RFC 2045 §6.7): `=XX` is the byte of hex value XX (either
/// case), `=` at a line's end (after optional white space) is a soft line break and goes. A
/// `=` followed by anything else is kept as it is, as mail readers do.
package enum QuotedPrintable {
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte == ByteSearch.equals else {
                output.append(byte)
                index += 1
                continue
            }
            var after = index + 1
            while after < count, bytes[after] == ByteSearch.space || bytes[after] == ByteSearch.tab { after += 1 }
            if after == count {
                index = count
            } else if bytes[after] == ByteSearch.lineFeed {
                index = after + 1
            } else if bytes[after] == ByteSearch.carriageReturn {
                index = after + 1 < count && bytes[after + 1] == ByteSearch.lineFeed ? after + 2 : after + 1
            } else if index + 2 < count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
