import ScriptoriumExtract

/// Word boundaries over UTF-8 bytes, shared by the entity matcher and the date recogniser.
///
/// A word character is an ASCII letter or digit, or any non-ASCII code point except punctuation, symbols and
/// spaces in the ranges listed in ``isWordScalar(_:)``. So the typographic apostrophe `’`, the ASCII `'`, hyphens and
/// dashes do not continue a word: "Japan’s" and "US-Japan" contain the word "Japan", while "Japanese" and
/// "Japanó" do not.
enum WordBoundary {
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// The end of the run of ASCII letters and digits starting at `i`: eight bytes at a time, each tested with
    /// the same ranges as ``isASCIIWordByte(_:)``.
    @inline(__always)
    static func asciiWordEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var i = i
        while i + 8 <= n {
            let notWord = notASCIIWordMask(ByteWords.load(p, i))
            if notWord != 0 { return i + notWord.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < n && isASCIIWordByte(p[i]) { i &+= 1 }
        return i
    }

    /// 0x80 in every byte of `w` that is not an ASCII letter or digit. On the low seven bits of each byte, adding
    /// `0x80 - k` sets bit 7 exactly when the byte is at least `k`, with no carry into the next byte.
    @inline(__always)
    static func notASCIIWordMask(_ w: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = w & ~highs
        let folded = x | 0x2020_2020_2020_2020
        let letter = ((folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x80 - 0x7B))) & highs
        let digit = ((x &+ ones &* (0x80 - 0x30)) & ~(x &+ ones &* (0x80 - 0x3A))) & highs
        return ~((letter | digit) & ~w) & highs
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Whether a non-ASCII code point continues a word. Punctuation, symbols and spaces say no: Latin-1
    /// punctuation and symbols (U+0080–U+00BF, × and ÷), General Punctuation through Miscellaneous Symbols and
    /// Arrows (U+2000–U+2BFF: dashes, quotes, the typographic apostrophe, ellipsis, currency, arrows, math),
    /// CJK punctuation (U+3000–U+303F), small and full-width punctuation, the BOM, and emoji.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIWordByte(UInt8(truncatingIfNeeded: v)) }
        switch v {
        case 0x80...0xBF, 0xD7, 0xF7: return false
        case 0x2000...0x2BFF: return false
        case 0x3000...0x303F: return false
        case 0xFE10...0xFE6F, 0xFEFF: return false
        case 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return false
        case 0x1F000...0x1FAFF: return false
        default: return true
        }
    }

    /// Decodes the code point whose lead byte is at `i` (tolerant: a malformed sequence counts as one byte,
    /// U+FFFD, so this never reads past `n` and always advances).
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (value: UInt32, length: Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 >= 0xC2 && b0 < 0xE0 {
            if i + 1 < n, p[i + 1] & 0xC0 == 0x80 {
                return (UInt32(b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
            }
        } else if b0 >= 0xE0 && b0 < 0xF0 {
            if i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
                return (UInt32(b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
            }
        } else if b0 >= 0xF0 && b0 < 0xF5 {
            if i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 {
                return (UInt32(b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                        | UInt32(p[i + 3] & 0x3F), 4)
            }
        }
        return (0xFFFD, 1)
    }

    /// Whether the code point starting at `i` is a word character; false at the end of the text.
    @inline(__always)
    static func isWord(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard i < n else { return false }
        let b = p[i]
        if b < 0x80 { return isASCIIWordByte(b) }
        return isWordScalar(decode(p, i, n).value)
    }

    /// Whether the code point ending just before `i` is a word character; false at the start of the text.
    @inline(__always)
    static func isWord(before i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard i > 0 else { return false }
        let b = p[i - 1]
        if b < 0x80 { return isASCIIWordByte(b) }
        var start = i - 1
        while start > 0 && i - start < 4 && p[start] & 0xC0 == 0x80 { start -= 1 }
        let (v, len) = decode(p, start, n)
        return start + len == i ? isWordScalar(v) : isWordScalar(0xFFFD)
    }

    /// True when a match may end at `end`: it does not split a word (its last character and the next one are not
    /// both word characters).
    @inline(__always)
    static func canEnd(at end: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        !(isWord(at: end, p, n) && isWord(before: end, p, n))
    }

    /// True when a match may start at `start`: it does not split a word.
    @inline(__always)
    static func canStart(at start: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        !(isWord(before: start, p, n) && isWord(at: start, p, n))
    }
}
