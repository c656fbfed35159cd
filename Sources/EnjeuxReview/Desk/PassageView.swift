import EnjeuxEvidence
import EnjeuxModel

/// A piece of a passage's text, marked when a term matched it (the page builds it with
/// `textContent`, never as HTML).
struct TextPiece: Encodable, Sendable, Hashable {
    var text: String
    var mark: Bool
}

/// A passage as the pages show it: the quote with its matched terms, the citation with its
/// page, the link to the source, the flags, the judgment in force and why the list put it there.
struct PassageView: Encodable, Sendable {
    var id: String
    var documentId: String
    var source: String
    var rank: Int?
    var score: Double?
    var pieces: [TextPiece]
    var citation: String
    var reference: String
    /// `source, p. 3` (or `§ 12`, or the source alone).
    var place: String
    /// The link that opens the source document (at the page of a PDF).
    var link: String
    var heading: String?
    var terms: [String]
    /// « à vérifier », OCR and the document's other warnings, in French.
    var flags: [String]
    var grade: Int?
    var note: String?
    var probability: Double?
    var reasons: [String]
    var inBasket: Bool
    /// Proposed by « à juger ensuite » because the model is unsure.
    var uncertain: Bool?
    /// A candidate of the issue shown (false for a search result the lexicon did not list).
    var listed: Bool?

    /// `passage` of the run, with its matches for the issue shown.
    static func make(
        _ passage: ScoredPassage, matches: [TermMatch], rank: Int?, score: Double?, corpus: ReviewCorpus,
        token: String
    ) -> PassageView {
        let document = corpus.documents[passage.documentId]
        let source = document?.source ?? passage.documentId
        let location = PageLocation(passage: passage, format: document?.format)
        let citation = Citation.make(document: document, source: source, location: location)
        var flags: [String] = []
        if citation.needsCheck { flags.append("Citation à vérifier (métadonnées incomplètes)") }
        for warning in document?.warnings ?? [] {
            flags.append(FrenchWarningReasons.reason(warning).headline)
        }
        var seenTerms = Set<String>()
        let terms = matches.map(\.term).filter { seenTerms.insert($0).inserted }
        var link = "/source?path=" + SourceLinks.queryEncoded(source) + "&token=" + token
        if location.isPaged { link += "#page=\(passage.page)" }
        return PassageView(
            id: passage.passageId, documentId: passage.documentId, source: source, rank: rank, score: score,
            pieces: pieces(passage.text, matches: matches), citation: citation.inText, reference: citation.reference,
            place: location.citationText.map { "\(source), \($0)" } ?? source, link: link, heading: passage.heading,
            terms: terms, flags: flags, grade: nil, note: nil, probability: nil, reasons: [], inBasket: false)
    }

    /// The text cut into plain and marked pieces (matches are offsets in Unicode scalars).
    static func pieces(_ text: String, matches: [TermMatch]) -> [TextPiece] {
        let scalars = Array(text.unicodeScalars)
        let ranges = matches.map {
            max(0, min($0.start, scalars.count))..<max(0, min(max($0.start, $0.end), scalars.count))
        }
        .filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var pieces: [TextPiece] = []
        var position = 0
        func slice(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        for range in merged {
            if position < range.lowerBound {
                pieces.append(TextPiece(text: slice(position..<range.lowerBound), mark: false))
            }
            pieces.append(TextPiece(text: slice(range), mark: true))
            position = range.upperBound
        }
        if position < scalars.count { pieces.append(TextPiece(text: slice(position..<scalars.count), mark: false)) }
        return pieces
    }
}

extension SourceLinks {
    /// A corpus path as a query value: every byte but unreserved characters percent-encoded.
    static func queryEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
