import ScriptoriumModel
import ScriptoriumText

/// Checks that a record's text is the normalised form of its source span (SPEC §3), independently of the
/// code that produced it: white-space runs are one space, a line break after `letter-` may drop the hyphen
/// (a split word) or keep it, without a space (a real hyphen) or with one (a suspended hyphen, "pre- and
/// post-war"), controls, U+FFFE and U+FFFF are U+FFFD, and the result is NFC.
enum SpanText {
    /// `sourceIsKnownNFC` may be passed when the caller knows every character of `source` is NFC-safe (see
    /// `SourceNFC`); then the text needs no check of its own: a text that walks to such a source is made of the
    /// source's characters, spaces and U+FFFD, so it is NFC too.
    static func isNormalisedForm(_ text: String, of source: UnsafeBufferPointer<UInt8>, sourceIsKnownNFC: Bool = false) -> Bool {
        UTF8Bytes.with(text) { textBytes in
            if sourceIsKnownNFC || (NFCComposer.isKnownNFC(textBytes) && NFCComposer.isKnownNFC(source)) {
                return walk(textBytes, source)
            }
            // Possibly decomposed characters: the text must be NFC, and must match the composed source.
            var composer = NFCComposer()
            guard composer.compose(textBytes).elementsEqual(textBytes) else { return false }
            let composedSource = composer.compose(source)
            return composedSource.withUnsafeBufferPointer { walk(textBytes, $0) }
        }
    }

