/// Eight bytes at a time ("SIMD within a register"): the tests that let the hot loops of the stages skip the
/// long stretches of ordinary text between the few bytes that need a closer look. One definition for every target
/// (hence `@inlinable`: a call from another module is inlined into its loop as one from this module would be).
///
/// Each test looks at one little-endian `UInt64` loaded from the text and answers for its eight bytes together.
/// The answers are exact per byte unless a comment says "any": then only "is there at least one" is reliable.
public enum ByteWords {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highs: UInt64 = 0x8080_8080_8080_8080
    public static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `p + i` (no alignment needed).
    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
    }

    /// 0x80 in every byte of `w` equal to `byte`, 0 elsewhere (exact: no carry crosses a byte).
    @inlinable @inline(__always)
    public static func equalMask(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(byte))
        return ~(((x & lows) &+ lows) | x | lows)
    }

    /// Nonzero when any byte of `w` is below `limit` (at most 0x80). "Any" only.
    @inlinable @inline(__always)
    public static func anyBelow(_ w: UInt64, _ limit: UInt8) -> Bool {
        (w &- ones &* UInt64(limit)) & ~w & highs != 0
    }

    /// Whether one of the eight bytes is a CR or an LF.
    @inlinable @inline(__always)
    public static func hasLineBreak(_ w: UInt64) -> Bool {
        (equalMask(w, 0x0A) | equalMask(w, 0x0D)) != 0
    }

    /// 0x80 in every byte of `w` that is a UTF-8 continuation byte (10xxxxxx), 0 elsewhere (exact).
    @inlinable @inline(__always)
    public static func continuationMask(_ w: UInt64) -> UInt64 {
        w & ~(w << 1) & highs
    }

    /// The sum of the eight bytes of `w`: pairs of bytes into four 16-bit lanes, then the lanes summed into the
    /// top one.
    @inlinable @inline(__always)
    public static func sumOfBytes(_ w: UInt64) -> Int {
        let pairs = (w & 0x00FF_00FF_00FF_00FF) &+ ((w >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// The number of code points that start in the bytes `p[from..<to]` (bytes that are not continuation bytes).
    @inlinable
    public static func codePoints(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var continuation = 0
        var i = from
        while i + 8 <= to {
            // Per-byte tallies of continuation bytes (0 or 1 a byte a word), summed across the bytes every 255
            // words before a tally could overflow; no population-count instruction is assumed.
            var tallies: UInt64 = 0
            var words = 0
            while i + 8 <= to && words < 255 {
                tallies &+= continuationMask(load(p, i)) >> 7
                i &+= 8
                words &+= 1
            }
            continuation &+= sumOfBytes(tallies)
        }
        while i < to {
            continuation &+= p[i] & 0xC0 == 0x80 ? 1 : 0
            i &+= 1
        }
        return (to - from) - continuation
    }
}
