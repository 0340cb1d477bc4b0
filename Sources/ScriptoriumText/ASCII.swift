/// The character classes of ASCII bytes that the structure reader, the line-break rules and the labels test: one
/// definition each, on bytes (a byte ≥ 0x80 is none of them).
public enum ASCII {
    @inlinable @inline(__always) public static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inlinable @inline(__always) public static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inlinable @inline(__always) public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inlinable @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
}
