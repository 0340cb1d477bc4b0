/// The code points XML 1.0 cannot carry, found in UTF-8 bytes: the one home of that rule, for the TEI writer's
/// last line of defence (`XMLCharacters`) and for the verbatim form of a block (`VerbatimText`), so the two agree.
///
/// XML 1.0 allows only `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`. Valid UTF-8 cannot
/// hold a surrogate, so the forbidden code points are the C0 controls other than tab, line feed and carriage
/// return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) and the two non-characters U+FFFE and U+FFFF. Each is
/// replaced by U+FFFD REPLACEMENT CHARACTER wherever the project writes text; every other character (C1 controls
/// and other non-characters included) is kept.
public enum XMLForbiddenCharacters {
    /// U+FFFD in UTF-8.
    public static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The byte length of the forbidden code point starting at `i`, or 0 when the code point there is allowed
    /// (or `i` is not the start of one).
    @inline(__always)
    public static func width(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x20 { return b != 0x09 && b != 0x0A && b != 0x0D ? 1 : 0 }
        // EF BF BE = U+FFFE, EF BF BF = U+FFFF
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return 3 }
        return 0
    }

    /// The byte offset of the first forbidden code point, or nil when there is none.
    /// A single pass over the bytes, eight at a time: a word is looked at byte by byte only when it holds a byte
    /// below 0x20 or an 0xEF (the lead byte of U+FFFE and U+FFFF), which normalised text almost never does.
    public static func first(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let control = (word &- 0x20 &* ones) & ~word & highs
            let ef = word ^ (0xEF &* ones)
            let lead = (ef &- ones) & ~ef & highs
            if control | lead != 0, let at = firstByteByByte(bytes, from: i, to: i + 8) { return at }
            i += 8
        }
        return firstByteByByte(bytes, from: i, to: n)
    }

    /// The byte-by-byte check of `bytes[from..<to]` (a code point starting there may run past `to`).
    @inline(__always)
    private static func firstByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            if width(bytes, at: i) != 0 { return i }
            i += 1
        }
        return nil
    }
}
