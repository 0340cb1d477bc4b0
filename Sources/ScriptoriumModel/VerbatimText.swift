import Foundation
/// TEMPORARY until the records branch lands.
public enum VerbatimText {
    public static func form(of text: String) -> String {
        var s = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        s = String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            (u.value < 0x20 && u.value != 0x09 && u.value != 0x0A) || u.value == 0xFFFE || u.value == 0xFFFF ? "\u{FFFD}" : u }))
        return s.precomposedStringWithCanonicalMapping
    }
}
