@testable import ScriptoriumHTML
import XCTest

/// The eight-bytes-at-a-time escaper against a plain one that looks at one character at a time, on random texts
/// built from characters that need escaping or replacing and characters that do not, at every offset in a word.
final class HTMLBytesTests: XCTestCase {
    /// The rule, one scalar at a time.
    func reference(_ text: String, attribute: Bool) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var k = 0
        while k < scalars.count {
            let c = scalars[k]
            switch c.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += attribute ? "&quot;" : "\""
            case 0x0D:
                out += "\n"
                if k + 1 < scalars.count && scalars[k + 1] == "\n" { k += 1 }
            case 0x09, 0x0A: out.unicodeScalars.append(c)
            case 0..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: out += "\u{FFFD}"
            case let v where v & 0xFFFE == 0xFFFE: out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
            k += 1
        }
        return out
    }

    func testMatchesTheCharacterByCharacterRule() {
        let pieces: [String] = ["a", "b", " ", "&", "<", ">", "\"", "'", "é", "’", "\u{85}", "\u{7F}", "\u{1}", "\t", "\n", "\r",
                                "\r\n", String(Unicode.Scalar(0xFDD0)!), String(Unicode.Scalar(0xFFFE)!),
                                String(Unicode.Scalar(0x1FFFF)!), "😀", "\u{A0}",
                                // lead bytes the fast path stops at, forbidden or not: C2, EF, F0–F4
                                "\u{9F}", "§", String(Unicode.Scalar(0xFDEF)!), "\u{FFFD}", "\u{FEFF}",
                                String(Unicode.Scalar(0x10FFFF)!), String(Unicode.Scalar(0x10FFFD)!), "中"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for round in 0..<4000 {
            var text = String(repeating: "x", count: next(9)) // every alignment
            for _ in 0..<next(40) { text += next(3) == 0 ? pieces[next(pieces.count)] : "plain" }
            for attribute in [false, true] {
                var out = HTMLBytes(capacity: 8) // grows as it goes
                if attribute { out.attribute(text) } else { out.text(text) }
                let written = String(decoding: out.finish(), as: UTF8.self)
                XCTAssertEqual(written, reference(text, attribute: attribute),
                               "round \(round): \(text.debugDescription)")
            }
        }
    }
}
