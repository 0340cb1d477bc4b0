import ScriptoriumText

/// One line of a source, found on bytes. Ranges are byte offsets into the source.
struct Line: Equatable {
    /// The line without its terminator (CR, LF or CRLF).
    var full: Range<Int>
    /// The line without leading and trailing white space; empty for a blank line.
    var trimmed: Range<Int>
    /// Whether `trimmed` is longer than `StructureReader.wrapWidth` code points (then it is never part of a
    /// hard-wrapped paragraph).
    var isLong = false
    /// Code points of `trimmed`.
    var codePoints = 0
    /// Columns of leading white space, a tab advancing to the next multiple of 8 (how the text is laid out on a
    /// terminal, which is how its author saw it).
    var columns = 0
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
            let (end, continuation) = lineEnd(p, from: start, n)
            lines.append(make(buf, start..<end, continuationBytes: continuation))
            guard end < n else { break }
            start = end + ((p[end] == 0x0D && end + 1 < n && p[end + 1] == 0x0A) ? 2 : 1)
        }
        return lines
    }

    /// The first CR or LF at or after `i` (or `n`), and the UTF-8 continuation bytes before it. Lines run to
    /// hundreds of bytes: eight at a time while none is a control character (CR and LF are; tabs and the
    /// rare others are then looked at one by one), with per-byte tallies of continuation bytes summed every
    /// 255 words before a tally could overflow.
    @inline(__always)
    static func lineEnd(_ p: UnsafePointer<UInt8>, from i: Int, _ n: Int) -> (end: Int, continuationBytes: Int) {
        var i = i
        var continuation = 0
        var tallies: UInt64 = 0
        var words = 0
        while i + 8 <= n {
            let w = ByteWords.load(p, i)
            if ByteWords.anyBelow(w, 0x0E) {
                if ByteWords.hasLineBreak(w) { break }
            }
            tallies &+= ByteWords.continuationMask(w) >> 7
            words &+= 1
            if words == 255 {
                continuation &+= ByteWords.sumOfBytes(tallies)
                tallies = 0
                words = 0
            }
            i &+= 8
        }
        continuation &+= ByteWords.sumOfBytes(tallies)
        while i < n && p[i] != 0x0A && p[i] != 0x0D {
            continuation &+= p[i] & 0xC0 == 0x80 ? 1 : 0
            i &+= 1
        }
        return (i, continuation)
    }

    /// The line `range`, trimmed; `continuationBytes` counts the UTF-8 continuation bytes in `range`.
    static func make(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, continuationBytes: Int) -> Line {
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
        var continuation = continuationBytes
        for k in range.lowerBound..<lo where buf[k] & 0xC0 == 0x80 { continuation -= 1 }
        for k in hi..<range.upperBound where buf[k] & 0xC0 == 0x80 { continuation -= 1 }
        var columns = 0
        for k in range.lowerBound..<lo { columns = buf[k] == 0x09 ? (columns / 8 + 1) * 8 : columns + (buf[k] & 0xC0 == 0x80 ? 0 : 1) }
        let codePoints = (hi - lo) - continuation
        return Line(full: range, trimmed: lo..<hi, isLong: codePoints > StructureReader.wrapWidth, codePoints: codePoints,
                    columns: hi > lo ? columns : 0)
    }
}
