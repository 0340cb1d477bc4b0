/// A heading marked the Markdown way, `#` to `######` and a space before its text (`## Article 9`): the one case
/// where plain text shows a heading's level. The marker, and any closing run of `#`, stay out of the heading's span,
/// as a list item's marker stays out of the item's.
enum MarkedHeading {
    struct Match: Equatable {
        var level: Int
        var text: Range<Int>
    }

    static func match(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Match? {
        var i = line.lowerBound
        while i < line.upperBound, buf[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - line.lowerBound
        guard (1...6).contains(level), i < line.upperBound, buf[i] == 0x20 || buf[i] == 0x09 else { return nil }
        while i < line.upperBound, buf[i] == 0x20 || buf[i] == 0x09 { i += 1 }
        // A closing sequence of `#` after a space ("## Origins ##") is not part of the text.
        var end = line.upperBound
        var k = end
        while k > i, buf[k - 1] == UInt8(ascii: "#") { k -= 1 }
        if k < end, k > i, buf[k - 1] == 0x20 || buf[k - 1] == 0x09 {
            end = k
            while end > i, buf[end - 1] == 0x20 || buf[end - 1] == 0x09 { end -= 1 }
        }
        return end > i ? Match(level: level, text: i..<end) : nil
    }
}
