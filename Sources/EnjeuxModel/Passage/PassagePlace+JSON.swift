import EnjeuxSupport

/// The members a passage has in both a passage file and `scores.json`: where it stands and its
/// text, under the same keys. Written and read here once for both; the rest of each object is
/// written around them in key order. (Hand-written like the rest of those two files: they are
/// the large ones.)
protocol PassagePlace {
    var index: Int { get }
    var page: Int { get }
    var endPage: Int? { get }
    var pageLabel: String? { get }
    var endPageLabel: String? { get }
    var heading: String? { get }
    var text: String { get }
}

extension Passage: PassagePlace {}
extension ScoredPassage: PassagePlace {}

extension PassagePlace {
    /// `end_page`, `end_page_label` and `heading`, which sort before the passage's id.
    func writeEndAndHeading(to writer: inout JSONWriter) {
        writer.field("end_page", endPage)
        writer.field("end_page_label", endPageLabel)
        writer.field("heading", heading)
    }

    /// `index`, `page` and `page_label`, which sort after it (in a passage file) or before the
    /// passage id (in `scores.json`).
    func writeIndexAndPage(to writer: inout JSONWriter) {
        writer.field("index", index)
        writer.field("page", page)
        writer.field("page_label", pageLabel)
    }
}

/// The place members of a passage as they are read.
struct PassagePlaceMembers {
    var index: Int?
    var page: Int?
    var endPage: Int?
    var pageLabel: String?
    var endPageLabel: String?
    var heading: String?
    var text: String?

    /// Reads the value of `key` when it is a place member; false when it is not.
    mutating func read(_ key: String, from reader: inout JSONReader) throws(JSONReadError) -> Bool {
        switch key {
        case "index": index = try reader.readInt()
        case "page": page = try reader.readInt()
        case "end_page": endPage = try reader.readOptionalInt()
        case "page_label": pageLabel = try reader.readOptionalString()
        case "end_page_label": endPageLabel = try reader.readOptionalString()
        case "heading": heading = try reader.readOptionalString()
        case "text": text = try reader.readString()
        default: return false
        }
        return true
    }

    /// The passage at this place, without tokens; throws when a required member was missing.
    func passage(id: String, blockKind: BlockKind, reader: JSONReader) throws(JSONReadError) -> Passage {
        Passage(
            id: id, index: try reader.required(index, "index"), page: try reader.required(page, "page"),
            endPage: endPage, pageLabel: pageLabel, endPageLabel: endPageLabel, heading: heading,
            blockKind: blockKind, text: try reader.required(text, "text"), tokens: [])
    }
}
