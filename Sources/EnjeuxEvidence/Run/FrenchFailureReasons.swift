import EnjeuxModel

/// Why a document could not be read, in French, for `index.html`, `run.md` and the issues'
/// Markdown: worded from the failure's case (every case has its sentence: adding a case
/// without one does not compile), or, for records written before the case was kept, from its
/// code. A `detail` that a library or the system wrote (poppler's message, an error of the
/// file system) is technical text, shown as it is.
package enum FrenchFailureReasons {
    package static func reason(_ failure: RunFailure) -> FrenchReason {
        guard let known = failure.failure else { return byCode(failure.code, english: failure.reason) }
        return reason(known)
    }

    package static func reason(_ failure: ExtractionFailure) -> FrenchReason {
        let notAPDF = "n\(French.apostrophe)est pas un PDF"
        let webArchive = "archive web (MHTML)"
        switch failure {
        case .emptyFile: return FrenchReason("fichier vide")
        case .notADocument(let detail):
            return FrenchReason("n\(French.apostrophe)est pas un document lisible", detail: detail)
        case .unrecognizedContent: return FrenchReason(notAPDF, detail: "contenu inconnu")
        case .missingPDFHeader: return FrenchReason(notAPDF, detail: "pas d\(French.apostrophe)en-tête %PDF-")
        case .notAPDF(let detail): return FrenchReason(notAPDF, detail: detail)
        case .notHTML:
            return FrenchReason(
                "n\(French.apostrophe)est pas une page HTML",
                detail: "libxml2 n\(French.apostrophe)y trouve aucun document")
        case .unreadableWebArchive(let detail): return FrenchReason("\(webArchive) illisible", detail: detail)
        case .webArchiveWithoutPage(let found):
            let types = found.isEmpty ? nil : "elle contient" + French.colon + found.joined(separator: ", ")
            return FrenchReason("\(webArchive) sans page HTML", detail: types)
        case .emptyWebArchivePage: return FrenchReason("\(webArchive) dont la page est vide")
        case .damaged(let detail): return FrenchReason("PDF endommagé ou tronqué", detail: detail)
        case .noReadablePage: return FrenchReason("PDF endommagé ou tronqué", detail: "aucune page lisible")
        case .passwordRequired:
            return FrenchReason(
                "mot de passe requis (ajoutez-le à passwords.tsv dans le dossier du corpus)")
        case .wrongPassword:
            return FrenchReason("mot de passe erroné (vérifiez passwords.tsv dans le dossier du corpus)")
        case .timedOut(let seconds):
            return FrenchReason(
                "l\(French.apostrophe)extraction a pris plus de \(French.integer(Int(seconds)))\(French.noBreakSpace)s "
                    + "et a été arrêtée")
        case .memoryLimitExceeded(let megabytes):
            return FrenchReason(
                "l\(French.apostrophe)extraction a utilisé plus de \(French.integer(megabytes))\(French.noBreakSpace)Mo "
                    + "de mémoire et a été arrêtée")
        case .crashed(let detail):
            return FrenchReason(
                "l\(French.apostrophe)extracteur s\(French.apostrophe)est arrêté brutalement sur ce fichier",
                detail: detail)
        case .tooLarge(let detail): return FrenchReason("fichier trop volumineux", detail: detail)
        case .overLimit(let content, let megabytes, let limit):
            let size = "\(French.integer(megabytes))\(French.noBreakSpace)Mo"
            var detail =
                switch content {
                case .html: "\(size) de HTML"
                case .webArchive: "\(webArchive) de \(size)"
                case .decodedHTML: "\(size) de HTML une fois décodé"
                }
            if let limit { detail += ", la limite est de \(French.integer(limit))\(French.noBreakSpace)Mo" }
            return FrenchReason("fichier trop volumineux", detail: detail)
        case .unreadable(let detail): return FrenchReason("fichier illisible", detail: detail)
        case .unsupportedFormat(let detail): return FrenchReason("format non pris en charge", detail: detail)
        case .encrypted(.office):
            return FrenchReason(
                "document Office protégé par un mot de passe",
                detail: "retirez le mot de passe dans Word ou LibreOffice et enregistrez-le de nouveau")
        case .encrypted(.openDocument):
            return FrenchReason(
                "document OpenDocument protégé par un mot de passe",
                detail: "enregistrez-le de nouveau sans mot de passe")
        case .encrypted(.zipEntries):
            return FrenchReason("archive zip dont les fichiers sont protégés par un mot de passe")
        case .damagedDocument(let detail): return FrenchReason("fichier endommagé ou tronqué", detail: detail)
        case .oldBinaryOffice(.word):
            return FrenchReason(
                "ancien document Word binaire (.doc, Word 97–2003)",
                detail: "à convertir avec LibreOffice" + French.colon + "soffice --headless --convert-to docx FICHIER")
        case .oldBinaryOffice(.powerPoint):
            return FrenchReason(
                "ancienne présentation PowerPoint binaire (.ppt)",
                detail: "à convertir en PDF avec LibreOffice" + French.colon
                    + "soffice --headless --convert-to pdf FICHIER")
        case .oldBinaryOffice(.excel):
            return FrenchReason(
                "ancien classeur Excel binaire (.xls), qui n\(French.apostrophe)est pas un document texte")
        case .oldBinaryOffice(.other):
            return FrenchReason(
                "fichier OLE2 (ancien format Microsoft Office) qui n\(French.apostrophe)est pas un document")
        case .rtfDocument:
            return FrenchReason(
                "document RTF",
                detail: "à convertir avec LibreOffice" + French.colon + "soffice --headless --convert-to docx FICHIER")
        case .unsupportedWebArchiveEncoding(let encoding):
            return FrenchReason(
                "format non pris en charge",
                detail: "\(webArchive) dont la page a un codage de transfert non pris en charge, "
                    + French.quoted(encoding))
        }
    }

    /// A failure known only by its code and English reason (a record of an earlier version):
    /// the code's sentence, the English reason as the detail.
    static func byCode(_ code: String, english: String) -> FrenchReason {
        let headline =
            switch code {
            case "empty_file": "fichier vide"
            case "not_a_document": "n\(French.apostrophe)est pas un document lisible"
            case "damaged": "fichier endommagé ou tronqué"
            case "password_required": "mot de passe requis (ajoutez-le à passwords.tsv dans le dossier du corpus)"
            case "wrong_password": "mot de passe erroné (vérifiez passwords.tsv dans le dossier du corpus)"
            case "timed_out": "extraction trop longue, arrêtée"
            case "memory_limit": "extraction arrêtée\(French.colon)trop de mémoire utilisée"
            case "crashed": "l\(French.apostrophe)extracteur s\(French.apostrophe)est arrêté brutalement sur ce fichier"
            case "too_large": "fichier trop volumineux"
            case "unreadable": "fichier illisible"
            case "unsupported_format": "format non pris en charge"
            case "encrypted": "fichier protégé par un mot de passe"
            default: "document illisible"
            }
        let detailed = ["empty_file", "password_required", "wrong_password"].contains(code)
        return FrenchReason(headline, detail: detailed ? nil : english)
    }
}
