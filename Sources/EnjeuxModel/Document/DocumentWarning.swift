/// A problem that did not stop a document from being read, as data: what happened (a stable
/// `code`), the values it names, and an English sentence for the console (`message`). The
/// files people read word it in French from the case (`EnjeuxEvidence`'s `FrenchReasons`);
/// `run.json` keeps the code, the values and the English sentence.
public enum DocumentWarning: Sendable, Hashable {
    /// The file's name promises another format than its bytes hold (a `.pdf` holding HTML):
    /// the extension as named and the format read (`pdf`, `html`, `mhtml`).
    case misnamed(fileExtension: String, contains: String)
    /// A PDF page poppler could not open (1-based).
    case unreadablePage(Int)
    /// A PDF without any text: most likely a scan.
    case noTextLayer
    /// A web page in which no main content was found.
    case noMainContent
    /// A `charset` label in the page that names no known encoding.
    case unknownCharset(String)
    /// The page declares UTF-8 (in its `<meta>` tag or XML declaration, named by `declaredIn`)
    /// but its bytes are not valid UTF-8: it was decoded as windows-1252.
    case invalidUTF8(declaredIn: String)
    /// Elements nested deeper than `depth` were dropped.
    case nestingTooDeep(depth: Int)
    /// The web archive ends without its closing boundary: the page may be truncated.
    case truncatedWebArchive
    /// The web archive has more parts than `limit`: only the first were read.
    case tooManyWebArchiveParts(limit: Int)
    /// The web archive declares UTF-8 but its page is not valid UTF-8.
    case webArchiveInvalidUTF8
    /// The web archive's `charset` names no known encoding.
    case webArchiveUnknownCharset(String)
    /// A macro-enabled Word document (`.docm`): its text was read, its macros never run.
    case macrosNotRun
    /// A word-processing or text file without any text.
    case noText
    /// A Markdown file whose front matter is not a YAML mapping: read as text.
    case invalidFrontMatter
    /// OCR of a page (1-based) was stopped by the page time limit (seconds): the text found by
    /// then is kept.
    case ocrPageTimedOut(page: Int, seconds: Int)
    /// Tesseract's language data (`fra+eng`) could not be loaded: pages that needed OCR have no text.
    case ocrUnavailable(languages: String)
    /// A page (1-based) whose text layer is unusable (garbled characters) and was not replaced
    /// by OCR (`--ocr never`, or OCR found nothing better).
    case unusableTextLayer(page: Int)
    /// A warning known only by its English text (written by an earlier version, or of an
    /// unknown code).
    case other(String)

    /// Short machine-friendly code, stable across versions (`unreadable_page`).
    public var code: String {
        switch self {
        case .misnamed: "misnamed"
        case .unreadablePage: "unreadable_page"
        case .noTextLayer: "no_text_layer"
        case .noMainContent: "no_main_content"
        case .unknownCharset: "unknown_charset"
        case .invalidUTF8: "invalid_utf8"
        case .nestingTooDeep: "nesting_too_deep"
        case .truncatedWebArchive: "truncated_web_archive"
        case .tooManyWebArchiveParts: "too_many_web_archive_parts"
        case .webArchiveInvalidUTF8: "web_archive_invalid_utf8"
        case .webArchiveUnknownCharset: "web_archive_unknown_charset"
        case .macrosNotRun: "macros_not_run"
        case .noText: "no_text"
        case .invalidFrontMatter: "invalid_front_matter"
        case .ocrPageTimedOut: "ocr_page_timed_out"
        case .ocrUnavailable: "ocr_unavailable"
        case .unusableTextLayer: "unusable_text_layer"
        case .other: "other"
        }
    }

    /// The values the warning names, by name (empty for most).
    public var values: [String: String] {
        switch self {
        case .misnamed(let fileExtension, let contains): ["extension": fileExtension, "contains": contains]
        case .unreadablePage(let page): ["page": String(page)]
        case .unknownCharset(let label), .webArchiveUnknownCharset(let label): ["label": label]
        case .invalidUTF8(let declaredIn): ["declaration": declaredIn]
        case .nestingTooDeep(let depth): ["depth": String(depth)]
        case .ocrPageTimedOut(let page, let seconds): ["page": String(page), "seconds": String(seconds)]
        case .ocrUnavailable(let languages): ["languages": languages]
        case .unusableTextLayer(let page): ["page": String(page)]
        case .tooManyWebArchiveParts(let limit): ["limit": String(limit)]
        case .noTextLayer, .noMainContent, .truncatedWebArchive, .webArchiveInvalidUTF8, .macrosNotRun, .noText,
            .invalidFrontMatter, .other:
            [:]
        }
    }

