import EnjeuxModel

/// What a corpus file holds, as `FormatSniffer` tells from its bytes: a PDF, an HTML page
/// (or fragment, or text saved as `.html`), a MIME web archive around an HTML page, a Word
/// document, an OpenDocument text (zipped or flat), plain text or Markdown.
package enum FileFormat: String, Sendable, Hashable {
    case pdf
    case html
    case mhtml
    case docx
    case odt
    case flatODT = "fodt"
    case text
    case markdown

    /// The format recorded for the extracted document: a web archive is an HTML page, a flat
    /// OpenDocument text an OpenDocument text.
    package var documentFormat: DocumentFormat {
        switch self {
        case .pdf: .pdf
        case .html, .mhtml: .html
        case .docx: .docx
        case .odt, .flatODT: .odt
        case .text: .text
        case .markdown: .markdown
        }
    }

    /// The format a file's name promises (any case): `.pdf`, `.mhtml`/`.mht`, `.docx`/`.docm`,
    /// `.odt`, `.fodt`, `.txt`, `.md`/`.markdown`; anything else HTML.
    package init(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "pdf": self = .pdf
        case "mhtml", "mht": self = .mhtml
        case "docx", "docm", "dotx", "dotm": self = .docx
        case "odt", "ott": self = .odt
        case "fodt": self = .flatODT
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        default: self = .html
        }
    }

    /// How a warning names what a file holds ("a PDF", "HTML", "a Word document").
    package var description: String {
        switch self {
        case .pdf: "a PDF"
        case .html: "HTML"
        case .mhtml: "a web archive (MHTML)"
        case .docx: "a Word document"
        case .odt: "an OpenDocument text"
        case .flatODT: "a flat OpenDocument text"
        case .text: "plain text"
        case .markdown: "Markdown"
        }
    }

    /// True for formats read from a zip archive, whose kind is decided by what the archive holds.
    var isZipArchive: Bool { self == .docx || self == .odt }
}
