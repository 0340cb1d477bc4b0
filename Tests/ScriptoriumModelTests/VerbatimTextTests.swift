import Testing
import ScriptoriumModel

/// The verbatim form of a span: line ends to LF, characters XML forbids to U+FFFD, NFC, nothing else.
@Suite struct VerbatimTextTests {
    @Test func lineEndsBecomeLineFeeds() {
        #expect(VerbatimText.form(of: "a\r\nb\rc\nd\r\n\r\n") == "a\nb\nc\nd\n\n")
        #expect(VerbatimText.form(of: "\r") == "\n")
        #expect(VerbatimText.form(of: "\r\r\n") == "\n\n")
    }

    @Test func forbiddenCharactersBecomeReplacementCharacters() {
        // Swift literals cannot hold the non-characters U+FFFE and U+FFFF.
        let nonCharacters = String(Unicode.Scalar(0xFFFE)!) + "g" + String(Unicode.Scalar(0xFFFF)!)
        #expect(VerbatimText.form(of: "a\u{0}b\u{8}c\u{B}d\u{C}e\u{1F}f" + nonCharacters)
                    == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}")
        // Tab, C1 controls and other non-characters are kept.
        let kept = "\t\u{85}" + String(Unicode.Scalar(0xFDD0)!)
        #expect(VerbatimText.form(of: kept) == kept)
    }

    @Test func textIsComposedButNeverCollapsedOrTrimmed() {
        #expect(VerbatimText.form(of: "  cafe\u{301}  \t x  ") == "  caf\u{E9}  \t x  ")
        #expect(VerbatimText.form(of: "a\u{1}\u{301}") == "a\u{FFFD}\u{301}", "U+FFFD does not compose")
        let code = "if a < b && c {\n    return \"x\"\n}"
        #expect(VerbatimText.form(of: code) == code)
        #expect(VerbatimText.form(of: code.dropFirst(3)) == String(code.dropFirst(3)))
    }
}
