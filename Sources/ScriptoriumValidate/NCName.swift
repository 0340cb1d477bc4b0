/// The NCName rule of `RecordID.isNCName` (ASCII only: a letter or `_`, then letters, digits, `_`, `-` and `.`),
/// checked on the id's bytes against two 64-bit masks instead of through `String.UTF8View`'s iterator, which
/// costs tens of instructions per byte. The tests hold the two to the same answers.
enum NCName {
    /// Bit b of `low` (b < 64) or of `high` (b - 64) is set for each byte allowed after the first:
    /// `-` `.` `0`...`9` in `low`; `A`...`Z`, `_`, `a`...`z` in `high`.
    private static let low: UInt64 = 1 << 45 | 1 << 46 | 0x3FF << 48
    private static let high: UInt64 = 0x3FF_FFFF << 1 | 1 << 31 | 0x3FF_FFFF << 33

    private static func isStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
    }

    static func isValid(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { bytes in
            guard let first = bytes.first, isStart(first) else { return false }
            var missing: UInt64 = 0
            for b in bytes {
                let mask = b < 64 ? low : b < 128 ? high : 0
                missing |= ~(mask >> UInt64(b & 63)) & 1
            }
            return missing == 0
        }
    }
}
