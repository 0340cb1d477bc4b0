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
        // Without the document in view (the local rule): capitals, digits, prefixes always hyphenated.
        #expect(text("the US-\nJapan treaty and self-\ndefense").0.string == "the US-Japan treaty and self-defense")
        #expect(text("a 12-\nmile limit").0.string == "a 12-mile limit")
        #expect(text("US-\nbased and NATO-\nled").0.string == "US-based and NATO-led")
        #expect(text("long-term-\nplanning").0.string == "long-term-planning")
        #expect(text("pre-\n1945 Japan").0.string == "pre-1945 Japan")
    }

    @Test func splitWordsAreRejoined() {
        #expect(text("strictly defen-\nsive").0.string == "strictly defensive")
        #expect(text("self-\nish and self-\nless").0.string == "selfish and selfless")
        #expect(text("Defen-\r\nsive").0.string == "Defensive")
    }

    @Test func suspendedHyphensKeepTheirSpace() {
        #expect(text("both pre-\nand post-war cabinets").0.string == "both pre- and post-war cabinets")
        #expect(text("for 10-\r\nto 12-year terms").0.string == "for 10- to 12-year terms")
        // Not suspended: no hyphenated word follows.
        #expect(text("brand-\nand more").0.string == "brandand more")
    }

    @Test func dashesAtALineEndAreOrdinaryBreaks() {
        #expect(text("firm --\na word").0.string == "firm -- a word")
        #expect(text("firm--\na word").0.string == "firm-- a word")
        #expect(text("a list -\nof things").0.string == "a list - of things")
    }

    @Test func mapsJoinedWordsBackToTheSource() {
        let source = "the right of self-\r\ndefense and US-\nJapan ties"
        let (t, bytes) = text(source)
        #expect(t.string == "the right of self-defense and US-Japan ties")
        for (needle, expected) in [("self-defense", "self-\r\ndefense"), ("US-Japan", "US-\nJapan"), ("ties", "ties")] {
            let r = t.string.utf8.firstRange(of: needle.utf8)!
            let lo = t.string.utf8.distance(from: t.string.utf8.startIndex, to: r.lowerBound)
            let range = t.sourceRange(of: lo..<(lo + needle.utf8.count))
            #expect(String(decoding: bytes[range], as: UTF8.self) == expected)
        }
    }
}
