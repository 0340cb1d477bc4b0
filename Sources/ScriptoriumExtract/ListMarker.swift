import ScriptoriumText

/// A label at the start of a line: a list marker (`- `, `• `, `1. `, `(a) `, `iv. `) or a heading number (`2.1. `,
/// `IV. `, `§ 2 `, `Article 5`). Labels are kept as data, out of the text (SPEC §3): `value` is the label as written
/// less a trailing full stop ("2.1", "iv", "(a)", "1)", "-").
struct LineLabel: Equatable {
    enum Kind: Equatable {
        /// `-` `*` `+` `•` `–` `‣` `⁃` `◦` `▪`
        case bullet
        /// `1.` `1)` `(1)`
        case number
        /// `2.1` `2.1.` `10.4.3`: a clause or section number with `depth` parts.
        case dotted(depth: Int)
        /// `a.` `a)` `(a)` `(A)` `A)`, and `aa.` `bb.` after `z.`
        case letter
        /// `A.`: an appendix or part letter, a heading's label only.
        case upperLetter
        /// `iv.` `iv)` `(iv)`
        case roman
        /// `IV.` `(IV)`
        case upperRoman
        /// `§ 2`, `§2.1`
        case section
        /// `Article 5`, `Section 3.2`, `Chapter IV`, `Appendix A`: the numeral is the value, and the heading keeps its
        /// whole line as text (the keyword is how it is cited).
        case keyword
    }

    var kind: Kind
    /// The label as kept in the data.
    var value: Range<Int>
    /// Where the text after the label starts; nil when the label is alone on its line.
    var textStart: Int?
    /// The position the label names in its sequence (1 for `1.`, `a.`, `i.`, `(1)`), 0 for bullets and keywords.
    var ordinal: Int

    /// Whether the label can open a list (bullets, numbers, letters, lower-case roman numerals).
    var isListMarker: Bool {
        switch kind {
        case .bullet, .number, .letter, .roman, .upperLetter: return true
        case .dotted, .upperRoman, .section, .keyword: return false
        }
    }

    /// Whether the label can number a heading.
    var isHeadingNumber: Bool {
        switch kind {
        case .bullet, .letter, .roman: return false
        case .number, .dotted, .upperLetter, .upperRoman, .section, .keyword: return true
        }
    }


