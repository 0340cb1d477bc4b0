import ScriptoriumTestSupport
import Testing
@testable import ScriptoriumModel

/// The NFC pre-check that reads eight bytes at a time gives the same answer as one character at a time.
@Suite struct KnownNFCTests {
    /// The check before the eight-byte fast path: every character must be safe.
    private func reference(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                guard let width = NFCComposer.safeWidth(buf, i) else { return false }
                i += width
            }
            return true
        }
    }

    @Test func agreesWithTheCharacterByCharacterCheck() {
        let pieces = ["a", " ", "é", "’", "—", "日本", "😀", "e\u{301}", "\u{2000}", "Å", "ﬁ", "\u{0300}", "ä", "x"]
        var rng = SplitMix64(seed: 0x4E46_4301) // seeded: a failure can be repeated
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s += pieces.randomElement(using: &rng)! }
            let bytes = Array(s.utf8)
            #expect(NFCComposer.isKnownNFC(bytes) == reference(bytes), "\(s.debugDescription)")
        }
    }
}
