import EnjeuxSupport

/// A type stored as one JSON object whose members are its properties, listed once in
/// `jsonMembers` (in key order, the order they are written in): the list serves both to
/// write and to read them, so the two cannot disagree.
public protocol JSONObject: JSONStorable {
    static var jsonMembers: [JSONMember<Self>] { get }
    /// The value the members read are set on: what a member that may be absent is when it is.
    static var jsonBlank: Self { get }
}

extension JSONObject {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for member in Self.jsonMembers { member.write(self, &writer) }
        writer.endObject()
    }

    public init(from reader: inout JSONReader) throws(JSONReadError) {
        let members = Self.jsonMembers
        var value = Self.jsonBlank
        var seen: UInt64 = 0
        try reader.beginObject()
        while let key = try reader.nextKey() {
            if try !members.read(key, into: &value, from: &reader, seen: &seen) { try reader.skipValue() }
        }
        try members.checkRequired(seen, reader: reader)
        self = value
    }
}
