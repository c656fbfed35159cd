/// A failure as data, in the extraction manifest, `run.json` and the worker protocol:
/// `{"kind": "not_a_pdf", "detail": "…"}` with the case's values beside its kind. Keys are
/// single lowercase words, so that the snake_case key strategies of `JSONCoding` leave them
/// as they are (they would spell a case name such as `notAPDF` back as `notApdf`).
extension ExtractionFailure: Codable {
    private enum Keys: String, CodingKey {
        case kind, detail, seconds, megabytes, content, limit, encoding, found, protection, program
    }

    /// The case's name in the stored form (`not_a_pdf`); more precise than `code`.
    public var kind: String {
        switch self {
        case .emptyFile: "empty_file"
        case .notADocument: "not_a_document"
        case .unrecognizedContent: "unrecognized_content"
        case .missingPDFHeader: "missing_pdf_header"
        case .notAPDF: "not_a_pdf"
        case .notHTML: "not_html"
        case .unreadableWebArchive: "unreadable_web_archive"
        case .webArchiveWithoutPage: "web_archive_without_page"
        case .emptyWebArchivePage: "empty_web_archive_page"
        case .damaged: "damaged"
        case .noReadablePage: "no_readable_page"
        case .passwordRequired: "password_required"
        case .wrongPassword: "wrong_password"
        case .timedOut: "timed_out"
        case .memoryLimitExceeded: "memory_limit"
        case .crashed: "crashed"
        case .tooLarge: "too_large"
        case .overLimit: "over_limit"
        case .unreadable: "unreadable"
        case .unsupportedFormat: "unsupported_format"
        case .unsupportedWebArchiveEncoding: "unsupported_web_archive_encoding"
        case .encrypted: "encrypted"
        case .damagedDocument: "damaged_document"
        case .oldBinaryOffice: "old_binary_office"
        case .rtfDocument: "rtf_document"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .notADocument(let detail), .notAPDF(let detail), .unreadableWebArchive(let detail), .damaged(let detail),
            .crashed(let detail), .tooLarge(let detail), .unreadable(let detail), .unsupportedFormat(let detail),
            .damagedDocument(let detail):
            try container.encode(detail, forKey: .detail)
        case .encrypted(let protection): try container.encode(protection, forKey: .protection)
        case .oldBinaryOffice(let program): try container.encode(program, forKey: .program)
        case .webArchiveWithoutPage(let found): try container.encode(found, forKey: .found)
        case .timedOut(let seconds): try container.encode(seconds, forKey: .seconds)
        case .memoryLimitExceeded(let megabytes): try container.encode(megabytes, forKey: .megabytes)
        case .overLimit(let content, let megabytes, let limit):
            try container.encode(content, forKey: .content)
            try container.encode(megabytes, forKey: .megabytes)
            try container.encodeIfPresent(limit, forKey: .limit)
        case .unsupportedWebArchiveEncoding(let encoding): try container.encode(encoding, forKey: .encoding)
        case .emptyFile, .unrecognizedContent, .missingPDFHeader, .notHTML, .emptyWebArchivePage, .noReadablePage,
            .passwordRequired, .wrongPassword, .rtfDocument:
            break
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let detail = { () throws -> String in try container.decodeIfPresent(String.self, forKey: .detail) ?? "" }
        switch kind {
        case "empty_file": self = .emptyFile
        case "not_a_document": self = .notADocument(detail: try detail())
        case "unrecognized_content": self = .unrecognizedContent
        case "missing_pdf_header": self = .missingPDFHeader
        case "not_a_pdf": self = .notAPDF(detail: try detail())
        case "not_html": self = .notHTML
        case "unreadable_web_archive": self = .unreadableWebArchive(detail: try detail())
        case "web_archive_without_page":
            self = .webArchiveWithoutPage(found: try container.decodeIfPresent([String].self, forKey: .found) ?? [])
        case "empty_web_archive_page": self = .emptyWebArchivePage
        case "damaged": self = .damaged(detail: try detail())
        case "no_readable_page": self = .noReadablePage
        case "password_required": self = .passwordRequired
        case "wrong_password": self = .wrongPassword
        case "timed_out": self = .timedOut(seconds: try container.decode(Double.self, forKey: .seconds))
        case "memory_limit": self = .memoryLimitExceeded(megabytes: try container.decode(Int.self, forKey: .megabytes))
        case "crashed": self = .crashed(detail: try detail())
        case "too_large": self = .tooLarge(detail: try detail())
        case "over_limit":
            self = .overLimit(
                content: try container.decode(LimitedContent.self, forKey: .content),
                megabytes: try container.decode(Int.self, forKey: .megabytes),
                limitMegabytes: try container.decodeIfPresent(Int.self, forKey: .limit))
        case "unreadable": self = .unreadable(detail: try detail())
        case "unsupported_format": self = .unsupportedFormat(detail: try detail())
        case "encrypted": self = .encrypted(try container.decode(Protection.self, forKey: .protection))
        case "damaged_document": self = .damagedDocument(detail: try detail())
        case "old_binary_office": self = .oldBinaryOffice(try container.decode(OldOffice.self, forKey: .program))
        case "rtf_document": self = .rtfDocument
        case "unsupported_web_archive_encoding":
            self = .unsupportedWebArchiveEncoding(encoding: try container.decode(String.self, forKey: .encoding))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown extraction failure \(kind)")
        }
    }
}
