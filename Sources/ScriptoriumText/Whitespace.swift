/// Unicode White_Space on UTF-8 bytes, without decoding: the characters that normalisation collapses to one space.
public enum Whitespace {
    /// The byte length of the white-space character at `i`, or 0 when there is none.
    @inlinable @inline(__always)
    public static func width(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = buf[i]
        if b < 0x80 {
            return (b == 0x20 || (b >= 0x09 && b <= 0x0D)) ? 1 : 0
        }
        let n = buf.count
        switch b {
        case 0xC2: // U+0085 NEL, U+00A0 NO-BREAK SPACE
            if i + 1 < n, buf[i + 1] == 0x85 || buf[i + 1] == 0xA0 { return 2 }
        case 0xE1: // U+1680 OGHAM SPACE MARK
            if i + 2 < n, buf[i + 1] == 0x9A, buf[i + 2] == 0x80 { return 3 }
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let b1 = buf[i + 1], b2 = buf[i + 2]
            // U+2000–U+200A, U+2028, U+2029, U+202F
            if b1 == 0x80, (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
            // U+205F MEDIUM MATHEMATICAL SPACE
            if b1 == 0x81, b2 == 0x9F { return 3 }
        case 0xE3: // U+3000 IDEOGRAPHIC SPACE
            if i + 2 < n, buf[i + 1] == 0x80, buf[i + 2] == 0x80 { return 3 }
        default:
            break
        }
        return 0
    }
}
