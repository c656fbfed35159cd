import EnjeuxSupport

/// One member of a `JSONObject`: its key and the property it stores, through which it is
/// both written and read.
public struct JSONMember<Root>: Sendable {
    public let name: String
    /// Whether reading an object without this member is an error.
    public let isRequired: Bool
    public let write: @Sendable (Root, inout JSONWriter) -> Void
    public let read: @Sendable (inout Root, inout JSONReader) throws(JSONReadError) -> Void

    /// A member always written; unless `required` is false, reading needs it.
    @inline(__always)
    public init<Value: JSONStorable & SendableMetatype>(
        _ key: StaticString, _ path: WritableKeyPath<Root, Value> & Sendable, required: Bool = true
    ) {
        name = key.description
        isRequired = required
        write = { root, writer in
            writer.key(literal: key)
            root[keyPath: path].write(to: &writer)
        }
        read = { (root: inout Root, reader: inout JSONReader) throws(JSONReadError) in
            root[keyPath: path] = try Value(from: &reader)
        }
    }

    /// A member left out when nil (as `encodeIfPresent` does); read as nil when absent or `null`.
    @inline(__always)
    public init<Value: JSONStorable & SendableMetatype>(
        _ key: StaticString, _ path: WritableKeyPath<Root, Value?> & Sendable
    ) {
        name = key.description
        isRequired = false
        write = { root, writer in
            guard let value = root[keyPath: path] else { return }
            writer.key(literal: key)
            value.write(to: &writer)
        }
        read = { (root: inout Root, reader: inout JSONReader) throws(JSONReadError) in
            root[keyPath: path] = try reader.readNullIfPresent() ? nil : Value(from: &reader)
        }
    }
    /// A member holding an array, read and written by code of this module (which the compiler
    /// specializes, unlike the generic `Array` conformance of EnjeuxSupport).
    @inline(__always)
    public init<Element: JSONStorable & SendableMetatype>(
        _ key: StaticString, _ path: WritableKeyPath<Root, [Element]> & Sendable, required: Bool = true
    ) {
        name = key.description
        isRequired = required
        write = { root, writer in
            writer.key(literal: key)
            writeArray(root[keyPath: path], to: &writer)
        }
        read = { (root: inout Root, reader: inout JSONReader) throws(JSONReadError) in
            root[keyPath: path] = try readArray(&reader)
        }
    }
}

extension Array {
    /// Reads the value of `key` into `root` when it names one of these members (noting it in
    /// `seen`, a bit per member); false when it names none.
    public func read<Root>(
        _ key: String, into root: inout Root, from reader: inout JSONReader, seen: inout UInt64
    ) throws(JSONReadError) -> Bool where Element == JSONMember<Root> {
        for index in indices where self[index].name == key {
            try self[index].read(&root, &reader)
            seen |= 1 << UInt64(index)
            return true
        }
        return false
    }

    /// Throws when a required member is not in `seen`.
    public func checkRequired<Root>(_ seen: UInt64, reader: JSONReader) throws(JSONReadError)
    where Element == JSONMember<Root> {
        for (index, member) in enumerated() where member.isRequired && seen & (1 << UInt64(index)) == 0 {
            throw reader.error("missing key \(member.name)")
        }
    }
}

/// Reads an array by code of this module (which the compiler specializes for `Element`).
func readArray<Element: JSONReadable>(_ reader: inout JSONReader) throws(JSONReadError) -> [Element] {
    var elements: [Element] = []
    try reader.beginArray()
    while try reader.nextElement() { elements.append(try Element(from: &reader)) }
    return elements
}

/// Writes an array by code of this module (which the compiler specializes for `Element`).
func writeArray<Element: JSONWritable>(_ elements: [Element], to writer: inout JSONWriter) {
    writer.beginArray()
    for element in elements { element.write(to: &writer) }
    writer.endArray()
}
