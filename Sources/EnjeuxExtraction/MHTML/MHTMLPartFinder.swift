import EnjeuxModel
import Foundation

/// A MIME entity: the archive itself or one of its parts.
struct MIMEEntity {
    var headers: MIMEHeaders
    var body: Range<Int>
}

/// Looks for the page among the parts of an archive, depth first, within the limits.
struct PartFinder {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: MIMELimits
    let snapshot: String?
    var warnings: [DocumentWarning] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: MIMELimits, snapshot: String?) {
        self.bytes = bytes
        self.limits = limits
        self.snapshot = snapshot.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The page entity, and whether it is the last part of a body that has no closing delimiter.
    mutating func htmlEntity(in entity: MIMEEntity, depth: Int) throws(MIMEError) -> (
        entity: MIMEEntity, isUnterminated: Bool
    ) {
        let type = entity.headers.contentType
        if type.isHTML { return (entity, false) }
        guard type.isMultipart else { throw .noHTMLPart(found: [type.mediaType]) }
        guard depth < limits.nesting else { throw .nestedTooDeep(limit: limits.nesting) }
        let multipart = try MIMEMultipart.split(
            bytes, range: entity.body, boundary: type.parameters["boundary"] ?? "", limits: limits)
        if multipart.reachedPartLimit {
            warnings.append(.tooManyWebArchiveParts(limit: limits.parts))
        }
        var parts: [MIMEEntity] = []
        var unreadable: MIMEError?
        for range in multipart.parts {
            do throws(MIMEError) {
                let (headers, bodyStart) = try MIMEHeaders.parse(
                    bytes, from: range.lowerBound, to: range.upperBound, limits: limits)
                parts.append(MIMEEntity(headers: headers, body: (bodyStart ?? range.upperBound)..<range.upperBound))
            } catch {
                // A part whose header is beyond the limits is skipped; it is reported if no page is found.
                unreadable = unreadable ?? error
            }
        }
        if let chosen = choosePage(among: parts, rootType: type) {
            let isLast = chosen == parts.count - 1
            return (parts[chosen], isLast && !multipart.isClosed)
        }
        for part in parts where part.headers.contentType.isMultipart {
            do throws(MIMEError) {
                return try htmlEntity(in: part, depth: depth + 1)
            } catch {
                if case .nestedTooDeep = error { throw error }
            }
        }
        if let unreadable { throw unreadable }
        var found: [String] = []
        for part in parts where !found.contains(part.headers.contentType.mediaType) && found.count < 5 {
            found.append(part.headers.contentType.mediaType)
        }
        throw .noHTMLPart(found: found)
    }

    /// The index of the page among the parts: the root named by `start`, else the HTML
    /// part saved from the snapshot's address, else the first HTML part.
    private func choosePage(among parts: [MIMEEntity], rootType: MIMEContentType) -> Int? {
        let pages = parts.indices.filter { parts[$0].headers.contentType.isHTML }
        if let start = rootType.parameters["start"].map(Self.contentID) {
            if let root = pages.first(where: { parts[$0].headers["Content-ID"].map(Self.contentID) == start }) {
                return root
            }
        }
        if let snapshot {
            if let saved = pages.first(where: { parts[$0].headers["Content-Location"] == snapshot }) { return saved }
        }
        return pages.first
    }

    /// A Content-ID without its angle brackets.
    private static func contentID(_ value: String) -> String {
        var id = Substring(value.trimmingCharacters(in: .whitespaces))
        if id.hasPrefix("<") { id = id.dropFirst() }
        if id.hasSuffix(">") { id = id.dropLast() }
        return String(id)
    }
}
