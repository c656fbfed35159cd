import EnjeuxModel

/// A warning in French, for `index.html` and `run.md`: a document's warning worded from its
/// case (`DocumentWarning`), a catalog's from its problem (`CatalogProblem`), both read back
/// from the code and values of `RunWarning`. A warning known only by its English text (an
/// earlier version's record) keeps that text as its detail.
package enum FrenchWarningReasons {
    package static func reason(_ warning: RunWarning) -> FrenchReason {
        let values = warning.values ?? [:]
        if let problem = CatalogProblem(code: warning.code, values: values) {
            return reason(problem, line: values["line"].flatMap { Int($0) })
        }
        return reason(DocumentWarning(code: warning.code, values: values, message: warning.message))
    }

    package static func reason(_ warning: DocumentWarning) -> FrenchReason {
        switch warning {
        case .misnamed(let fileExtension, let contains):
            return FrenchReason(
                "nom de fichier qui annonce un autre format que son contenu",
                detail: ".\(fileExtension) qui contient \(formatName(contains)), lu comme tel")
        case .unreadablePage(let page): return FrenchReason("page illisible", detail: "page \(page)")
        case .noTextLayer: return FrenchReason("aucune couche de texte (document numérisé\(French.noBreakSpace)?)")
        case .noMainContent: return FrenchReason("aucun contenu principal trouvé")
        case .unknownCharset(let label):
            return FrenchReason("jeu de caractères inconnu, ignoré", detail: French.quoted(label))
        case .invalidUTF8(let declaredIn):
            return FrenchReason(
                "déclarée en UTF-8 mais n\(French.apostrophe)est pas de l\(French.apostrophe)UTF-8 valide"
                    + "\(French.colon)lue en windows-1252",
                detail: "déclaration" + French.colon + declarationName(declaredIn))
        case .nestingTooDeep(let depth):
            return FrenchReason(
                "éléments trop imbriqués, ignorés",
                detail: "au-delà de la profondeur \(French.integer(depth))")
        case .truncatedWebArchive:
            return FrenchReason(
                "l\(French.apostrophe)archive web se termine sans sa limite de fin\(French.colon)"
                    + "la page est peut-être tronquée")
        case .tooManyWebArchiveParts(let limit):
            return FrenchReason(
                "l\(French.apostrophe)archive web a plus de \(French.integer(limit)) parties\(French.colon)"
                    + "seules les premières ont été lues")
        case .webArchiveInvalidUTF8:
            return FrenchReason(
                "l\(French.apostrophe)archive web déclare UTF-8 mais la page n\(French.apostrophe)est pas de "
                    + "l\(French.apostrophe)UTF-8 valide\(French.colon)lue en windows-1252")
        case .webArchiveUnknownCharset(let label):
            return FrenchReason(
                "jeu de caractères inconnu dans l\(French.apostrophe)archive web, ignoré", detail: French.quoted(label))
        case .macrosNotRun:
            return FrenchReason(
                "document Word à macros\(French.colon)son texte a été lu, ses macros n\(French.apostrophe)ont pas été exécutées"
            )
        case .noText: return FrenchReason("aucun texte dans le document")
        case .invalidFrontMatter:
            return FrenchReason(
                "en-tête YAML (front matter) qui n\(French.apostrophe)est pas un dictionnaire\(French.colon)lu comme du texte"
            )
        case .ocrPageTimedOut(let page, let seconds):
            return FrenchReason(
                "OCR arrêtée par la limite de temps par page\(French.colon)le texte reconnu jusque-là est gardé",
                detail: "page \(page), après \(French.integer(seconds))\(French.noBreakSpace)s")
        case .ocrUnavailable(let languages):
            return FrenchReason(
                "OCR indisponible (données de langue de Tesseract introuvables)\(French.colon)"
                    + "les pages numérisées n\(French.apostrophe)ont pas de texte",
                detail: languages)
        case .unusableTextLayer(let page):
            return FrenchReason(
                "couche de texte illisible (caractères brouillés), non remplacée par l\(French.apostrophe)OCR",
                detail: "page \(page)")
        case .other(let text): return FrenchReason("avertissement", detail: text)
        }
    }

    package static func reason(_ problem: CatalogProblem, line: Int?) -> FrenchReason {
        let (headline, specific): (String, String?) =
            switch problem {
            case .unknownColumn(let name):
                (
                    "colonne inconnue, ignorée",
                    French.quoted(name) + French.semicolon + "colonnes lues" + French.colon
                        + CatalogCSV.columns.joined(separator: ", ")
                )
            case .extraFields(let fields, let columns):
                (
                    "champs en trop, ignorés",
                    "\(French.count(fields, "champ", "champs")) pour "
                        + French.count(columns, "colonne", "colonnes")
                )
            case .rowWithoutPath: ("ligne sans chemin, ignorée", nil)
            case .notAYear(let text): ("année illisible, ignorée", French.quoted(text))
            case .unclosedQuote: ("guillemet jamais fermé\(French.colon)la suite du fichier est ignorée", nil)
            case .invalidJSON(let detail): ("JSON invalide", detail)
            case .notAnArray: ("le fichier doit contenir un tableau d\(French.apostrophe)entrées CSL-JSON", nil)
            case .itemNotAnObject: ("entrée qui n\(French.apostrophe)est pas un objet, ignorée", nil)
            case .itemWithoutPathOrTitle, .entryWithoutPathOrTitle: ("entrée sans chemin ni titre, ignorée", nil)
            case .ambiguousFileName(let name, let documents):
                (
                    "nom de fichier porté par plusieurs documents\(French.colon)donnez le chemin complet",
                    "\(French.integer(documents)) documents nommés \(French.quoted(name))"
                )
            case .unknownPath(let path):
                ("aucun document à ce chemin dans le corpus, entrée ignorée", French.quoted(path))
            case .ambiguousTitle(let title, let documents):
                (
                    "titre porté par plusieurs documents\(French.colon)donnez un chemin",
                    "\(French.integer(documents)) documents intitulés \(French.quoted(title))"
                )
            case .unknownTitle(let title):
                ("ni chemin ni document de ce titre, entrée ignorée", French.quoted(title))
            case .unreadable(let detail): ("fichier illisible", detail)
            case .notUTF8:
                ("le fichier n\(French.apostrophe)est pas en UTF-8\(French.colon)enregistrez-le en CSV UTF-8", nil)
            }
        let place = line.map { "ligne \($0)" }
        let detail = [place, specific].compactMap { $0 }.joined(separator: French.colon)
        return FrenchReason(headline, detail: detail)
    }

    /// How a format is named after « qui contient ».
    static func formatName(_ format: String) -> String {
        switch format {
        case "pdf": "un PDF"
        case "html": "du HTML"
        case "mhtml": "une archive web (MHTML)"
        case "docx": "un document Word"
        case "odt": "un texte OpenDocument"
        case "fodt": "un texte OpenDocument à plat"
        case "text": "du texte brut"
        case "markdown": "du Markdown"
        default: French.quoted(format)
        }
    }

    /// Where a page declared its encoding (`HTMLEncodingSource`'s names).
    static func declarationName(_ source: String) -> String {
        switch source {
        case "meta tag": "balise meta"
        case "XML declaration": "déclaration XML"
        case "byte-order mark": "indicateur d\(French.apostrophe)ordre des octets"
        case "content sniffing": "analyse du contenu"
        default: source
        }
    }
}
