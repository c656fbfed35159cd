/// Strings interned as small integer ids, found by their UTF-8 bytes with an open-addressing
/// hash table: looking up a token's norm or stem costs one cheap hash over its bytes, with
/// no allocation and no `Hasher`.
struct TokenVocabulary: Sendable {
    /// Id returned for a string that was never interned.
    static let unknown: Int32 = -1

    /// The UTF-8 bytes of every key, one after the other.
    private var bytes: [UInt8] = []
    /// Key `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Key ids by slot (`unknown` for an empty slot); the count is a power of two.
    private var slots: [Int32] = Array(repeating: TokenVocabulary.unknown, count: 16)

    /// Number of distinct strings interned.
    var count: Int { hashes.count }

    /// The id of `string`, interning it when new.
    @discardableResult
    mutating func intern(_ string: String) -> Int32 {
        let found = id(of: string)
        if found != Self.unknown { return found }
        let id = Int32(count)
        let key = Array(string.utf8)
        let hash = key.withUnsafeBufferPointer(Self.hash)
        bytes += key
        offsets.append(bytes.count)
        hashes.append(hash)
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(id, hash: hash) }
        return id
    }

    /// The id of `string`, or `unknown`.
    func id(of string: String) -> Int32 {
        Self.withUTF8(string) { id(ofBytes: $0) }
    }

    /// The id of the string whose UTF-8 bytes are `key`, or `unknown`.
    func id(ofBytes key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate == Self.unknown { return Self.unknown }
            if hashes[Int(candidate)] == hash && keyEquals(Int(candidate), key) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with the UTF-8 bytes of `string` (without copying them for native strings).
    @inline(__always)
    static func withUTF8<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }

    private func keyEquals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id]
        guard offsets[id + 1] - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            for index in 0..<key.count where stored[start + index] != key[index] { return false }
            return true
        }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != Self.unknown { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: Self.unknown, count: capacity)
        for id in 0..<count { place(Int32(id), hash: hashes[id]) }
    }

    /// A multiply-and-rotate hash over the bytes, eight at a time (words are short: one or
    /// two rounds), with a final mix so that the low bits used for slots vary.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(key.count) &* multiplier
        guard let base = key.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= key.count {
            let chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = ((hash ^ chunk) &* multiplier).rotateLeft(by: 29)
            offset += 8
        }
        if offset < key.count {
            // The last 1 to 7 bytes, read as at most one 4-, one 2- and one 1-byte load.
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            if key.count - offset >= 4 {
                chunk = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                shift = 32
                offset += 4
            }
            if key.count - offset >= 2 {
                chunk |= UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) << shift
                shift += 16
                offset += 2
            }
            if offset < key.count { chunk |= UInt64(key[offset]) << shift }
            hash = ((hash ^ chunk) &* multiplier).rotateLeft(by: 29)
        }
        hash ^= hash >> 32
        hash = hash &* multiplier
        return hash ^ (hash >> 29)
    }
}

extension UInt64 {
    fileprivate func rotateLeft(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
