/// What happens to characters that XML 1.0 cannot carry.
///
/// XML 1.0 allows only `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`. A Swift string
/// cannot hold a lone surrogate, so the code points that can reach the writer and are not allowed are the C0
/// controls other than tab, line feed and carriage return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) and the
/// two non-characters U+FFFE and U+FFFF. libxml2 would write them as they are (an ill-formed file) or as character
/// references (which XML 1.0 forbids as well), so the TEI writer replaces each of them with U+FFFD REPLACEMENT
/// CHARACTER, in text and in attribute values alike. The text normaliser applies the same rule upstream, so the
/// sentence texts in TEI, CSV and JSON-LD agree; here it is the last line of defence for any string the writer is
/// given (metadata included). Every other character, C1 controls and other non-characters included, is kept.
enum XMLCharacters {
    /// U+FFFD in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The byte offset of the first code point XML 1.0 forbids, or nil when there is none.
    /// A single pass over the bytes, eight at a time: a word is looked at byte by byte only when it holds a byte
    /// below 0x20 or an 0xEF (the lead byte of U+FFFE and U+FFFF), which normalised text almost never does.
    @inline(__always)
    static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let control = (word &- 0x20 &* ones) & ~word & highs
            let ef = word ^ (0xEF &* ones)
            let lead = (ef &- ones) & ~ef & highs
            if control | lead != 0, let at = firstForbiddenByteByByte(bytes, from: i, to: i + 8) { return at }
            i += 8
        }
        return firstForbiddenByteByByte(bytes, from: i, to: n)
    }

    /// The byte-by-byte check of `bytes[from..<to]` (a code point starting there may run past `to`).
    @inline(__always)
    private static func firstForbiddenByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let n = bytes.count
        var i = from
        while i < to {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return i }
            } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                return i  // EF BF BE = U+FFFE, EF BF BF = U+FFFF
            }
            i += 1
        }
        return nil
    }

    /// `bytes` (valid UTF-8) with every forbidden code point replaced by U+FFFD; runs of allowed bytes are copied whole.
    static func replacingForbidden(in bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first]))
        var runStart = first
        var i = first
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var width = 0
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { width = 1 }
            } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                width = 3
            }
            if width == 0 {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(contentsOf: replacement)
            i += width
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        return out
    }

    /// Calls `body` with `bytes` if XML can carry them as they are, otherwise with a cleaned copy.
    @inline(__always)
    static func withXMLSafe<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let first = firstForbidden(in: bytes) else { return body(bytes) }
        let clean = replacingForbidden(in: bytes, from: first)
        return clean.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a NUL-terminated, XML-safe copy of `string` (for attribute values).
    static func withXMLSafeCString<R>(_ string: String, _ body: (UnsafePointer<UInt8>) -> R) -> R {
        var s = string
        let clean: [UInt8]? = s.withUTF8 { bytes in
            guard let first = firstForbidden(in: bytes) else { return nil }
            var out = replacingForbidden(in: bytes, from: first)
            out.append(0)
            return out
        }
        if let clean {
            return clean.withUnsafeBufferPointer { body($0.baseAddress!) }
        }
        // No forbidden characters: U+0000 is forbidden, so the C string is the whole value.
        return s.withCString { p in
            p.withMemoryRebound(to: UInt8.self, capacity: 1) { body($0) }
        }
    }

    /// `string` as XML can carry it (used by the checker to state what the writer would have written).
    static func xmlSafe(_ string: String) -> String {
        var s = string
        return s.withUTF8 { bytes in
            guard let first = firstForbidden(in: bytes) else { return nil }
            return String(decoding: replacingForbidden(in: bytes, from: first), as: UTF8.self)
        } ?? string
    }
}
