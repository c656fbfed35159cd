import Foundation

/// JSON encoding shared by every stage: sorted keys and no escaped slashes, so that the
/// same values always give the same bytes.
public enum JSONCoding {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }

    /// Reads and decodes a JSON file.
    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try decode(type, from: Data(contentsOf: url))
    }

    /// Encodes and writes a JSON file atomically, with a final newline.
    public static func write<T: Encodable>(_ value: T, to url: URL, pretty: Bool = false) throws {
        var data = try encode(value, pretty: pretty)
        data.append(0x0A)
        try AtomicFile.write(data, to: url)
    }
}
