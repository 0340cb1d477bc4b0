import Testing
@testable import ScriptoriumTEI

/// The XML 1.0 character rule: forbidden code points become U+FFFD, everything else is kept.
@Suite struct XMLCharactersTests {
    /// The plain definition, one code point at a time.
    static func reference(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            let allowed = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                || v >= 0x10000
            out.append(allowed ? u : "\u{FFFD}")
        }
        return String(out)
    }

    @Test func agreesWithTheDefinitionAtEveryOffset() {
        let bad: [String] = ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{E}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"]
        let good: [String] = ["\t", "\n", "\r", " ", "\u{7F}", "\u{85}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{EFBF}",
                              "\u{FEFF}", "\u{10000}", "\u{10FFFF}", "é", "🇯🇵", "ש", "ع"]
        for padding in 0..<17 {
            let prefix = String(repeating: "a", count: padding)
            for c in bad + good {
                for s in [prefix + c, prefix + c + "tail of some length", c + prefix + c] {
                    #expect(XMLCharacters.xmlSafe(s) == Self.reference(s), "\(s.debugDescription)")
                }
            }
        }
    }

    @Test func cleanTextIsNotCopied() {
        let text = "Plain text with “quotes”, émoji 🇯🇵 and tabs\tand lines\n."
        #expect(Array(text.utf8).withUnsafeBufferPointer { XMLCharacters.firstForbidden(in: $0) } == nil)
        #expect(XMLCharacters.firstForbidden(in: UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }

    @Test func firstForbiddenIsExact() {
        for at in 0..<20 {
            var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 24)
            bytes[at] = 0x1B
            #expect(bytes.withUnsafeBufferPointer { XMLCharacters.firstForbidden(in: $0) } == at)
            bytes[at] = 0xEF  // an 0xEF not followed by BF BE/BF is a lead byte of something else: allowed here
            #expect(bytes.withUnsafeBufferPointer { XMLCharacters.firstForbidden(in: $0) } == nil)
            bytes.replaceSubrange(at..<(at + 3), with: [0xEF, 0xBF, 0xBF])
            #expect(bytes.withUnsafeBufferPointer { XMLCharacters.firstForbidden(in: $0) } == at)
        }
    }
}
