import CCrypto
import Foundation

/// SHA-256 (FIPS 180-4), used for file fingerprints and stable identifiers.
///
/// The digest is computed by OpenSSL's libcrypto, which uses the processor's SHA instructions
/// where it has them (about ten times the speed of portable code on a 20 MB page). This type
/// owns the C context and frees it; it keeps value semantics (a copy of a hasher in the
/// middle of a stream goes on independently). Checked against the standard test vectors and
/// `sha256sum` in the tests.
public struct SHA256: Sendable {
    private var context: DigestContext

    public init() { context = DigestContext() }

    /// Hex digest of a byte sequence.
    public static func hex(of bytes: some Collection<UInt8>) -> String {
        if let digest = bytes.withContiguousStorageIfAvailable({ digestHex(of: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digestHex(of: $0) }
    }

    /// Hex digest of a string's UTF-8 bytes.
    public static func hex(of string: String) -> String {
        var string = string
        return string.withUTF8 { digestHex(of: UnsafeRawBufferPointer($0)) }
    }

    /// Hex digest of a file, read in chunks.
    public static func hex(ofFileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(chunk)
        }
        return hasher.finalizeHex()
    }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress, raw.count > 0 else { return }
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        context.update(base, count: raw.count)
    }

    /// The hex digest of everything given so far; the hasher then starts over, empty.
    public mutating func finalizeHex() -> String {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        var digest = [UInt8](repeating: 0, count: 32)
        context.finish(into: &digest)
        return Self.hexString(digest)
    }

    /// The 32 bytes of the digest of `raw`.
    public static func digest(of raw: UnsafeRawBufferPointer) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let status = digest.withUnsafeMutableBufferPointer { out in
            EVP_Digest(raw.baseAddress, raw.count, out.baseAddress, &length, DigestContext.algorithm, nil)
        }
        precondition(status == 1 && length == 32, "libcrypto could not compute a SHA-256 digest")
        return digest
    }

    private static func digestHex(of raw: UnsafeRawBufferPointer) -> String {
        hexString(digest(of: raw))
    }

    private static func hexString(_ digest: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: digest.count * 2) { out in
            digits.withUTF8Buffer { digits in
                for (index, byte) in digest.enumerated() {
                    out[2 * index] = digits[Int(byte >> 4)]
                    out[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
            return digest.count * 2
        }
    }
}

/// Owns one libcrypto digest context (`EVP_MD_CTX`), set up for SHA-256.
private final class DigestContext: @unchecked Sendable {
    /// The SHA-256 implementation, fetched once (fetching it on every call is slow in OpenSSL 3).
    nonisolated(unsafe) static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()

    private let pointer: OpaquePointer

    init() {
        guard let pointer = EVP_MD_CTX_new() else { fatalError("libcrypto: cannot allocate a digest context") }
        self.pointer = pointer
        start()
    }

    private init(copying other: DigestContext) {
        guard let pointer = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(pointer, other.pointer) == 1 else {
            fatalError("libcrypto: cannot copy a digest context")
        }
        self.pointer = pointer
    }

    deinit { EVP_MD_CTX_free(pointer) }

    func copy() -> DigestContext { DigestContext(copying: self) }

    func update(_ base: UnsafeRawPointer, count: Int) {
        precondition(EVP_DigestUpdate(pointer, base, count) == 1, "libcrypto: digest update failed")
    }

    func finish(into digest: inout [UInt8]) {
        var length: UInt32 = 0
        let status = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(pointer, $0.baseAddress, &length) }
        precondition(status == 1 && length == 32, "libcrypto: digest failed")
        start()
    }

    private func start() {
        precondition(EVP_DigestInit_ex(pointer, Self.algorithm, nil) == 1, "libcrypto: SHA-256 is not available")
    }
}
