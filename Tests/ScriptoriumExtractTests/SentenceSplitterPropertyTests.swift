import Testing
import ScriptoriumTestSupport
@testable import ScriptoriumExtract


@Suite("SentenceSplitter: properties")
struct SentenceSplitterPropertyTests {
    /// Pieces random paragraphs are made of: spaces, letters, digits, punctuation, openers and closers, bullets,
    /// abbreviations, and multi-byte characters of two, three and four bytes.
    static let pieces: [String] = [
        " ", " ", " ", "  ", "a", "e", "x", "B", "I", "U", "The", "word", "Japan", "1", "2", "10", "9",
        ".", ".", ".", "?", "!", ",", ";", ":", "-", "(", ")", "[", "]", "\"", "'", "@", "/", "$",
        "…", "’", "‘", "“", "”", "«", "»", "¿", "é", "É", "ß", "日本", "—", "•", "⁃", "€", "😀", "𝔸",
        "U.S.", "e.g.", "Mr.", "a.m.", "No.", "etc.", "...", ". . .", "1.", "a.", "2)", "• 3.",
    ]

    static func randomText(_ rng: inout SplitMix64) -> [UInt8] {
        let count = Int(rng.next() % 40)
        var bytes: [UInt8] = []
        for _ in 0..<count {
            let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
            bytes.append(contentsOf: piece.utf8)
        }
        return bytes
    }

    /// Checks every property of the ranges of one text; returns a description of the first violation.
    static func violation(in bytes: [UInt8]) -> String? {
        let ranges = bytes.withUnsafeBufferPointer { SentenceSplitter.split($0) }
        var covered = [Bool](repeating: false, count: bytes.count)
        var previousEnd = 0
        for r in ranges {
            if r.isEmpty { return "empty range \(r)" }
            if r.lowerBound < previousEnd { return "range \(r) overlaps or is out of order" }
            if r.upperBound > bytes.count { return "range \(r) past the end" }
            if bytes[r.lowerBound] == 0x20 || bytes[r.upperBound - 1] == 0x20 { return "range \(r) not trimmed" }
            if bytes[r.lowerBound] & 0xC0 == 0x80 { return "range \(r) starts inside a UTF-8 sequence" }
            if r.upperBound < bytes.count && bytes[r.upperBound] & 0xC0 == 0x80 {
                return "range \(r) ends inside a UTF-8 sequence"
            }
            for k in r { covered[k] = true }
            previousEnd = r.upperBound
        }
        for (k, b) in bytes.enumerated() where b != 0x20 && !covered[k] { return "byte \(k) not covered" }
        return nil
    }

    @Test func randomParagraphsKeepTheInvariants() {
        var rng = SplitMix64(seed: 0x5C21_9701)
        for iteration in 0..<600 {
            let bytes = Self.randomText(&rng)
            if let problem = Self.violation(in: bytes) {
                Issue.record("iteration \(iteration): \(problem) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                return
            }
        }
    }

    @Test func randomBytesKeepTheInvariants() {
        // Arbitrary bytes, valid UTF-8 or not: still in order, trimmed, non-empty and covering.
        var rng = SplitMix64(seed: 42)
        let alphabet: [UInt8] = [0x20, 0x20, 0x2E, 0x3F, 0x21, 0x41, 0x61, 0x31, 0x29, 0x22, 0xE2, 0x80, 0xA6, 0x99, 0xC2, 0xBB]
        for iteration in 0..<400 {
            let count = Int(rng.next() % 64)
            let bytes = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let ranges = bytes.withUnsafeBufferPointer { SentenceSplitter.split($0) }
            var previousEnd = 0
            var covered = 0
            for r in ranges {
                #expect(!r.isEmpty && r.lowerBound >= previousEnd && r.upperBound <= bytes.count,
                        "iteration \(iteration): \(r)")
                if r.isEmpty || r.upperBound > bytes.count { return }
                #expect(bytes[r.lowerBound] != 0x20 && bytes[r.upperBound - 1] != 0x20)
                covered += r.filter { bytes[$0] != 0x20 }.count
                previousEnd = r.upperBound
            }
            #expect(covered == bytes.filter { $0 != 0x20 }.count, "iteration \(iteration)")
        }
    }

    @Test func joiningSentencesGivesTheTextBack() {
        // Re-joining the sentences with single spaces gives back a single-spaced paragraph.
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let bytes = Self.randomText(&rng)
            let normalised = String(decoding: bytes, as: UTF8.self)
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(splitSentences(normalised).joined(separator: " ") == normalised)
        }
    }
}