    private static func whitespaceWidth(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = s[i]
        if b < 0x80 { return (b == 0x20 || (b >= 0x09 && b <= 0x0D)) ? 1 : 0 }
        guard i + 1 < s.count else { return 0 }
        if b == 0xC2 { return s[i + 1] == 0x85 || s[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < s.count else { return 0 }
        let cp = (UInt32(b & 0x0F) << 12) | (UInt32(s[i + 1] & 0x3F) << 6) | UInt32(s[i + 2] & 0x3F)
        guard b & 0xF0 == 0xE0 else { return 0 }
        switch cp {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return 3
        default: return 0
        }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }

    /// The end of the white-space run at `i`, and whether it holds a line break.
    private static func whitespaceRun(_ s: UnsafeBufferPointer<UInt8>, from i: Int) -> (end: Int, hasBreak: Bool) {
        var k = i
        var hasBreak = false
        while k < s.count {
            let x = whitespaceWidth(s, k)
            if x == 0 { break }
            if s[k] == 0x0A || s[k] == 0x0D { hasBreak = true }
            k += x
        }
        return (k, hasBreak)
    }

    /// The byte length of a hyphen at `i` that ends a line after a letter or digit (`-`, or U+2010 HYPHEN as groff
    /// writes its hyphenation), or 0: the one place a hyphen may vanish and a line break may leave no space behind.
    private static func lineEndHyphen(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i >= 1, isAlphanumeric(s[i - 1]) else { return 0 }
        let width = s[i] == UInt8(ascii: "-") ? 1
            : (s[i] == 0xE2 && i + 2 < s.count && s[i + 1] == 0x80 && s[i + 2] == 0x90) ? 3 : 0
        guard width > 0, i + width < s.count else { return 0 }
        return whitespaceRun(s, from: i + width).hasBreak ? width : 0
    }

    /// True when the `*` or `#` at `i` is the edge of a box frame: white space with a line break lies between it and
    /// the text on one side ("text   *⏎*   text"). The structure reader leaves frames out of a block's text.
    private static func isFrameEdge(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard s[i] == UInt8(ascii: "*") || s[i] == UInt8(ascii: "#") else { return false }
        if i + 1 < s.count, whitespaceRun(s, from: i + 1).hasBreak { return true }
        var k = i
        while k > 0, s[k - 1] == 0x20 || s[k - 1] == 0x09 { k -= 1 }
        return k > 0 && (s[k - 1] == 0x0A || s[k - 1] == 0x0D)
    }

    /// `fastLane` is off only in tests, which hold the walk with and without `PlainBytes` to the same answers.
    static func walk(_ t: UnsafeBufferPointer<UInt8>, _ s: UnsafeBufferPointer<UInt8>, fastLane: Bool = true) -> Bool {
        var i = 0
        var j = 0
        while i < s.count {
            if fastLane {
                let plain = PlainBytes.count(t, from: j, s, from: i)
                i += plain
                j += plain
                if i == s.count { break }
            }
            if whitespaceWidth(s, i) > 0 {
                var run = whitespaceRun(s, from: i)
                guard j < t.count, t[j] == 0x20 else { return false }
                j += 1
                // A box frame's edge (`*`, `#`) between the lines of a framed paragraph is part of the break.
                while run.end < s.count, isFrameEdge(s, run.end), j == t.count || t[j] != s[run.end] {
                    run = whitespaceRun(s, from: run.end + 1)
                }
                i = run.end
                continue
            }
            let b = s[i]
            // Controls, U+FFFE and U+FFFF (which XML forbids) read as U+FFFD.
            let forbidden = b < 0x20 ? 1
                : (b == 0xEF && i + 2 < s.count && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) ? 3 : 0
            if forbidden > 0 {
                guard j + 2 < t.count, t[j] == 0xEF, t[j + 1] == 0xBF, t[j + 2] == 0xBD else { return false }
                j += 3
                i += forbidden
                continue
            }
            let hyphen = lineEndHyphen(s, i)
            if hyphen > 0 {
                // Kept ("US-Japan"; "pre- and post-war" keeps a space too), or dropped with the break ("defensive").
                let run = whitespaceRun(s, from: i + hyphen)
                if j + hyphen <= t.count, (0..<hyphen).allSatisfy({ t[j + $0] == s[i + $0] }) {
                    j += hyphen
                    if j < t.count, t[j] == 0x20, run.end < s.count { j += 1 }
                }
                i = run.end
                continue
            }
            guard j < t.count, t[j] == b else { return false }
            i += 1
            j += 1
        }
        return j == t.count
    }
}

/// The fast lane of `SpanText.walk`: most of a span is printable ASCII copied unchanged into the text, single
/// spaces included. This finds how far that goes, eight bytes at a time, so the rules above only run where they
/// can act: at a control, a non-ASCII byte, a byte where text and source differ, or a space or hyphen followed by
/// white space (or by a byte that may start it, or by the end of the span).
enum PlainBytes {
    private static var ones: UInt64 { ByteWords.ones }
    private static var high: UInt64 { ByteWords.highs }
    private static var low7: UInt64 { ByteWords.lows }

    /// The number of bytes from `s[i]` and `t[j]` on that the walk would copy one for one without any rule applying.
    /// A byte qualifies when it equals the text's, lies in 0x20...0x7F, and, if it is a space or a hyphen, the next
    /// source byte lies in 0x21...0x7F (so a space ends its white-space run and a hyphen does not end a line).
    @inline(__always)
    static func count(_ t: UnsafeBufferPointer<UInt8>, from j: Int, _ s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let sBase = s.baseAddress, let tBase = t.baseAddress else { return 0 }
        let sp = sBase + i, tp = tBase + j
        let sRest = s.count &- i, tRest = t.count &- j
        var n = 0
        // Two words at a time, then one, with the byte after them still in the span.
        while n &+ 17 <= sRest && n &+ 16 <= tRest {
            let w = load(sp, n), w2 = load(sp, n &+ 8)
            let v = load(tp, n), v2 = load(tp, n &+ 8)
            var stops = stopBytes(w, next: load(sp, n &+ 1))
            var stops2 = stopBytes(w2, next: load(sp, n &+ 9))
            if (w ^ v) | (w2 ^ v2) != 0 {
                stops |= differingBytes(w, v)
                stops2 |= differingBytes(w2, v2)
            }
            if stops | stops2 != 0 {
                return n &+ (stops != 0 ? stops.trailingZeroBitCount &>> 3 : 8 &+ stops2.trailingZeroBitCount &>> 3)
            }
            n &+= 16
        }
        while n &+ 9 <= sRest && n &+ 8 <= tRest {
            let w = load(sp, n)
            let v = load(tp, n)
            var stops = stopBytes(w, next: load(sp, n &+ 1))
            if w != v { stops |= differingBytes(w, v) }
            if stops != 0 { return n &+ stops.trailingZeroBitCount &>> 3 }
            n &+= 8
        }
        // The last one to eight bytes of the span: its last word and the text's word ending at the same place,
        // shifted so the bytes already counted fall out. The zero bytes shifted in stop the count at the end, and
        // the byte after the span reads as 0, which stops a space or hyphen there.
        let rest = sRest &- n
        if rest >= 1 && rest <= 8 && s.count >= 8 && j &+ n &+ rest >= 8 && n &+ rest <= tRest {
            let drop = UInt64(8 &- rest) &* 8
            let w = load(sp, sRest &- 8) >> drop
            let v = load(tp, n &+ rest &- 8) >> drop
            var stops = stopBytes(w, next: w >> 8)
            if w != v { stops |= differingBytes(w, v) }
            n &+= stops.trailingZeroBitCount &>> 3
        }
        return n
    }

    @inline(__always)
    private static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 { ByteWords.load(base, offset) }

    /// The top bit of each byte where `w` and `v` differ (exact per byte: no carries between bytes).
    @inline(__always)
    private static func differingBytes(_ w: UInt64, _ v: UInt64) -> UInt64 {
        let x = w ^ v
        return (((x & low7) &+ low7) | x) & high
    }

    /// The top bit of each byte of the source word `w` where the walk's rules may act: a byte that is not ASCII or
    /// is a control, or a space or hyphen whose `next` byte is not in 0x21...0x7F. (Where a byte is not ASCII the
    /// other terms may be wrong, but that byte stops the count anyway; the sums carry into no other byte.)
    @inline(__always)
    private static func stopBytes(_ w: UInt64, next: UInt64) -> UInt64 {
        let low = w & low7
        let controlOrHigh = ~(low &+ ones &* 0x60) | w
        // A byte of `low` equal to 0x20 or 0x2D leaves its top bit clear in one of the two sums.
        let spaceOrHyphen = ~(((low ^ ones &* 0x20) &+ low7) & ((low ^ ones &* 0x2D) &+ low7))
        let nextPrintable = ((next & low7) &+ ones &* 0x5F) & ~next
        return (controlOrHigh | (spaceOrHyphen & ~nextPrintable)) & high
    }
}
