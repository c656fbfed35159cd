/// Why a document could not be extracted. Every case carries a short reason that is
/// shown to the user next to the document's path. Several cases share a `code` (the
/// situation, stable across versions); the case itself says exactly what was found, so
/// that readers' files can word it in their language (`EnjeuxEvidence`'s `FrenchReasons`).
/// A `detail` string is technical text from a library or the system, shown as it is.
public enum ExtractionFailure: Error, Sendable, Hashable {
    case emptyFile
    case notADocument(detail: String)
    /// No known format in the file's bytes (not a PDF, an HTML page or a web archive).
    case unrecognizedContent
    /// A file read as a PDF that has no `%PDF-` header.
    case missingPDFHeader
    /// poppler found no PDF in the bytes.
    case notAPDF(detail: String)
    /// libxml2 found no document in a file read as HTML.
    case notHTML
    /// A web archive (MHTML) whose structure cannot be read.
    case unreadableWebArchive(detail: String)
    /// A web archive without an HTML page: the media types found instead.
    case webArchiveWithoutPage(found: [String])
    /// A web archive whose page is empty.
    case emptyWebArchivePage
    case damaged(detail: String)
    /// A PDF without a single page poppler can open.
    case noReadablePage
    case passwordRequired
    case wrongPassword
    case timedOut(seconds: Double)
    case memoryLimitExceeded(megabytes: Int)
    case crashed(detail: String)
    case tooLarge(detail: String)
    /// More bytes than the extractor accepts: `megabytes` of `content`, over `limitMegabytes`
    /// (nil when the limit is libxml2's own).
    case overLimit(content: LimitedContent, megabytes: Int, limitMegabytes: Int?)
    case unreadable(detail: String)
    case unsupportedFormat(detail: String)
    /// A web archive whose page uses a transfer encoding (`Content-Transfer-Encoding`) that is not read.
    case unsupportedWebArchiveEncoding(encoding: String)

    /// A password-protected Word, Office or OpenDocument file, which Enjeux cannot open.
    case encrypted(Protection)
    /// A damaged file other than a PDF (a zip archive or an XML part that cannot be read).
    case damagedDocument(detail: String)
    /// A document in one of Microsoft Office's binary formats of 1997–2003 (an OLE2 container),
    /// whatever its name says.
    case oldBinaryOffice(OldOffice)
    /// A Rich Text Format document.
    case rtfDocument

    /// How a file is protected by a password.
    public enum Protection: String, Sendable, Hashable, Codable {
        /// A Word (or other Office Open XML) file encrypted by Office: an OLE2 container holding
        /// an `EncryptedPackage`.
        case office
        /// An OpenDocument file saved with a password (its manifest has `encryption-data`).
        case openDocument = "open_document"
        /// A zip archive whose entries use the zip format's own password scheme.
        case zipEntries = "zip_entries"
    }

    /// Which old binary Office program wrote a file.
    public enum OldOffice: String, Sendable, Hashable, Codable {
        case word
        case powerPoint = "powerpoint"
        case excel
        /// An OLE2 container that is none of them.
        case other
    }

    /// What an `overLimit` failure measured.
    public enum LimitedContent: String, Sendable, Hashable, Codable {
        /// The bytes of an HTML file.
        case html
        /// The bytes of a web archive.
        case webArchive = "web_archive"
        /// The text of an HTML page once decoded.
        case decodedHTML = "decoded_html"

        var englishName: String {
            switch self {
            case .html: "of HTML"
            case .webArchive: "web archive"
            case .decodedHTML: "of decoded HTML"
            }
        }
    }

    /// Short machine-friendly code (`password_required`), stable across versions.
    public var code: String {
        switch self {
        case .emptyFile: "empty_file"
        case .notADocument, .unrecognizedContent, .missingPDFHeader, .notAPDF, .notHTML, .unreadableWebArchive,
            .webArchiveWithoutPage, .emptyWebArchivePage:
            "not_a_document"
        case .damaged, .noReadablePage: "damaged"
        case .passwordRequired: "password_required"
        case .wrongPassword: "wrong_password"
        case .timedOut: "timed_out"
        case .memoryLimitExceeded: "memory_limit"
        case .crashed: "crashed"
        case .tooLarge, .overLimit: "too_large"
        case .unreadable: "unreadable"
        case .unsupportedFormat, .unsupportedWebArchiveEncoding, .oldBinaryOffice, .rtfDocument: "unsupported_format"
        case .encrypted: "encrypted"
        case .damagedDocument: "damaged"
        }
    }