    /// The English sentence, for the console and `run.json`.
    public var message: String {
        switch self {
        case .misnamed(let fileExtension, let contains):
            "file named .\(fileExtension) contains \(Self.englishName(ofFormat: contains)); read as \(contains)"
        case .unreadablePage(let page): "page \(page) could not be read"
        case .noTextLayer: "no text layer (scanned document?)"
        case .noMainContent: "no main content found"
        case .unknownCharset(let label): "unknown charset label \"\(label)\" ignored"
        case .invalidUTF8(let declaredIn):
            "declared UTF-8 (\(declaredIn)) but the bytes are not valid UTF-8: decoded as windows-1252"
        case .nestingTooDeep(let depth): "nesting too deep: elements below depth \(depth) were dropped"
        case .truncatedWebArchive: "the web archive ends without its closing boundary: the page may be truncated"
        case .tooManyWebArchiveParts(let limit):
            "the web archive has more than \(limit) parts: only the first were read"
        case .webArchiveInvalidUTF8:
            "the web archive declares UTF-8 but the page is not valid UTF-8: decoded as windows-1252"
        case .webArchiveUnknownCharset(let label): "unknown charset \"\(label)\" in the web archive ignored"
        case .macrosNotRun: "macro-enabled Word document: its text was read, its macros were not run"
        case .noText: "no text in the document"
        case .invalidFrontMatter: "front matter is not a YAML mapping: read as text"
        case .ocrPageTimedOut(let page, let seconds):
            "OCR of page \(page) stopped after \(seconds) s: the text found by then is kept"
        case .ocrUnavailable(let languages):
            "OCR unavailable (Tesseract language data \(languages) not found): pages without a usable text layer have no text"
        case .unusableTextLayer(let page): "page \(page): the text layer is garbled and was not replaced by OCR"
        case .other(let text): text
        }
    }

    /// The warning of a code and its values, as `code` and `values` give them; a code this
    /// version does not know, or values that do not fit it, give `.other(message)`.
    public init(code: String, values: [String: String], message: String) {
        self = Self.known(code: code, values: values) ?? .other(message)
    }

    private static func known(code: String, values: [String: String]) -> DocumentWarning? {
        let int = { (name: String) in values[name].flatMap { Int($0) } }
        switch code {
        case "misnamed":
            guard let fileExtension = values["extension"], let contains = values["contains"] else { return nil }
            return .misnamed(fileExtension: fileExtension, contains: contains)
        case "unreadable_page": return int("page").map { .unreadablePage($0) }
        case "no_text_layer": return .noTextLayer
        case "no_main_content": return .noMainContent
        case "unknown_charset": return values["label"].map { .unknownCharset($0) }
        case "invalid_utf8": return values["declaration"].map { .invalidUTF8(declaredIn: $0) }
        case "nesting_too_deep": return int("depth").map { .nestingTooDeep(depth: $0) }
        case "truncated_web_archive": return .truncatedWebArchive
        case "too_many_web_archive_parts": return int("limit").map { .tooManyWebArchiveParts(limit: $0) }
        case "web_archive_invalid_utf8": return .webArchiveInvalidUTF8
        case "web_archive_unknown_charset": return values["label"].map { .webArchiveUnknownCharset($0) }
        case "macros_not_run": return .macrosNotRun
        case "no_text": return .noText
        case "invalid_front_matter": return .invalidFrontMatter
        case "ocr_page_timed_out":
            guard let page = int("page"), let seconds = int("seconds") else { return nil }
            return .ocrPageTimedOut(page: page, seconds: seconds)
        case "ocr_unavailable": return values["languages"].map { .ocrUnavailable(languages: $0) }
        case "unusable_text_layer": return int("page").map { .unusableTextLayer(page: $0) }
        default: return nil
        }
    }

    /// How the English sentence names a format ("a PDF", "HTML", "a web archive (MHTML)").
    static func englishName(ofFormat format: String) -> String {
        switch format {
        case "pdf": "a PDF"
        case "html": "HTML"
        case "mhtml": "a web archive (MHTML)"
        case "docx": "a Word document"
        case "odt": "an OpenDocument text"
        case "fodt": "a flat OpenDocument text"
        case "text": "plain text"
        case "markdown": "Markdown"
        default: format
        }
    }
}
