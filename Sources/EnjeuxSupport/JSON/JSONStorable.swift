import Foundation

/// A value with one hand-written JSON form, written with `JSONWriter` (keys in sorted order,
/// absent values left out: the bytes `JSONCoding` would give). Foundation's coders are far
/// slower on the large files of the pipeline, and one form per type keeps the file format in
/// one place, beside the type.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)

    /// About how many bytes the value takes, so that a whole file's buffer is sized once.
    var jsonSizeEstimate: Int { get }
}

/// A value read back from the JSON form `JSONWritable` writes; any whitespace and key order is
/// accepted and unknown keys are skipped.
public protocol JSONReadable {
    init(from reader: inout JSONReader) throws(JSONReadError)
}

/// Both directions: the one serialization of a stored type.
public typealias JSONStorable = JSONReadable & JSONWritable

extension JSONWritable {
    public var jsonSizeEstimate: Int { 4096 }

    /// The value as a whole JSON text, without a final newline.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: jsonSizeEstimate)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the value to `url` atomically, with a final newline.
    public func writeJSON(to url: URL) throws {
        try FileBytes.write(jsonBytes(), withFinalNewlineTo: url)
    }
}

extension JSONReadable {
    /// Reads a whole JSON text; anything but whitespace after the value is an error.
    public init(jsonBytes bytes: [UInt8]) throws(JSONReadError) {
        self = try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONReadError) in
            try Self(from: &reader)
        }
    }

    /// Reads a JSON file.
    public init(jsonFile url: URL) throws {
        try self.init(jsonBytes: FileBytes.read(url))
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.write(to: &writer) }
        writer.endArray()
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    public init(from reader: inout JSONReader) throws(JSONReadError) {
        self = []
        try reader.beginArray()
        while try reader.nextElement() { append(try Element(from: &reader)) }
    }
}
