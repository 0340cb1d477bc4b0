import ScriptoriumModel

/// Whether a whole source is valid UTF-8 made only of characters that are NFC as they stand (the safe characters of
/// `NFCComposer.isKnownNFC`). Found once per document, it spares every span check its own scans: each span starts
/// and ends on a character boundary (the code-point index only returns those), so a span of such a source holds
/// only safe characters too, and a text that matches it (`SpanText.walk`) is made of those characters, spaces and
/// U+FFFD, so it is NFC as well. Anything else (a decomposed character, bytes that are not UTF-8, as a tampered
/// dataset may hold) answers false, and the span checks then scan each span as they always did.
enum SourceNFC {
    static func isValidAndKnownNFC(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buf.baseAddress else { return true }
        var i = 0
        while i < buf.count {
            // ASCII is valid and NFC: skip it eight bytes at a time.
            while i + 8 <= buf.count && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            while i < buf.count && buf[i] < 0x80 { i += 1 }
            guard i < buf.count else { break }
            // A run of non-ASCII bytes: no UTF-8 character spans an ASCII byte, so the source is valid exactly when
            // every such run is, and then each run holds whole characters and can be checked for NFC on its own.
            var end = i
            while end < buf.count && buf[end] >= 0x80 { end += 1 }
            let run = UnsafeBufferPointer(rebasing: buf[i..<end])
            guard isWellFormed(run), NFCComposer.isKnownNFC(run) else { return false }
            i = end
        }
        return true
    }

    /// True when `run` is a sequence of whole, well-formed UTF-8 characters (the Unicode standard's table 3-7:
    /// no overlong forms, no surrogates, nothing past U+10FFFF).
    static func isWellFormed(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < run.count {
            let width: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch run[i] {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE, 0xEF: width = 3
            case 0xED: width = 3; second = 0x80...0x9F
            case 0xF0: width = 4; second = 0x90...0xBF
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; second = 0x80...0x8F
            default: return false
            }
            guard i + width <= run.count, second.contains(run[i + 1]) else { return false }
            for k in 2..<width where run[i + k] & 0xC0 != 0x80 { return false }
            i += width
        }
        return true
    }
}
