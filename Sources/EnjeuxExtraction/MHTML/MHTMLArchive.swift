import Foundation

/// Reads the HTML page of an MHTML archive (`.mhtml`, `.mht`: Chrome's and Edge's "single
/// file" pages, Internet Explorer's and Word's web archives). The archive is a MIME message,
/// usually `multipart/related`; the page is the `text/html` part the root `start` parameter
/// names, else the one at the `Snapshot-Content-Location`, else the first, looked for in
/// nested multipart bodies when the archive's own body has none. The other parts (style
/// sheets, images, frames) are skipped without being decoded, and nothing they reference is
/// read. Pure: bytes in, page out.
package enum MHTMLArchive {
    package static func page(in data: Data, limits: MIMELimits = .standard) throws(MIMEError) -> MHTMLPage {
        let result = data.withUnsafeBytes { raw -> Result<MHTMLPage, MIMEError> in
            do throws(MIMEError) {
                return .success(try page(in: raw.bindMemory(to: UInt8.self), limits: limits))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    package static func page(
        in bytes: UnsafeBufferPointer<UInt8>, limits: MIMELimits = .standard
    ) throws(MIMEError) -> MHTMLPage {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, bytes[start] == ByteSearch.carriageReturn || bytes[start] == ByteSearch.lineFeed {
            start += 1
        }
        let (headers, bodyStart) = try MIMEHeaders.parse(bytes, from: start, to: bytes.count, limits: limits)
        guard let bodyStart else { throw .unterminatedHeader }
        var reader = PartFinder(bytes: bytes, limits: limits, snapshot: headers["Snapshot-Content-Location"])
        let root = MIMEEntity(headers: headers, body: bodyStart..<bytes.count)
        let found = try reader.htmlEntity(in: root, depth: 0)
        guard let encoding = MIMETransferEncoding(header: found.entity.headers["Content-Transfer-Encoding"]) else {
            throw .unsupportedTransferEncoding(found.entity.headers["Content-Transfer-Encoding"] ?? "")
        }
        var warnings = reader.warnings
        if found.isUnterminated {
            warnings.append(.truncatedWebArchive)
        }
        let charset = found.entity.headers.contentType.parameters["charset"].flatMap { $0.isEmpty ? nil : $0 }
        let location = [reader.snapshot, found.entity.headers["Content-Location"], headers["Content-Location"]]
            .lazy.compactMap { $0 }.first { !$0.isEmpty }
        return MHTMLPage(
            html: encoding.decode(UnsafeBufferPointer(rebasing: bytes[found.entity.body])), charset: charset,
            location: location, warnings: warnings)
    }
}
