import ScriptoriumModel
import ScriptoriumTestSupport
import Testing
@testable import ScriptoriumExtract

/// The eight-bytes-at-a-time helpers and what is built on them agree with the plain byte-by-byte answers.
@Suite struct ByteWordsTests {
    /// Texts that put every interesting byte at every offset of an eight-byte word.
    private static let samples: [String] = {
        let pieces = ["a", " ", "  ", "\t", "\r\n", "\n", "\u{00A0}", "\u{2003}", "\u{3000}", "é", "’", "日", "😀", "\u{07}",
                      "\u{7F}", "\u{FFFE}", ".", "?", "!", "…", "e\u{301}", "Japan", "1951"]
        var rng = SplitMix64(seed: 0x5752_4453) // seeded: a failure can be repeated
        var out: [String] = pieces
        for _ in 0..<300 {
            var s = ""
            for _ in 0..<Int.random(in: 1...40, using: &rng) { s += pieces.randomElement(using: &rng)! }
            out.append(s)
        }
        return out
    }()

    @Test func countsCodePoints() {
        for s in Self.samples {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                for from in 0..<min(buf.count, 9) {
                    let expected = buf[from...].filter { $0 & 0xC0 != 0x80 }.count
                    #expect(ByteWords.codePoints(p, from: from, to: buf.count) == expected)
                }
            }
        }
        // Long enough for the per-byte tallies to be folded more than once.
        let long = Array(String(repeating: "aé’😀", count: 2000).utf8)
        long.withUnsafeBufferPointer { buf in
            #expect(ByteWords.codePoints(buf.baseAddress!, from: 0, to: buf.count) == 4 * 2000)
            let line = Line.lineEnd(buf.baseAddress!, from: 0, buf.count)
            #expect(line.end == buf.count && line.continuationBytes == buf.count - 4 * 2000)
        }
    }

    @Test func findsLineEnds() {
        for s in Self.samples {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                for from in 0..<buf.count {
                    let expected = buf[from...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? buf.count
                    let found = Line.lineEnd(p, from: from, buf.count)
                    #expect(found.end == expected)
                    #expect(found.continuationBytes == buf[from..<expected].filter { $0 & 0xC0 == 0x80 }.count)
                }
            }
        }
    }

    @Test func cursorAgreesWithTheIndex() throws {
        for s in Self.samples where s.contains(where: { !$0.isWhitespace }) {
            guard let source = try? SourceText(fileBytes: Array(s.utf8), path: "t.txt") else { continue }
            var cursor = CodePointCursor(source)
            // Every character boundary, forwards, then a few jumps backwards.
            var boundaries = [0]
            var byte = 0
            for scalar in s.unicodeScalars {
                byte += UTF8.width(scalar)
                boundaries.append(byte)
            }
            for b in boundaries + boundaries.reversed() {
                #expect(cursor.codePointOffset(ofByte: b) == source.index.codePointOffset(ofByte: b))
            }
        }
    }

    @Test func recordIDsMatchRecordID() {
        for doc in ["d", "doc-000001", "a-rather-long-document-name-2024", "x.y"] {
            let ids = DocumentRecordIDs(document: doc)
            for n in [1, 2, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 1_000_000] {
                #expect(ids.section(n) == RecordID.section(document: doc, position: n))
                #expect(ids.block(n) == RecordID.block(document: doc, position: n))
                #expect(ids.mention(n) == RecordID.mention(document: doc, position: n))
                for k in [1, 7, 10, 123] {
                    #expect(ids.sentence(block: n, position: k)
                            == RecordID.sentence(block: RecordID.block(document: doc, position: n), position: k))
                }
            }
        }
    }

    /// The block text built with its eight-byte fast path equals a byte-by-byte reference: white-space runs are
    /// one space, controls and U+FFFE/U+FFFF are U+FFFD, everything else is copied.
    @Test func blockTextMatchesAByteByByteReference() {
        for s in Self.samples {
            let bytes = Array(s.utf8)
            let text = bytes.withUnsafeBufferPointer { BlockText(source: $0, lines: [0..<$0.count]) }
            var expected = ""
            var inSpace = false
            for scalar in s.unicodeScalars {
                if scalar.properties.isWhitespace {
                    if !inSpace { expected.unicodeScalars.append(" ") }
                    inSpace = true
                    continue
                }
                inSpace = false
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    expected.unicodeScalars.append("\u{FFFD}")
                } else {
                    expected.unicodeScalars.append(scalar)
                }
            }
            #expect(Array(text.string.unicodeScalars) == Array(expected.unicodeScalars), "\(s.debugDescription)")
        }
    }
}
