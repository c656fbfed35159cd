import EnjeuxCore

/// Normalised and stemmed forms of the token surfaces already analysed in one session, so a
/// repeated word costs a hash and a comparison. Open addressing over the surfaces' scalars.
struct SurfaceCache {
    /// One slot of the open-addressing table: enough to reject most mismatches without
    /// touching the entry.
    private struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = -1
    }

    private var pool: [UInt32] = []
    private var norms: [String] = []
    private var stems: [String] = []
    private var slotIndex: [Int32] = Array(repeating: -1, count: 4096)
    private var slots: [Slot] = Array(repeating: Slot(), count: 4096)
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
            pool.withUnsafeBufferPointer { pool in
                values.withUnsafeBufferPointer { values in
                    while true {
                        let slot = slots[position]
                        if slot.length < 0 { return nil }
                        if slot.hash == hash, slot.length == length {
                            var p = Int(slot.start)
                            var same = true
                            for k in range {
                                if pool[p] != values[k] {
                                    same = false
                                    break
                                }
                                p += 1
                            }
                            if same {
                                let index = Int(slotIndex[position])
                                return (norms[index], stems[index])
                            }
                        }
                        position = (position + 1) & mask
                    }
                }
            }
        }
    }

    mutating func insert(_ values: [UInt32], _ range: Range<Int>, hash: UInt64, norm: String, stem: String) {
        if norms.count >= Self.maxEntries {
            norms.removeAll(keepingCapacity: true)
            stems.removeAll(keepingCapacity: true)
            pool.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = Slot() }
        }
        if (norms.count + 1) * 2 > slots.count { grow() }
        let slot = Slot(hash: hash, start: Int32(pool.count), length: Int32(range.count))
        pool.append(contentsOf: values[range])
        norms.append(norm)
        stems.append(stem)
        place(slot, index: Int32(norms.count - 1))
    }

    private mutating func place(_ slot: Slot, index: Int32) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[position].length >= 0 { position = (position + 1) & mask }
        slots[position] = slot
        slotIndex[position] = index
    }

    private mutating func grow() {
        let old = zip(slots, slotIndex).filter { $0.0.length >= 0 }
        slots = Array(repeating: Slot(), count: slots.count * 2)
        slotIndex = Array(repeating: -1, count: slots.count)
        for (slot, index) in old { place(slot, index: index) }
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
