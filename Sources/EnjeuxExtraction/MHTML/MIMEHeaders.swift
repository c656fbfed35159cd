import Foundation

/// One field of a MIME header block, its value unfolded and trimmed.
package struct MIMEHeaderField: Sendable, Hashable {
    package var name: String
    package var value: String
}

/// A MIME header block (RFC 5322 syntax, as MHTML archives use it): fields in order, found
/// by name without regard to case. Folded lines (a line that starts with a space or a tab
/// continues the field above) are unfolded; CRLF and bare LF line ends are both accepted.
package struct MIMEHeaders: Sendable, Hashable {
    package var fields: [MIMEHeaderField]

    package init(fields: [MIMEHeaderField] = []) {
        self.fields = fields
    }

    /// The value of the first field with this name (case ignored).
    package subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The parsed `Content-Type`, `text/plain` when absent (RFC 2045's default).
    package var contentType: MIMEContentType {
        MIMEContentType(parsing: self["Content-Type"] ?? "text/plain")
    }

    /// Reads the header block that starts at `start`. Returns the headers and where the body
    /// starts (after the blank line), or nil for the body when the bytes end before a blank
    /// line. Lines with no colon are skipped.
    package static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, limits: MIMELimits
    ) throws(MIMEError) -> (headers: MIMEHeaders, bodyStart: Int?) {
        var fields: [MIMEHeaderField] = []
        var current: (name: String, value: [UInt8])?
        var position = start
        func finishField() {
            guard let field = current else { return }
            let value = String(decoding: field.value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append(MIMEHeaderField(name: field.name, value: value))
            current = nil
        }
        while position < end {
            let searchEnd = min(end, position + limits.headerFieldBytes + 2)
            let lineFeed = ByteSearch.index(of: ByteSearch.lineFeed, in: bytes, from: position, to: searchEnd)
            guard lineFeed != nil || searchEnd == end else { throw .headerTooLong(limit: limits.headerFieldBytes) }
            let next = lineFeed.map { $0 + 1 } ?? end
            var lineEnd = lineFeed ?? end
            if lineEnd > position, bytes[lineEnd - 1] == ByteSearch.carriageReturn { lineEnd -= 1 }
            guard next - start <= limits.headerBlockBytes else {
                throw .headerTooLong(limit: limits.headerBlockBytes)
            }
            let line = UnsafeBufferPointer(rebasing: bytes[position..<lineEnd])
            position = next
            if line.isEmpty {
                finishField()
                return (MIMEHeaders(fields: fields), lineFeed == nil ? nil : next)
            }
            if line[0] == ByteSearch.space || line[0] == ByteSearch.tab {
                // A folded line: the line break goes, the white space stays.
                guard current != nil else { continue }
                current?.value.append(contentsOf: line)
                if (current?.value.count ?? 0) > limits.headerFieldBytes {
                    throw .headerTooLong(limit: limits.headerFieldBytes)
                }
                continue
            }
            finishField()
            guard let colon = line.firstIndex(of: ByteSearch.colon), colon > 0 else { continue }
            guard fields.count < limits.headerFields else { throw .tooManyHeaderFields(limit: limits.headerFields) }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            current = (name, Array(line[(colon + 1)...]))
        }
        finishField()
        return (MIMEHeaders(fields: fields), nil)
    }
}