    /// True when the failure follows from the file's bytes alone (and the password given), so
    /// that extracting the same bytes again would fail the same way: such a failure may be kept
    /// for a file whose SHA-256 did not change. A failure that depends on the settings or the
    /// machine (the time limit, the memory limit, a crash, a file that could not be read or an
    /// output that could not be written: permissions, a full disk) is not, and is retried at
    /// the next run.
    public var dependsOnlyOnBytes: Bool {
        switch self {
        case .timedOut, .memoryLimitExceeded, .crashed, .unreadable: false
        case .emptyFile, .notADocument, .unrecognizedContent, .missingPDFHeader, .notAPDF, .notHTML,
            .unreadableWebArchive, .webArchiveWithoutPage, .emptyWebArchivePage, .damaged, .noReadablePage,
            .passwordRequired, .wrongPassword, .tooLarge, .overLimit, .unsupportedFormat,
            .unsupportedWebArchiveEncoding, .encrypted, .damagedDocument, .oldBinaryOffice, .rtfDocument:
            true
        }
    }

    /// Human-readable reason, in English like the rest of the command-line output.
    public var reason: String {
        switch self {
        case .emptyFile: "empty file"
        case .notADocument(let detail): detail
        case .unrecognizedContent: "not a PDF (unknown content)"
        case .missingPDFHeader: "not a PDF (no %PDF- header)"
        case .notAPDF(let detail): "not a PDF (\(detail))"
        case .notHTML: "not an HTML document (libxml2 found no document)"
        case .unreadableWebArchive(let detail): "web archive (MHTML): \(detail)"
        case .webArchiveWithoutPage(let found):
            found.isEmpty
                ? "web archive (MHTML): no HTML page in the archive"
                : "web archive (MHTML): no HTML page in the archive (found \(found.joined(separator: ", ")))"
        case .emptyWebArchivePage: "web archive (MHTML) whose page is empty"
        case .damaged(let detail): "damaged or truncated PDF (\(detail))"
        case .noReadablePage: "damaged or truncated PDF (no readable page)"
        case .passwordRequired: "password required (add it to passwords.tsv in the corpus folder)"
        case .wrongPassword: "wrong password (check passwords.tsv in the corpus folder)"
        case .timedOut(let seconds): "extraction took longer than \(Int(seconds)) s and was stopped"
        case .memoryLimitExceeded(let megabytes): "extraction used more than \(megabytes) MB and was stopped"
        case .crashed(let detail): "the extractor crashed on this file (\(detail))"
        case .tooLarge(let detail): "file too large (\(detail))"
        case .overLimit(let content, let megabytes, let limit):
            "file too large (\(megabytes) MB \(content.englishName)\(limit.map { ", the limit is \($0) MB" } ?? ""))"
        case .unreadable(let detail): "cannot read the file (\(detail))"
        case .unsupportedFormat(let detail): "unsupported format (\(detail))"
        case .unsupportedWebArchiveEncoding(let encoding):
            "unsupported format (web archive (MHTML): the page's transfer encoding \"\(encoding)\" is not supported)"
        case .encrypted(.office):
            "password-protected file (Office document protected by a password; remove the password in Word or "
                + "LibreOffice and save it again)"
        case .encrypted(.openDocument):
            "password-protected file (OpenDocument file saved with a password; save it again without one to have it read)"
        case .encrypted(.zipEntries):
            "password-protected file (a zip archive whose entries are protected by a password)"
        case .damagedDocument(let detail): "damaged or truncated file (\(detail))"
        case .oldBinaryOffice(.word):
            "unsupported format (old binary Word document (.doc, Word 97–2003); convert it with LibreOffice: "
                + "soffice --headless --convert-to docx FILE)"
        case .oldBinaryOffice(.powerPoint):
            "unsupported format (old binary PowerPoint presentation (.ppt); convert it with LibreOffice: "
                + "soffice --headless --convert-to pdf FILE)"
        case .oldBinaryOffice(.excel): "unsupported format (old binary Excel workbook (.xls), not a text document)"
        case .oldBinaryOffice(.other):
            "unsupported format (an OLE2 compound file (old Microsoft Office format) that is not a document)"
        case .rtfDocument:
            "unsupported format (RTF document; convert it with LibreOffice: soffice --headless --convert-to docx FILE)"
        }
    }
}

/// A failure tied to the document it happened on.
public struct DocumentError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path of the document, relative to the corpus when known.
    public var path: String
    public var failure: ExtractionFailure

    public init(path: String, failure: ExtractionFailure) {
        self.path = path
        self.failure = failure
    }

    public var description: String { "\(path): \(failure.reason)" }
}
