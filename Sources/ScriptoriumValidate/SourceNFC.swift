import ScriptoriumModel
import ScriptoriumText

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
            while i + 8 <= buf.count && ByteWords.load(base, i) & ByteWords.highs == 0 {
                i += 8
            }
            while i < buf.count && buf[i] < 0x80 { i += 1 }
            guard i < buf.count else { break }
            // A run of non-ASCII bytes: no UTF-8 character spans an ASCII byte, so the source is valid exactly when
            // every such run is, and then each run holds whole characters and can be checked for NFC on its own.
            var end = i
            while end < buf.count && buf[end] >= 0x80 { end += 1 }
            let run = UnsafeBufferPointer(rebasing: buf[i..<end])
            guard UTF8Check.firstInvalidByte(run) == nil, NFCComposer.isKnownNFC(run) else { return false }
            i = end
        }
        return true
    }
}
