import ScriptoriumText
import XCTest

/// The vector scans against their rules written out byte by byte, on random bytes of every value at every length
/// around the sixteen-byte steps (so the short, whole-block and overlapping-tail paths are all taken).
final class TextScansTests: XCTestCase {
    func flagged(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x7F || b == 0xC2 || b == 0xEF || b >= 0xF0
    }

    /// JSON: below 0x20, `"`, `\`, and the first byte of U+2028, U+2029 or U+FEFF (not of other characters that
    /// share their lead byte, such as ’ or —).
    func jsonFlagged(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x20 || b == 0x22 || b == 0x5C { return true }
        guard i + 2 < bytes.count else { return false }
        return b == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
            || b == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF
    }

    func testJSONScanFindsTheFirstByteToEscape() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        // Pieces: clean ASCII, curly quotes and dashes (E2 80 99, E2 80 94), the three escaped characters, a BOM-like
        // near miss (EF BB BE), quotes, backslashes, controls.
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xE2, 0x80, 0x99], [0xE2, 0x80, 0x94], [0xE2, 0x80, 0xA8],
                                 [0xE2, 0x80, 0xA9], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBE], [0x22], [0x5C], [0x0A], [0x01]]
        for round in 0..<20_000 {
            var bytes: [UInt8] = Array(repeating: 0x62, count: Int(next() % 17))
            for _ in 0..<Int(next() % 12) {
                let r = next()
                bytes += r % 4 == 0 ? pieces[Int(r >> 8 % 12) % pieces.count] : [0x63, 0x64]
            }
            // Now and then a sequence cut short at the end.
            if next() % 5 == 0 && bytes.count >= 2 { bytes.removeLast(Int(next() % 2) + 1) }
            let expected = bytes.indices.first { jsonFlagged(bytes, $0) } ?? bytes.count
            XCTAssertEqual(JSONScan.cleanPrefix(bytes.span), expected, "round \(round): \(bytes)")
        }
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
