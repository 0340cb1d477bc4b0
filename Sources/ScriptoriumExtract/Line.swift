/// One line of a source, found on bytes. Ranges are byte offsets into the source.
struct Line: Equatable {
    /// The line without its terminator (CR, LF or CRLF).
    var full: Range<Int>
    /// The line without leading and trailing white space; empty for a blank line.
    var trimmed: Range<Int>
    /// Whether `trimmed` is longer than `StructureReader.wrapWidth` code points (then it is never part of a
    /// hard-wrapped paragraph). Only this comparison is needed, so a long line's code points are counted no
    /// further than the limit.
    var isLong = false
    var isBlank: Bool { trimmed.isEmpty }
    /// Leading white space before the first visible character.
    var isIndented: Bool { !isBlank && trimmed.lowerBound > full.lowerBound }
    /// The bytes of leading white space (a tab counts as one).
    var indent: Int { isBlank ? 0 : trimmed.lowerBound - full.lowerBound }

    /// Splits `buf` into lines. A final line without a terminator counts; a trailing terminator adds no empty line.
    static func scan(_ buf: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        guard let p = buf.baseAddress else { return lines }
        lines.reserveCapacity(buf.count / 60 + 1)
        let n = buf.count
        var start = 0
        while start < n {
            let end = lineEnd(p, from: start, n)
            lines.append(make(buf, start..<end))
            guard end < n else { break }
            start = end + ((p[end] == 0x0D && end + 1 < n && p[end + 1] == 0x0A) ? 2 : 1)
        }
        return lines
    }

    /// The first CR or LF at or after `i`, or `n`. Lines run to hundreds of bytes: eight at a time.
    @inline(__always)
    static func lineEnd(_ p: UnsafePointer<UInt8>, from i: Int, _ n: Int) -> Int {
        var i = i
        while i + 8 <= n && !ByteWords.hasLineBreak(ByteWords.load(p, i)) { i &+= 8 }
        while i < n && p[i] != 0x0A && p[i] != 0x0D { i &+= 1 }
        return i
    }

    /// The line `range`, trimmed.
    static func make(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Line {
        var lo = range.lowerBound
        while lo < range.upperBound {
            let w = Whitespace.width(buf, at: lo)
            if w == 0 { break }
            lo += w
        }
        var hi = range.upperBound
        while hi > lo {
            // Step back over one character and test whether it is white space.
            var k = hi - 1
            while k > lo && buf[k] & 0xC0 == 0x80 { k -= 1 }
            if Whitespace.width(buf, at: k) == hi - k { hi = k } else { break }
        }
        return Line(full: range, trimmed: lo..<hi, isLong: isLonger(buf, lo..<hi, than: StructureReader.wrapWidth))
    }

    /// Whether `range` holds more than `limit` code points, counted only where the byte length leaves it open: a
    /// code point takes one to four bytes.
    static func isLonger(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, than limit: Int) -> Bool {
        if range.count <= limit { return false }
        if range.count >= 4 * (limit + 1) { return true }
        return ByteWords.codePoints(buf.baseAddress!, from: range.lowerBound, to: range.upperBound) > limit
    }
}
