/// List-item markers at the start of a line: `- `, `* `, `• `, `– `, `‣ `, `⁃ `, `1. `, `1) `, `a. `, `a) `,
/// or the marker alone on its line (then the next line is the item).
enum ListMarker {
    enum Match: Equatable {
        /// A marker followed by the item's text, which starts at `textStart`.
        case inline(textStart: Int)
        /// The whole line is a marker.
        case alone
    }

    static func match(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Match? {
        guard let markerEnd = markerEnd(buf, line) else { return nil }
        if markerEnd == line.upperBound { return .alone }
        let w = Whitespace.width(buf, at: markerEnd)
        guard w > 0 else { return nil }
        var i = markerEnd + w
        while i < line.upperBound {
            let k = Whitespace.width(buf, at: i)
            if k == 0 { break }
            i += k
        }
        return i < line.upperBound ? .inline(textStart: i) : .alone
    }

    /// The label of a numbered or lettered marker at the start of `line` ("12." → 12, "c)" → 3), and whether it
    /// opens a list (1, 0 or a); nil for a bullet or no marker.
    static func label(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (value: Int, isFirst: Bool)? {
        guard let end = markerEnd(buf, line), end - line.lowerBound >= 2 else { return nil }
        let first = buf[line.lowerBound]
        if first >= 0x61 && first <= 0x7A { return (Int(first - 0x60), first == 0x61) }
        guard first >= 0x30 && first <= 0x39 else { return nil }
        var value = 0
        for k in line.lowerBound..<(end - 1) { value = value * 10 + Int(buf[k] - 0x30) }
        return (value, value <= 1)
    }

    /// Where the marker itself ends, or nil when the line does not start with one.
    private static func markerEnd(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        let s = line.lowerBound
        let n = line.upperBound
        guard s < n else { return nil }
        let b = buf[s]
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") { return s + 1 }
        if b == 0xE2, s + 2 < n, buf[s + 1] == 0x80 {
            // • U+2022, – U+2013, ‣ U+2023
            if buf[s + 2] == 0xA2 || buf[s + 2] == 0x93 || buf[s + 2] == 0xA3 { return s + 3 }
        }
        if b == 0xE2, s + 2 < n, buf[s + 1] == 0x81, buf[s + 2] == 0x83 { return s + 3 } // ⁃ U+2043
        // 1. 1) 12. — up to three digits
        var i = s
        while i < n, i - s < 3, buf[i] >= 0x30, buf[i] <= 0x39 { i += 1 }
        if i > s, i < n, buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ")") { return i + 1 }
        // a. a) — one lower-case letter
        if b >= 0x61, b <= 0x7A, s + 1 < n, buf[s + 1] == UInt8(ascii: ".") || buf[s + 1] == UInt8(ascii: ")") {
            return s + 2
        }
        return nil
    }
}
