import ScriptoriumText
import XCTest

/// The vector scan against the rule written out byte by byte, on random bytes of every value at every length
/// around the sixteen-byte steps (so the short, whole-block and overlapping-tail paths are all taken).
final class HTMLScanTests: XCTestCase {
    func flagged(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x7F || b == 0xC2 || b == 0xEF || b >= 0xF0
    }

    func testFindsTheFirstByteToLookAt() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        for length in 0...70 {
            for _ in 0..<200 {
                // Mostly clean bytes (letters, spaces, accents' continuation bytes), now and then any byte at all.
                let bytes: [UInt8] = (0..<length).map { _ in
                    let r = next()
                    return r % 23 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : [0x61, 0x20, 0x2E, 0xA9, 0xC3, 0xE2, 0x80][Int(r >> 16 % 7) % 7]
                }
                let expected = bytes.firstIndex(where: flagged) ?? bytes.count
                XCTAssertEqual(HTMLScan.cleanPrefix(bytes.span), expected, "\(bytes)")
            }
        }
        for b in 0...255 {
            for at in [0, 5, 15, 16, 17, 31, 40] {
                var bytes = [UInt8](repeating: 0x61, count: 41)
                bytes[at] = UInt8(b)
                XCTAssertEqual(HTMLScan.cleanPrefix(bytes.span), flagged(UInt8(b)) ? at : 41, "byte \(b) at \(at)")
            }
        }
    }
}
