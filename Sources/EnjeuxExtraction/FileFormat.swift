import EnjeuxModel

/// What a corpus file holds, as `FormatSniffer` tells from its bytes: a PDF, an HTML page
/// (or fragment, or text saved as `.html`), or a MIME web archive around an HTML page.
package enum FileFormat: String, Sendable, Hashable {
    case pdf
    case html
    case mhtml

    /// The format recorded for the extracted document: a web archive is an HTML page.
    package var documentFormat: DocumentFormat {
        switch self {
        case .pdf: .pdf
        case .html, .mhtml: .html
        }
    }

    /// The format a file's name promises: `.pdf`, `.mhtml` or `.mht`, anything else HTML.
    package init(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "pdf": self = .pdf
        case "mhtml", "mht": self = .mhtml
        default: self = .html
        }
    }

    /// How a warning names what a file holds ("a PDF", "HTML", "a web archive (MHTML)").
    package var description: String {
        switch self {
        case .pdf: "a PDF"
        case .html: "HTML"
        case .mhtml: "a web archive (MHTML)"
        }
    }
}
