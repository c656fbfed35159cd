/// The scalars of a text with the class of each, the tokenizer's input.
struct ScalarText {
    var values: [UInt32]
    var classes: [ScalarClass]

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        let byteCount = text.utf8.count
        let decoded: [UInt32] =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                [UInt32](unsafeUninitializedCapacity: byteCount) { out, initialized in
                    initialized = UTF8Decoding.decode(bytes, into: out)
                }
            } ?? text.unicodeScalars.map(\.value)
        values = decoded
        classes = ScalarClass.withTable { table in
            [ScalarClass](unsafeUninitializedCapacity: decoded.count) { out, initialized in
                decoded.withUnsafeBufferPointer { values in
                    let tableCount = UInt32(table.count)
                    for k in 0..<values.count {
                        let v = values[k]
                        out[k] = v < tableCount ? table[Int(v)] : ScalarClass.of(v)
                    }
                }
                initialized = decoded.count
            }
        }
    }

    var count: Int { values.count }
}

extension ScalarText {
    /// The text between two scalar offsets.
    func string(_ start: Int, _ end: Int) -> String {
        UTF8Encoding.string(values[start..<end])
    }
}

/// Decoding of valid UTF-8 (a Swift string's storage) into scalar values.
enum UTF8Decoding {
    /// Decodes `bytes` into `out` (at least as long as `bytes`); returns the number of scalars.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var i = 0
        var k = 0
        let n = bytes.count
        while i < n {
            let b = UInt32(bytes[i])
            if b < 0x80 {
                out[k] = b
                i += 1
            } else if b < 0xE0, i + 1 < n {
                out[k] = (b & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                i += 2
            } else if b < 0xF0, i + 2 < n {
                out[k] = (b & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                i += 3
            } else if i + 3 < n {
                out[k] =
                    (b & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6
                    | (UInt32(bytes[i + 3]) & 0x3F)
                i += 4
            } else {
                out[k] = 0xFFFD
                i += 1
            }
            k += 1
        }
        return k
    }
}
