import Foundation

/// The fuzzer used when libFuzzer is not linked: a deterministic loop (a fixed seed gives the
/// same inputs) that mutates the seed files (bit flips, byte changes, insertions and deletions,
/// repeated and spliced chunks, tokens of the format) and runs the target on each. Without
/// coverage feedback it finds less than libFuzzer; it is what `make fuzz` falls back on.
struct MutationLoop {
    var seeds: [Data]
    var tokens: [[UInt8]]
    var maximumLength: Int
    private var state: UInt64

    init(seeds: [Data], tokens: [[UInt8]], seed: UInt64, maximumLength: Int) {
        self.seeds = seeds.isEmpty ? [Data()] : seeds
        self.tokens = tokens
        self.maximumLength = maximumLength
        state = seed
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// The next input: a seed with one to eight mutations.
    mutating func nextInput() -> Data {
        var bytes = [UInt8](seeds[below(seeds.count)])
        for _ in 0..<(1 + below(8)) { mutate(&bytes) }
        if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
        return Data(bytes)
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = below(bytes.count + 1)
        switch below(8) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
        case 2:
            bytes.insert(contentsOf: (0..<(1 + below(8))).map { _ in UInt8(truncatingIfNeeded: next()) }, at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + below(64))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 4 where !tokens.isEmpty:
            bytes.insert(contentsOf: tokens[below(tokens.count)], at: position)
        case 5 where !bytes.isEmpty:
            // A chunk repeated: nesting, long runs.
            let start = min(position, bytes.count - 1)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(32))])
            for _ in 0..<(1 + below(16)) { bytes.insert(contentsOf: chunk, at: start) }
        case 6:
            // Spliced with another seed.
            let other = [UInt8](seeds[below(seeds.count)])
            guard !other.isEmpty else { return }
            let start = below(other.count)
            bytes.insert(contentsOf: other[start..<min(other.count, start + 1 + below(256))], at: position)
        default:
            let interesting: [UInt8] = [0x00, 0x7F, 0x80, 0xFF, 0x1B, 0x0A, 0x3C, 0x3E, 0x26, 0x22]
            bytes.insert(interesting[below(interesting.count)], at: position)
        }
    }
}
