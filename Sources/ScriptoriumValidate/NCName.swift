import ScriptoriumText

/// The NCName rule of `RecordID.isNCName` (ASCII only: a letter or `_`, then letters, digits, `_`, `-` and `.`),
/// checked eight bytes at a time instead of through `String.UTF8View`'s iterator, which costs tens of instructions
/// per byte on every id of every document. The tests hold the two to the same answers.
enum NCName {
    static func isValid(_ id: String) -> Bool {
        UTF8Bytes.with(id) { bytes in
            guard let first = bytes.first, isStart(first), let base = bytes.baseAddress else { return false }
            let n = bytes.count
            if n < 8 {
                // Pad with an allowed byte to one word.
                var word = 0x6161_6161_6161_6161 as UInt64
                for (k, b) in bytes.enumerated() {
                    word = word & ~(0xFF << (8 * UInt64(k))) | UInt64(b) << (8 * UInt64(k))
                }
                return allAllowed(word)
            }
            // The last word overlaps the one before it.
            var i = 0
            while i + 8 < n {
                if !allAllowed(ByteWords.load(base, i)) { return false }
                i += 8
            }
            return allAllowed(ByteWords.load(base, n - 8))
        }
    }

    private static func isStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
    }

    private static var ones: UInt64 { ByteWords.ones }
    private static var high: UInt64 { ByteWords.highs }

    /// True when every byte of `w` may follow the first byte of an NCName: a letter, a digit, `_`, `-` or `.`.
    private static func allAllowed(_ w: UInt64) -> Bool {
        if w & high != 0 { return false }
        // Bytes are below 0x80 from here, so the sums below carry into no neighbouring byte.
        let letters = inRange(w | (ones &* 0x20), 0x61, 0x7A) // setting 0x20 folds A-Z onto a-z and nothing else onto a letter
        let digitsDashDot = inRange(w, 0x2D, 0x39) & ~equal(w, 0x2F) // - . 0-9, not /
        let underscore = equal(w, 0x5F)
        return letters | digitsDashDot | underscore == high
    }

    /// The top bit of each byte of `x` (all below 0x80) in `lo...hi`.
    private static func inRange(_ x: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        (x &+ ones &* UInt64(0x80 - lo)) & ~(x &+ ones &* UInt64(0x7F - hi)) & high
    }

    /// The top bit of each byte of `x` (all below 0x80) that equals `c`.
    private static func equal(_ x: UInt64, _ c: UInt8) -> UInt64 {
        ~((x ^ ones &* UInt64(c)) &+ ones &* 0x7F) & high
    }
}
