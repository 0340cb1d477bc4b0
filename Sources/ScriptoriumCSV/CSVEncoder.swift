#if canImport(Glibc)
import Glibc
#endif

/// RFC 4180 rows written straight into bytes: CRLF line ends, a field quoted only when it holds a comma,
/// a quote, CR or LF (quotes doubled inside). Whole runs of bytes are copied; nothing goes through Character.
public struct CSVEncoder: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0
    /// Rows ended so far.
    public private(set) var rows = 0

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func field(_ value: String) {
        separator()
        var value = value
        value.withUTF8 { append($0) }
    }

    /// An integer in decimal, its digits formatted on the stack and copied in one go (no `String` per number:
    /// offsets and positions are half the fields).
    public mutating func field(_ value: Int) {
        separator()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var at = 20
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at...]))
        }
    }

    public mutating func field(_ value: String?) {
        if let value { field(value) } else { separator() }
    }

    public mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInRow = 0
        rows += 1
    }

    public mutating func row(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    private mutating func separator() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    private mutating func append(_ v: UnsafeBufferPointer<UInt8>) {
        guard CSVEncoder.needsQuotes(v) else {
            bytes.append(contentsOf: v)
            return
        }
        bytes.append(0x22)
        // Most quoted fields are quoted for a comma and hold no quote at all: `memchr` finds the few there are.
        var runStart = v.baseAddress!
        let end = runStart + v.count
        while runStart < end, let q = memchr(runStart, 0x22, end - runStart) {
            let quote = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self))
            bytes.append(contentsOf: UnsafeBufferPointer<UInt8>(start: runStart, count: quote - runStart + 1))
            bytes.append(0x22)
            runStart = quote + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer<UInt8>(start: runStart, count: end - runStart))
        bytes.append(0x22)
    }

    /// True if `v` holds a comma, a quote, CR or LF. Tests eight bytes at a time (SWAR: a byte equal to `c` is a
    /// zero byte of `word ^ c·0x0101…`), since almost every field is clean and most of the bytes are in long texts.
    static func needsQuotes(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = v.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        while i + 8 <= v.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte(word ^ (ones &* 0x2C)) || hasZeroByte(word ^ (ones &* 0x22))
                || hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D)) { return true }
            i += 8
        }
        while i < v.count {
            let b = base[i]
            if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return true }
            i += 1
        }
        return false
    }
}
