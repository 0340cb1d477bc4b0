import CLibXML2

/// The escaping of character data that `xmlSaveDoc` applies to text nodes, done eight bytes at a time.
///
/// libxml2's own escaper for text content looks at one byte per loop turn. This one produces exactly the same bytes
/// (`<` as `&lt;`, `>` as `&gt;`, `&` as `&amp;`, carriage return as `&#13;`, every other byte as it is) but finds
/// the next byte that needs escaping with a word-at-a-time test and copies the run before it whole; in prose such
/// bytes are rare, so text is written at close to copying speed. `XMLTree.serialize` installs it with
/// `xmlSaveSetEscape`. Attribute values are escaped by libxml2 itself (this hook does not reach them).
enum XMLTextEscaper {
    /// The `xmlCharEncodingOutputFunc` contract: convert as much of `input[0..<*inputLength]` as fits in
    /// `output[0..<*outputLength]`, never splitting an escape; on return the two lengths say how many bytes were
    /// consumed and written. libxml2 calls again with the rest.
    static let escapeContent: xmlCharEncodingOutputFunc = { output, outputLength, input, inputLength in
        guard let output, let outputLength, let input, let inputLength else { return -1 }
        let inCount = Int(inputLength.pointee)
        let outCount = Int(outputLength.pointee)
        var i = 0
        var o = 0
        while i < inCount {
            // Bytes that need no escaping are copied one for one, as many as there is room for.
            let limit = min(inCount, i + (outCount - o))
            let special = firstSpecial(input, from: i, to: limit)
            if special > i {
                (output + o).update(from: input + i, count: special - i)
                o += special - i
                i = special
            }
            guard i < limit else { break }
            let escape = replacement(for: input[i])
            guard outCount - o >= escape.count else { break }
            for (k, byte) in escape.enumerated() { output[o + k] = byte }
            o += escape.count
            i += 1
        }
        outputLength.pointee = Int32(o)
        inputLength.pointee = Int32(i)
        return 0
    }

    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let cr: [UInt8] = Array("&#13;".utf8)

    @inline(__always)
    private static func replacement(for byte: UInt8) -> [UInt8] {
        switch byte {
        case UInt8(ascii: "<"): return lt
        case UInt8(ascii: ">"): return gt
        case UInt8(ascii: "&"): return amp
        default: return cr
        }
    }

    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        b == 0x3C || b == 0x3E || b == 0x26 || b == 0x0D
    }

    /// The index of the first byte in `bytes[from..<to]` that must be escaped, or `to`.
    @inline(__always)
    static func firstSpecial(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set in each byte of `word` that is zero (exact for the lowest such byte, which is all we use).
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        let raw = UnsafeRawPointer(bytes)
        var i = from
        while i + 8 <= to {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // '<' (3C) and '>' (3E) differ only in bit 1: one test finds both.
            let found = zeroBytes((word | 0x0202_0202_0202_0202) ^ (0x3E &* ones))
                | zeroBytes(word ^ (0x26 &* ones)) | zeroBytes(word ^ (0x0D &* ones))
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < to, !isSpecial(bytes[i]) { i += 1 }
        return i
    }
}
