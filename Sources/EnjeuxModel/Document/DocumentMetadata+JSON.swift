import EnjeuxSupport

/// The `metadata` object of extracted, passage and score files: absent values left out,
/// `authors` and `keywords` always written (and empty when absent).
extension DocumentMetadata: JSONObject {
    public static let jsonMembers: [JSONMember<DocumentMetadata>] = [
        .init("authors", \.authors, required: false), .init("date", \.date),
        .init("keywords", \.keywords, required: false), .init("language", \.language), .init("producer", \.producer),
        .init("publisher", \.publisher), .init("subject", \.subject), .init("title", \.title),
        .init("title_source", \.titleSource), .init("url", \.url),
    ]

    public static var jsonBlank: DocumentMetadata { DocumentMetadata() }
}

extension TitleSource: JSONStorable {}
extension DocumentFormat: JSONStorable {}