    /// The label at the start of `line` (a trimmed, non-empty range), if any.
    static func match(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> LineLabel? {
        let s = line.lowerBound, n = line.upperBound
        guard s < n else { return nil }
        let b = buf[s]
        // Bullets: one character, then white space or the end of the line.
        var bulletEnd = -1
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
            bulletEnd = s + 1
        } else if b == 0xE2, s + 2 < n {
            let b1 = buf[s + 1], b2 = buf[s + 2]
            // • U+2022, ‣ U+2023, – U+2013, ⁃ U+2043, ◦ U+25E6, ▪ U+25AA
            if (b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3 || b2 == 0x93)) || (b1 == 0x81 && b2 == 0x83)
                || (b1 == 0x97 && b2 == 0xA6) || (b1 == 0x96 && b2 == 0xAA) {
                bulletEnd = s + 3
            }
        }
        if bulletEnd > 0 {
            return finish(buf, line, kind: .bullet, value: s..<bulletEnd, end: bulletEnd, ordinal: 0)
        }
        // § 2, §2.1
        if b == 0xC2, s + 1 < n, buf[s + 1] == 0xA7 {
            var i = s + 2
            while i < n, buf[i] == 0x20 { i += 1 }
            let digits = i
            while i < n, ASCII.isDigit(buf[i]) || (buf[i] == UInt8(ascii: ".") && i + 1 < n && ASCII.isDigit(buf[i + 1])) { i += 1 }
            guard i > digits else { return nil }
            let valueEnd = i
            if i < n, buf[i] == UInt8(ascii: ".") { i += 1 }
            return finish(buf, line, kind: .section, value: s..<valueEnd, end: i, ordinal: 0)
        }
        // (1) (a) (iv) (A) (IV)
        if b == UInt8(ascii: "(") {
            var i = s + 1
            while i < n, i - s <= 6, buf[i] != UInt8(ascii: ")"), buf[i] != 0x20 { i += 1 }
            guard i < n, buf[i] == UInt8(ascii: ")"), i > s + 1 else { return nil }
            guard let (kind, ordinal) = classify(buf, s + 1..<i, parenthesised: true) else { return nil }
            return finish(buf, line, kind: kind, value: s..<(i + 1), end: i + 1, ordinal: ordinal)
        }
        // 1. 1) 2.1 2.1. iv. iv) a. a) A) IV.
        var i = s
        while i < n, ASCII.isDigit(buf[i]) || ASCII.isLower(buf[i]) || ASCII.isUpper(buf[i]) { i += 1 }
        guard i > s else { return nil }
        if i - s > 6 { return keyword(buf, line) }
        if ASCII.isDigit(b) {
            // Digits, then dotted parts.
            var j = s
            while j < n, ASCII.isDigit(buf[j]) { j += 1 }
            guard j - s <= 3 else { return nil }
            var depth = 1
            var k = j
            while k + 1 < n, buf[k] == UInt8(ascii: "."), ASCII.isDigit(buf[k + 1]) {
                k += 1
                let partStart = k
                while k < n, ASCII.isDigit(buf[k]) { k += 1 }
                guard k - partStart <= 3 else { return nil }
                depth += 1
            }
            let ordinal = Int(number(buf, s..<j))
            if depth > 1 {
                // "2.1 Remedies" or "2.1. Remedies"; not "2.1 million" (the text must start in upper case).
                if k < n, buf[k] == UInt8(ascii: ".") { return finish(buf, line, kind: .dotted(depth: depth), value: s..<k, end: k + 1, ordinal: ordinal) }
                guard k + 1 < n, buf[k] == 0x20, ASCII.isUpper(buf[k + 1]) || buf[k + 1] == UInt8(ascii: "\"") else { return nil }
                return finish(buf, line, kind: .dotted(depth: depth), value: s..<k, end: k, ordinal: ordinal)
            }
            guard j < n, buf[j] == UInt8(ascii: ".") || buf[j] == UInt8(ascii: ")") else { return nil }
            let value = buf[j] == UInt8(ascii: ")") ? s..<(j + 1) : s..<j
            return finish(buf, line, kind: .number, value: value, end: j + 1, ordinal: ordinal)
        }
        guard i < n, buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ")") else {
            return keyword(buf, line)
        }
        guard let (kind, ordinal) = classify(buf, s..<i, parenthesised: buf[i] == UInt8(ascii: ")")) else { return nil }
        let value = buf[i] == UInt8(ascii: ")") ? s..<(i + 1) : s..<i
        return finish(buf, line, kind: kind, value: value, end: i + 1, ordinal: ordinal)
    }

    /// The kind of a label's letters or digits: `a` a letter, `iv` roman, `IV` upper-case roman, `A` an upper-case
    /// letter (as a list marker only in brackets or before `)`), `12` a number.
    private static func classify(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, parenthesised: Bool) -> (Kind, Int)? {
        let first = buf[r.lowerBound]
        if r.allSatisfy({ ASCII.isDigit(buf[$0]) }) {
            return r.count <= 3 ? (.number, Int(number(buf, r))) : nil
        }
        if r.count == 1 {
            if ASCII.isLower(first) { return (.letter, Int(first - 0x60)) }
            if ASCII.isUpper(first) {
                if let roman = romanValue(buf, r), first == UInt8(ascii: "I") { return (.upperRoman, roman) }
                return (parenthesised ? .letter : .upperLetter, Int(first - 0x40))
            }
            return nil
        }
        if let roman = romanValue(buf, r) { return (ASCII.isLower(first) ? .roman : .upperRoman, roman) }
        // "aa." "bb." … after "z.": a lettered list that ran past the alphabet.
        if r.count == 2, ASCII.isLower(first), buf[r.lowerBound + 1] == first { return (.letter, 26 + Int(first - 0x60)) }
        return nil
    }

    /// `Article 5`, `Section 3.2`, `Chapter IV`, `Part II`, `Appendix A`: a keyword, a space, a numeral, then the end
    /// of the line, or a space, `.`, `:` or `-` and the title.
    private static func keyword(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> LineLabel? {
        let s = line.lowerBound, n = line.upperBound
        var i = s
        while i < n, ASCII.isLower(buf[i]) || ASCII.isUpper(buf[i]) { i += 1 }
        guard i - s >= 4, i - s <= 8, i + 1 < n, buf[i] == 0x20, ASCII.isUpper(buf[s]) else { return nil }
        guard keywords.contains(where: { word in
            word.count == i - s && zip(word, buf[s..<i]).allSatisfy { $0 == $1 | 0x20 }
        }) else { return nil }
        let numeral = i + 1
        var k = numeral
        while k < n, ASCII.isDigit(buf[k]) || ASCII.isUpper(buf[k]) || (buf[k] == UInt8(ascii: ".") && k + 1 < n && ASCII.isDigit(buf[k + 1])) {
            k += 1
        }
        guard k > numeral, k - numeral <= 8 else { return nil }
        let digits = buf[numeral..<k].allSatisfy { ASCII.isDigit($0) || $0 == UInt8(ascii: ".") }
        guard digits || romanValue(buf, numeral..<k) != nil || k - numeral == 1 else { return nil }
        if k < n {
            let c = buf[k]
            guard c == 0x20 || c == UInt8(ascii: ".") || c == UInt8(ascii: ":") || c == UInt8(ascii: "-") || c >= 0x80 else { return nil }
        }
        return LineLabel(kind: .keyword, value: numeral..<k, textStart: nil, ordinal: 0)
    }

    static let keywords: [[UInt8]] = ["article", "section", "chapter", "part", "appendix", "annex", "schedule",
                                      "exhibit", "clause", "book", "title", "rule"].map { Array($0.utf8) }

    /// The label ends at `end`; the text starts after white space, or the label is alone.
    private static func finish(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, kind: Kind, value: Range<Int>,
                               end: Int, ordinal: Int) -> LineLabel? {
        if end == line.upperBound { return LineLabel(kind: kind, value: value, textStart: nil, ordinal: ordinal) }
        guard Whitespace.width(buf, at: end) > 0 else { return nil }
        var i = end
        while i < line.upperBound {
            let w = Whitespace.width(buf, at: i)
            if w == 0 { break }
            i += w
        }
        return LineLabel(kind: kind, value: value, textStart: i < line.upperBound ? i : nil, ordinal: ordinal)
    }

    private static func number(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var v = 0
        for k in r { v = v * 10 + Int(buf[k] - 0x30) }
        return v
    }

    /// The value of a Roman numeral written in one case (`iv`, `XII`), up to 4000; nil when it is not one.
    static func romanValue(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 7 else { return nil }
        func digit(_ b: UInt8) -> Int? {
            switch b | 0x20 {
            case UInt8(ascii: "i"): return 1
            case UInt8(ascii: "v"): return 5
            case UInt8(ascii: "x"): return 10
            case UInt8(ascii: "l"): return 50
            case UInt8(ascii: "c"): return 100
            default: return nil
            }
        }
        let lower = ASCII.isLower(buf[r.lowerBound])
        var total = 0
        var k = r.lowerBound
        var previous = Int.max
        while k < r.upperBound {
            guard ASCII.isLower(buf[k]) == lower, let v = digit(buf[k]) else { return nil }
            let next = k + 1 < r.upperBound ? digit(buf[k + 1]) : nil
            if let next, next > v {
                guard next <= v * 10, v < previous else { return nil }
                total += next - v
                previous = v
                k += 2
            } else {
                guard v <= previous else { return nil }
                total += v
                previous = v
                k += 1
            }
        }
        // Canonical only: "iiii" and "vv" are not numerals.
        var canonical = ""
        var rest = total
        for (value, symbol) in [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
            while rest >= value { canonical += symbol; rest -= value }
        }
        let written = String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self).lowercased()
        return written == canonical ? total : nil
    }
}

extension LineLabel.Kind {
    var isDotted: Bool {
        if case .dotted = self { return true }
        return false
    }
}
