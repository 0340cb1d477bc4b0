/// Finds sentence boundaries in one block's normalised text (single spaces, no line breaks).
/// (Stub: splits after `.`, `!` or `?` followed by a space and an upper-case letter.)
public enum SentenceSplitter {
    /// Byte ranges of the sentences of `text`, in order, trimmed of spaces, non-empty, together covering every
    /// non-space byte of `text`.
    public static func split(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        let n = text.count
        while start < n && text[start] == 0x20 { start += 1 }
        var i = start
        while i < n {
            let b = text[i]
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")),
               i + 2 < n, text[i + 1] == 0x20, text[i + 2] >= 65, text[i + 2] <= 90 {
                out.append(start..<(i + 1))
                start = i + 2
                i = start
                continue
            }
            i += 1
        }
        var end = n
        while end > start && text[end - 1] == 0x20 { end -= 1 }
        if end > start { out.append(start..<end) }
        return out
    }
}
