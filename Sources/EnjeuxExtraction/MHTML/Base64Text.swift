/// Decodes base64 as MIME bodies carry it (RFC 2045 §6.8): line breaks and any other byte
/// outside the alphabet are skipped; `=` ends a group of four (and what follows it is read
/// as a new group, for bodies that are several encodings end to end).
package enum Base64Text {
    /// The value of each byte in the alphabet, 0xFF for the others.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var group: UInt32 = 0
        var filled = 0
        func flush() {
            // 2 symbols carry 1 byte, 3 carry 2; a single symbol carries none.
            if filled >= 2 { output.append(UInt8(truncatingIfNeeded: group >> (filled == 2 ? 4 : 10))) }
            if filled == 3 { output.append(UInt8(truncatingIfNeeded: group >> 2)) }
            group = 0
            filled = 0
        }
        for byte in bytes {
            if byte == ByteSearch.equals {
                flush()
                continue
            }
            let value = values[Int(byte)]
            guard value != 0xFF else { continue }
            group = group << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                output.append(UInt8(truncatingIfNeeded: group >> 16))
                output.append(UInt8(truncatingIfNeeded: group >> 8))
                output.append(UInt8(truncatingIfNeeded: group))
                group = 0
                filled = 0
            }
        }
        flush()
        return output
    }
}
