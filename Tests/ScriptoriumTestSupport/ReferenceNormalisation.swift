/// SPEC §3 normalisation, checked on code points and written plainly, as the tests' independent referee for the
/// byte-level code (the pipeline's `BlockText` and the validator's `SpanText`): white-space runs are one space,
/// controls and U+FFFE/U+FFFF are U+FFFD, and a hyphen (`-`, or U+2010 as groff writes it) after a letter or digit
/// that ends a line may be dropped
/// with the break, or kept, with or without one space after it. NFC is the caller's: compose `source` first
/// where the text is expected to be composed.
public enum ReferenceNormalisation {
    public static func isNormalisedForm(_ t: [Unicode.Scalar], of s: [Unicode.Scalar]) -> Bool {
        func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
        func isAlnum(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) }
        var i = 0, j = 0
        while i < s.count {
            if isSpace(s[i]) {
                while i < s.count && isSpace(s[i]) { i += 1 }
                guard j < t.count, t[j] == " " else { return false }
                j += 1
                continue
            }
            if s[i] == "-" || s[i] == "\u{2010}", i > 0, isAlnum(s[i - 1]) {
                var e = i + 1
                var hasBreak = false
                while e < s.count && isSpace(s[e]) {
                    if s[e] == "\n" || s[e] == "\r" { hasBreak = true }
                    e += 1
                }
                if hasBreak && e < s.count {
                    if j < t.count && t[j] == s[i] {
                        j += 1
                        if j < t.count && t[j] == " " { j += 1 }
                    }
                    i = e
                    continue
                }
            }
            let forbidden = s[i].value < 0x20 || s[i].value == 0xFFFE || s[i].value == 0xFFFF
            let expected: Unicode.Scalar = forbidden ? "\u{FFFD}" : s[i]
            guard j < t.count, t[j] == expected else { return false }
            i += 1
            j += 1
        }
        return j == t.count
    }
}
