import Testing
@testable import ScriptoriumExtract

@Suite struct BlockTextTests {
    private func text(_ source: String, lines: [Range<Int>]? = nil) -> (BlockText, [UInt8]) {
        let bytes = Array(source.utf8)
        let ranges = lines ?? bytes.withUnsafeBufferPointer { buf in Line.scan(buf).filter { !$0.isBlank }.map(\.trimmed) }
        return (bytes.withUnsafeBufferPointer { BlockText(source: $0, lines: ranges) }, bytes)
    }

    @Test func collapsesEveryKindOfWhiteSpace() {
        let (t, _) = text("a \t b\u{00A0}\u{00A0}c\u{2003}d\u{3000}e")
        #expect(t.string == "a b c d e")
    }

    @Test func replacesControlCharacters() {
        let (t, _) = text("bell\u{07}here")
        #expect(t.string == "bell\u{FFFD}here")
    }

    @Test func mapsRangesBackToTheSource() {
        let source = "The  United\r\nStates and Ja-\npan’s allies"
        let (t, bytes) = text(source)
        #expect(t.string == "The United States and Japan’s allies")
        func sourceText(of needle: String) -> String {
            let r = t.string.utf8.firstRange(of: needle.utf8)!
            let lo = t.string.utf8.distance(from: t.string.utf8.startIndex, to: r.lowerBound)
            let range = t.sourceRange(of: lo..<(lo + needle.utf8.count))
            return String(decoding: bytes[range], as: UTF8.self)
        }
        #expect(sourceText(of: "United States") == "United\r\nStates")
        #expect(sourceText(of: "Japan") == "Ja-\npan")
        #expect(sourceText(of: "The") == "The")
        #expect(sourceText(of: "allies") == "allies")
    }

    @Test func realHyphensStayAtALineEnd() {
        let (t, _) = text("the US-\nJapan treaty and self-\ndefense")
        #expect(t.string == "the US-Japan treaty and selfdefense")
    }
}
