/// One line of a source, found on bytes. Ranges are byte offsets into the source.
struct Line: Equatable {
    /// The line without its terminator (CR, LF or CRLF).
    var full: Range<Int>
    /// The line without leading and trailing white space; empty for a blank line.
    var trimmed: Range<Int>
    /// The length of `trimmed` in code points.
    var codePoints = 0
    var isBlank: Bool { trimmed.isEmpty }
    /// Leading white space before the first visible character.
    var isIndented: Bool { !isBlank && trimmed.lowerBound > full.lowerBound }
    /// The bytes of leading white space (a tab counts as one).
    var indent: Int { isBlank ? 0 : trimmed.lowerBound - full.lowerBound }

    /// Splits `buf` into lines. A final line without a terminator counts; a trailing terminator adds no empty line.
    static func scan(_ buf: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(buf.count / 60 + 1)
        var start = 0
        var i = 0
        var continuation = 0 // UTF-8 continuation bytes of the line so far
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b == 0x0A || b == 0x0D {
                lines.append(make(buf, start..<i, continuationBytes: continuation))
                i += (b == 0x0D && i + 1 < n && buf[i + 1] == 0x0A) ? 2 : 1
                start = i
                continuation = 0
            } else {
                continuation &+= b & 0xC0 == 0x80 ? 1 : 0
                i += 1
            }
        }
        if start < n { lines.append(make(buf, start..<n, continuationBytes: continuation)) }
        return lines
    }

    /// The line `range`, trimmed; `continuationBytes` counts the UTF-8 continuation bytes in `range` (nil: count them).
    static func make(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, continuationBytes: Int? = nil) -> Line {
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
        // Code points of the trimmed line: its bytes, less the continuation bytes inside it (those of trimmed-away
        // white space such as U+00A0 are few, so they are counted again here).
        var continuation = continuationBytes ?? range.reduce(0) { $0 + (buf[$1] & 0xC0 == 0x80 ? 1 : 0) }
        for k in range.lowerBound..<lo where buf[k] & 0xC0 == 0x80 { continuation -= 1 }
        for k in hi..<range.upperBound where buf[k] & 0xC0 == 0x80 { continuation -= 1 }
        return Line(full: range, trimmed: lo..<hi, codePoints: (hi - lo) - continuation)
    }
}
