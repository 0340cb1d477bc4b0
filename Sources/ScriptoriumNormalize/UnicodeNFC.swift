import Foundation

/// Unicode Normalization Form C, paid for only where it can change something.
///
/// Foundation's NFC runs at a few MB/s, so every text is first scanned on its bytes: a text made only of
/// characters that are NFC, never combine with a neighbour and never decompose is already NFC and is kept
/// as it is. That covers ASCII, Latin-1 and the Latin extensions below U+0300, the general punctuation the
/// essays use (U+2002–U+206F: ’ “ ” — …), CJK ideographs and the emoji plane.
public enum UnicodeNFC {
    public static func isKnownNFC(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0xCC {
                i += 1 // ASCII, a 2-byte lead below U+0300, or a continuation byte of a checked sequence
                continue
            }
            if b == 0xE2, i + 2 < n {
                let cp = (UInt32(b & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F)
                if cp >= 0x2002 && cp <= 0x206F {
                    i += 3
                    continue
                }
                return false
            }
            if b >= 0xE4 && b <= 0xE9 { // U+4000–U+9FFF: CJK ideographs and Yijing symbols
                i += 3
                continue
            }
            if b == 0xF0, i + 1 < n, buf[i + 1] == 0x9F { // U+1F000–U+1FFFF: emoji and pictographs
                i += 4
                continue
            }
            return false
        }
        return true
    }

    public static func isKnownNFC(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { isKnownNFC($0) } }

    /// `text` in NFC.
    public static func normalize(_ text: String) -> String {
        var copy = text
        let known = copy.withUTF8 { isKnownNFC($0) }
        return known ? text : text.precomposedStringWithCanonicalMapping
    }
}
