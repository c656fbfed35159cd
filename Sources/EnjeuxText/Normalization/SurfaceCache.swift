import EnjeuxModel

/// Normalised and stemmed forms of the token surfaces already analysed in one session, so a
/// repeated word costs a hash and a comparison. Open addressing over the surfaces' scalars.
struct SurfaceCache: Sendable {
    /// One slot of the open-addressing table: the hash rejects most mismatches without
    /// touching the entry.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var index: Int32 = -1
        var length: Int32 = 0
    }

    private struct Entry: Sendable {
        var start: Int
        var norm: String
        var stem: String
    }

    private var pool: [UInt32] = []
    private var entries: [Entry] = []
    private var slots: [Slot] = Array(repeating: Slot(), count: 256)
    private static let maxEntries = 1 << 17

    /// Hash of a surface and its kind.
    static func hash(_ values: [UInt32], _ range: Range<Int>, _ kind: TokenKind) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(kind.hashSeed)
        values.withUnsafeBufferPointer { buffer in
            for k in range { h = (h ^ UInt64(buffer[k])) &* 0x100_0000_01B3 }
        }
        return h ^ (h >> 29)
    }

    /// The cached forms of a surface, if any.
    func lookup(_ values: [UInt32], _ range: Range<Int>, hash: UInt64) -> (String, String)? {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        let length = Int32(range.count)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                pool.withUnsafeBufferPointer { pool in
                    values.withUnsafeBufferPointer { values in
                        while true {
                            let slot = slots[position]
                            if slot.index < 0 { return nil }
                            if slot.hash == hash, slot.length == length {
                                let entry = entries[Int(slot.index)]
                                var p = entry.start
                                var same = true
                                for k in range {
                                    if pool[p] != values[k] {
                                        same = false
                                        break
                                    }
                                    p += 1
                                }
                                if same { return (entry.norm, entry.stem) }
                            }
                            position = (position + 1) & mask
                        }
                    }
                }
            }
        }
    }

    mutating func insert(_ values: [UInt32], _ range: Range<Int>, hash: UInt64, norm: String, stem: String) {
        if entries.count >= Self.maxEntries {
            entries.removeAll(keepingCapacity: true)
            pool.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = Slot() }
        }
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(start: pool.count, norm: norm, stem: stem))
        pool.append(contentsOf: values[range])
        place(Slot(hash: hash, index: Int32(entries.count - 1), length: Int32(range.count)))
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[position].index >= 0 { position = (position + 1) & mask }
        slots[position] = slot
    }

    private mutating func grow() {
        let old = slots.filter { $0.index >= 0 }
        slots = Array(repeating: Slot(), count: slots.count * 2)
        for slot in old { place(slot) }
    }
}

extension TokenKind {
    fileprivate var hashSeed: UInt8 {
        switch self {
        case .word: 1
        case .number: 2
        case .punctuation: 3
        case .symbol: 4
        case .url: 5
        case .email: 6
        }
    }
}
