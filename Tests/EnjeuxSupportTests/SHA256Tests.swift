import EnjeuxSupport
import Foundation
import Testing

@Suite struct SHA256Tests {
    @Test func standardVectors() {
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func millionA() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for split in [0, 1, 63, 64, 65, 500, 999] {
            var hasher = SHA256()
            hasher.update(Array(bytes[..<split]))
            hasher.update(Array(bytes[split...]))
            #expect(hasher.finalizeHex() == SHA256.hex(of: bytes))
        }
    }

    @Test func copiesGoOnIndependentlyAndFinishingStartsOver() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        first.update(Array("c".utf8))
        second.update(Array("d".utf8))
        #expect(first.finalizeHex() == SHA256.hex(of: "abc"))
        #expect(second.finalizeHex() == SHA256.hex(of: "abd"))
        first.update(Array("abc".utf8))
        #expect(first.finalizeHex() == SHA256.hex(of: "abc"))
    }

    @Test func slicesAndNonContiguousCollectionsHashTheirBytes() {
        let bytes = Array("xabcx".utf8)
        #expect(SHA256.hex(of: bytes[1..<4]) == SHA256.hex(of: "abc"))
        #expect(SHA256.hex(of: "abc".utf8.reversed().reversed()) == SHA256.hex(of: "abc"))
    }
}
