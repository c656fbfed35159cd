import EnjeuxSupport

/// A CSL-JSON name object: absent parts left out, keys in sorted order.
extension CSLName: JSONObject {
    public static let jsonMembers: [JSONMember<CSLName>] = [
        .init("dropping-particle", \.droppingParticle), .init("family", \.family), .init("given", \.given),
        .init("literal", \.literal),
    ]

    public static var jsonBlank: CSLName { CSLName() }
}
