import Foundation
import Testing
import ScriptoriumTestSupport
@testable import ScriptoriumJSON
@testable import ScriptoriumJSONLD

@Suite struct JSONWriterTests {
    private func written(_ strings: [String]) -> [UInt8] {
        var w = JSONWriter(capacity: 16)
        w.beginArray()
        for s in strings { w.string(s) }
        w.endArray()
        return w.take()
    }

    /// Parses the array back and compares code point by code point (Swift `==` on String would call
    /// canonically equivalent strings equal, hiding a lost combining mark).
    private func roundTrips(_ strings: [String]) throws {
        let parsed = try #require(try Parsed.json(written(strings)) as? [String])
        #expect(parsed.count == strings.count)
        for (a, b) in zip(parsed, strings) {
            #expect(Array(a.unicodeScalars) == Array(b.unicodeScalars), "\(b.debugDescription)")
        }
    }

    @Test func quotesAndBackslashes() throws {
        try roundTrips(["\"", "\\", "a\"b\\c", "\\\"", "\"\"\"\"\"\"\"\"\"", "C:\\path\\to\\file", "ends with \\"])
        #expect(String(decoding: written(["a\"b\\c"]), as: UTF8.self) == #"["a\"b\\c"]"#)
    }

    @Test func everyControlCharacter() throws {
        let all = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        try roundTrips(all + [all.joined(), "line\nbreak\ttab\r\n", "\u{7F}"])
        let text = String(decoding: written(["\n\t\r\u{8}\u{C}\u{0}\u{1F}"]), as: UTF8.self)
        #expect(text == #"["\n\t\r\b\f\u0000\u001f"]"#)
        // No raw control byte survives.
        #expect(!written([all.joined()]).contains { $0 < 0x20 })
    }

    @Test func nonBMPAndCombiningMarksPassThroughAsUTF8() throws {
        let samples = ["😀", "𝔘𝔖", "🎌 flag", "e\u{301}", "Tōkyō\u{301}", "a\u{300}\u{301}\u{302}", "日本語",
                       "’ “ ” — …", "\u{10FFFF}", "x\u{200D}y", "\u{FFFD}\u{FF21}"]
        try roundTrips(samples)
        for s in samples {
            // Written as themselves: quote, the exact UTF-8 bytes, quote.
            #expect(written([s]) == [0x5B, 0x22] + Array(s.utf8) + [0x22, 0x5D])
        }
    }

    @Test func separatorsAndByteOrderMarkAreEscaped() throws {
        try roundTrips(["a\u{2028}b\u{2029}c", "\u{2028}", "\u{2027}\u{202A}", "\u{FEFF}bom", "x\u{FEFF}", "\u{FEFE}\u{FFFF}"])
        #expect(String(decoding: written(["\u{2028}\u{2029}\u{FEFF}"]), as: UTF8.self) == #"["\u2028\u2029\ufeff"]"#)
    }

    /// Specials at every position around the eight-byte fast path.
    @Test func specialsAtEveryOffset() throws {
        let specials = ["\"", "\\", "\n", "\u{1}", "é", "—", "\u{2028}", "\u{FEFF}", "😀", "e\u{301}"]
        var strings: [String] = []
        for s in specials {
            for prefix in 0..<20 {
                strings.append(String(repeating: "a", count: prefix) + s + String(repeating: "b", count: 19 - prefix))
            }
        }
        try roundTrips(strings)
    }

    @Test func randomStringsRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        let pool: [UnicodeScalar] = (0..<0x20).map { UnicodeScalar(UInt8($0)) } + ["\"", "\\", "/", "a", "Z", " ", "é",
            "\u{301}", "\u{2028}", "\u{2029}", "\u{2014}", "\u{201C}", "\u{1F600}", "\u{1D518}", "\u{E2}", "\u{7F}", "\u{FEFF}", "\u{FF21}"]
        var strings: [String] = []
        for _ in 0..<500 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 60) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            strings.append(String(s))
        }
        try roundTrips(strings)
    }

    @Test func strictCheckRejectsWhatFoundationLetsThrough() throws {
        for bad in ["{\"a\":1,}", "[1,]", "[\"\u{1}\"]", "[01]", "{\"a\" 1}", "[\"\\x\"]", "[1] x", "[-]", "{,}"] {
            #expect(throws: StrictJSON.SyntaxError.self, "\(bad)") { try StrictJSON.validate(Array(bad.utf8)) }
        }
        try StrictJSON.validate(Array(#"{"a":[1,-0.5e+3,true,false,null,"\u00e9\n",{}],"b":{"c":[]}}"#.utf8))
    }

    /// A writer that starts tiny grows as it goes, whatever is written.
    @Test func growsFromATinyBuffer() throws {
        let long = String(repeating: "a\"é\n😀", count: 10_000)
        var w = JSONWriter(capacity: 1)
        w.beginArray()
        for k in 0..<200 {
            w.lineBreak(indent: k % 40)
            w.string(long.prefix(k * 37).description)
            w.int(k)
        }
        w.endArray()
        let parsed = try #require(try Parsed.json(w.take()) as? [Any])
        #expect(parsed.count == 400)
        #expect(parsed[398] as? String == long.prefix(199 * 37).description)
    }

    @Test func integersAndStructure() throws {
        var w = JSONWriter(capacity: 0)
        w.beginObject()
        w.key("a")
        w.beginArray()
        for n in [0, 7, 10, -1, -10, 123_456_789, Int.max, Int.min] { w.int(n) }
        w.endArray()
        w.lineBreak(indent: 2)
        w.key("b")
        w.beginObject()
        w.endObject()
        w.key("c")
        w.beginArray()
        w.endArray()
        w.key("d")
        w.bool(true)
        w.dynamicKey("k\"ey")
        w.string("https://x/", "id")
        w.endObject()
        let bytes = w.finish()
        #expect(bytes.last == UInt8(ascii: "\n"))
        let o = try #require(try Parsed.json(bytes) as? [String: Any])
        let numbers = try #require(o["a"] as? [NSNumber]).map(\.int64Value)
        #expect(numbers == [0, 7, 10, -1, -10, 123_456_789, Int64.max, Int64.min])
        #expect((o["b"] as? [String: Any])?.isEmpty == true)
        #expect((o["c"] as? [Any])?.isEmpty == true)
        #expect(o["k\"ey"] as? String == "https://x/id")
        #expect(String(decoding: bytes, as: UTF8.self).contains("],\n  \"b\":{}"))
    }
}

