import Foundation

/// The names of a folder's entries as the file system stores them (bytes, not necessarily
/// UTF-8), read with `readdir`, without `.` and `..`. `FileManager` cannot represent a name
/// that is not valid UTF-8; reading the bytes lets the scanner report such a file instead of
/// losing it.
enum RawDirectory {
    struct ReadError: Error {
        var reason: String
    }

    static func names(at path: String) throws(ReadError) -> [[UInt8]] {
        guard let directory = opendir(path) else { throw ReadError(reason: String(cString: strerror(errno))) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            var field = entry.pointee.d_name
            let name = withUnsafeBytes(of: &field) { raw in
                let end = raw.firstIndex(of: 0) ?? raw.count
                return Array(raw[..<end])
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    /// A name's text when it is valid UTF-8, nil otherwise.
    static func text(of name: [UInt8]) -> String? {
        String(validating: name, as: UTF8.self)
    }

    /// A lossless, printable form of a name that is not valid UTF-8: the valid parts as they
    /// are, every other byte as `\xNN` (and a backslash as `\\`, so that the form reads back).
    static func escapedText(of name: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < name.count {
            let length = validSequenceLength(name, at: index)
            if length > 0 {
                let scalarText = String(decoding: name[index..<(index + length)], as: UTF8.self)
                out += scalarText == "\\" ? "\\\\" : scalarText
                index += length
            } else {
                out += "\\x" + String(name[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when the byte there does not start one.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
