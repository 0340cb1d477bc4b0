import Foundation
import ScriptoriumTestSupport


/// Inputs for the fuzz tests.
enum FuzzInput {
    /// Bytes, mostly text-like: ASCII, line ends, list markers, complete multi-byte characters, and now and
    /// then something broken (a lone continuation byte, a truncated sequence, 0xFF, a NUL, a BOM, a signature).
    static let byteAtoms: [[UInt8]] = [
        [0x20], [0x20], [0x0A], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x2E], [0x2E, 0x20], [0x3F], [0x21], [0x2D, 0x20],
        [0x2A, 0x20], [0x31, 0x2E, 0x20], [0x31, 0x29, 0x20], [0x61, 0x2E, 0x20], [0x22], [0x27], [0x28], [0x29],
        Array("a".utf8), Array("The".utf8), Array("word".utf8), Array("Japan".utf8), Array("U.S.".utf8), Array("1951".utf8),
        Array("é".utf8), Array("e\u{301}".utf8), Array("€".utf8), Array("😀".utf8), Array("🇯🇵".utf8), Array("\u{00A0}".utf8),
        Array("\u{200B}".utf8), Array("\u{3000}".utf8), Array("\u{2028}".utf8), Array("\u{FEFF}".utf8), Array("’".utf8),
        Array("—".utf8), Array("…".utf8), Array("•".utf8), Array("<&>".utf8), Array("\u{FFFF}".utf8), Array("\u{07}".utf8),
        [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x00],
        [0xEF, 0xBB, 0xBF], [0x25, 0x50, 0x44, 0x46, 0x2D],
    ]

    static func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        let count = rng.below(120)
        // Half the inputs stay valid UTF-8 (broken atoms left out), so that most reach the extractor.
        let clean = rng.chance(50)
        for _ in 0..<count {
            if rng.chance(3) {
                bytes.append(UInt8(truncatingIfNeeded: rng.next()))
            } else {
                bytes += rng.pick(byteAtoms)
            }
        }
        // Broken sequences become U+FFFD, NULs go.
        if clean { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8).filter { $0 != 0 } }
        return bytes
    }

    /// Words and phrases that sentences are made of: lexicon names and aliases (some across a line break
    /// later), dates in every form, abbreviations, numbers, quotes, emoji, right-to-left words, decomposed
    /// letters, zero-width and non-breaking spaces, markup characters.
    static let words: [String] = [
        "the", "treaty", "was", "signed", "by", "and", "in", "of", "a", "security", "alliance", "forces", "Article", "9",
        "Japan", "Japan’s", "Japan's", "United States", "U.S.", "US", "America", "U.S. Senate", "China", "Korea", "Okinawa",
        "Tokyo", "Washington", "Pacific", "Cold War", "San Francisco", "Treaty of San Francisco", "NATO", "Yoshida",
        "1951", "1960", "4 April 1949", "April 4, 1949", "June 1948", "1949-04-04", "8 September 1951", "the 1990s",
        "Mr.", "Dr.", "e.g.", "i.e.", "etc.", "No. 5", "p.m.", "St.", "U.N.", "3.14", "1,000", "$5", "10%",
        "“quoted”", "‘single’", "\"plain\"", "(aside)", "[note]", "—", "–", "-", "…", "...", ";", ":", ",",
        "😀", "🇯🇵", "👩‍👩‍👧", "👍🏽", "日本", "القاهرة", "עברית", "Zu\u{308}rich", "cafe\u{301}", "Ångström",
        "zero\u{200B}width", "no\u{00A0}break", "a\u{202F}b", "<p>", "&amp;", "a & b", "x < y", "]]>",
        "\u{0C}", "\u{07}", "Ja\u{200D}pan", "U.S.\u{200B}", "Japan\u{200B}", "Japan\u{00A0}", "e\u{301}",
    ]

    static func sentence(_ rng: inout SplitMix64) -> String {
        var parts: [String] = []
        for _ in 0..<(1 + rng.below(14)) { parts.append(rng.pick(words)) }
        var text = parts.joined(separator: rng.chance(10) ? rng.pick(["  ", "\u{00A0}", "\t", " \u{200B}"]) : " ")
        if rng.chance(85) { text += rng.pick([".", ".", ".", "?", "!", "…", ".”", "?)", "!\"", ". . ."]) }
        return text
    }

    static func paragraph(_ rng: inout SplitMix64) -> String {
        (0..<(1 + rng.below(5))).map { _ in sentence(&rng) }.joined(separator: rng.chance(80) ? " " : "  ")
    }

    /// A document: headings, paragraphs (one line, or hard-wrapped with a word hyphenated across a break),
    /// list items with every kind of marker (some on a line of their own, some continued by an indented line),
    /// blank lines with stray white space; LF, CRLF or CR line ends; sometimes a BOM.
    static func structuredText(_ rng: inout SplitMix64) -> [UInt8] {
        let newline = rng.pick(["\n", "\n", "\r\n", "\r"])
        var lines: [String] = []
        for _ in 0..<(1 + rng.below(8)) {
            switch rng.below(10) {
            case 0, 1:
                lines.append(rng.pick(["Introduction", "The Treaty of 1951", "Why Japan?", "Origins and aims", "日本 and the U.S.",
                                       "Part 2: after 1960", "Zu\u{308}rich", "A <heading> & more"]))
            case 2, 3, 4:
                lines.append(paragraph(&rng))
            case 5, 6:
                // Hard-wrapped: split at spaces, sometimes inside a word with a hyphen.
                let words = paragraph(&rng).split(separator: " ").map(String.init)
                var line = ""
                for word in words {
                    if line.count > 20 && rng.chance(40) {
                        if rng.chance(20) && word.count > 3 {
                            let cut = word.index(word.startIndex, offsetBy: 2)
                            lines.append(line + " " + word[..<cut] + "-")
                            line = String(word[cut...])
                            continue
                        }
                        lines.append(line)
                        line = word
                    } else {
                        line += line.isEmpty ? word : " " + word
                    }
                }
                if !line.isEmpty { lines.append(line) }
            case 7, 8:
                for k in 0..<(1 + rng.below(4)) {
                    let marker = rng.pick(["- ", "* ", "• ", "– ", "\(k + 1). ", "\(k + 1)) ", "a. ", "-", "•"])
                    if rng.chance(15) {
                        lines.append(marker.trimmingCharacters(in: .whitespaces))
                        lines.append(sentence(&rng))
                    } else {
                        lines.append(marker + sentence(&rng))
                    }
                    if rng.chance(20) { lines.append("  " + sentence(&rng)) }
                }
            default:
                lines.append(rng.pick(["", "", " ", "\t", "\u{00A0}", "   "]))
            }
            if rng.chance(70) { lines.append("") }
        }
        var text = lines.joined(separator: newline)
        if rng.chance(60) { text += newline }
        if rng.chance(5) { text = "\u{FEFF}" + text }
        return Array(text.utf8)
    }
}

/// Shrinks a failing input: removes chunks of bytes, halving the chunk size, while the input still fails.
enum Shrinker {
    static func shrink(_ input: [UInt8], budget: Int = 4000, fails: ([UInt8]) -> Bool) -> [UInt8] {
        var best = input
        var tries = 0
        var chunk = max(1, best.count / 2)
        while chunk >= 1 && tries < budget {
            var start = 0
            var removed = false
            while start < best.count && tries < budget {
                var candidate = best
                candidate.removeSubrange(start..<min(start + chunk, best.count))
                tries += 1
                if fails(candidate) {
                    best = candidate
                    removed = true
                } else {
                    start += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return best
    }
}
