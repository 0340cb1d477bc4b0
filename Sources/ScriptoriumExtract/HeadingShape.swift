import ScriptoriumText

/// How a line looks as a heading, and the line-end tests that decide whether a line stops mid-sentence:
/// the word-level half of `StructureReader`.
extension StructureReader {
    /// The number of code points in `range` (UTF-8 bytes that are not continuation bytes).
    static func codePoints(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for k in range where buf[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Whether a line starts like a sentence or a heading: a capital letter, a digit, a non-ASCII character, an
    /// opening quote or bracket.
    static func startsLikeSentence(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let b = buf[line.lowerBound]
        return (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0xC0
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(") || b == UInt8(ascii: "[")
    }

    /// A heading is a short line with a letter in it that does not end like a sentence or a clause (a question
    /// heading may end in `?`) nor in a lower-case function word, with at most `maxTitleWords` words in Title
    /// Case or capitals and at most `maxSentenceCaseWords` otherwise.
    static func isHeading(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        headingShape(buf, line) != nil
    }

    /// How a heading-like line looks: the shapes that are headings wherever they stand, and the others.
    enum HeadingShape {
        /// Title Case or capitals.
        case titled
        /// Sentence case: a heading standing alone, but inside wrapped text only when clearly short.
        case plain
    }

    /// `allowFinalStop`: a heading standing alone may end in a full stop ("0. Definitions.", "Appendix.") when it is
    /// short: at most two words, or Title Case.
    static func headingShape(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, allowFinalStop: Bool = false) -> HeadingShape? {
        guard !line.isEmpty, line.count <= maxHeadingBytes else { return nil }
        var line = line
        var finalStop = false
        let last = buf[line.upperBound - 1]
        switch last {
        case UInt8(ascii: "."):
            guard allowFinalStop, line.count >= 2, buf[line.upperBound - 2] != UInt8(ascii: ".") else { return nil }
            finalStop = true
            line = line.lowerBound..<(line.upperBound - 1)
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "-"):
            return nil
        default:
            break
        }
        if endsWithClosingPunctuation(buf, line) { return nil }
        // A heading starts with a capital, a digit, a quote or a section sign; it is not a remark in brackets, a
        // template with placeholders, or a date alone.
        let first = buf[line.lowerBound]
        guard first &- 0x41 < 26 || first &- 0x30 < 10 || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
                || (first >= 0xC0 && (isCapital(buf, line.lowerBound) || first == 0xC2 || first == 0xE2)) else { return nil }
        if LineShape.isBracketedOrTemplate(buf, line) || LineShape.isDateAlone(buf, line) { return nil }
        // Words: separated by white space. A word is significant when it starts with an ASCII letter and has at
        // least four letters; Title Case means most significant words are capitalised.
        var words = 0, significant = 0, capitalised = 0
        var hasLetter = false
        // A sentence ends inside the line: "joined? Joint", "ended. The" (not "Dr. Sato", "U.S. Navy", "J. Dulles").
        var stopBefore = false, innerStop = false
        var wordStart = -1
        var lastWord = line.lowerBound..<line.lowerBound
        var k = line.lowerBound
        while k <= line.upperBound {
            let space = k == line.upperBound ? 1 : Whitespace.width(buf, at: k)
            if space > 0 {
                if wordStart >= 0 {
                    words += 1
                    let first = buf[wordStart]
                    var letters = 0, digits = 0, dots = 0
                    for j in wordStart..<k {
                        let c = buf[j]
                        if (c | 0x20) &- 0x61 < 26 { letters += 1 } else if c &- 0x30 < 10 { digits += 1 }
                        else if c == UInt8(ascii: ".") { dots += 1 }
                    }
                    if (first | 0x20) &- 0x61 < 26 && letters >= 4 {
                        significant += 1
                        if first &- 0x41 < 26 { capitalised += 1 }
                    }
                    lastWord = wordStart..<k
                    let end = buf[k - 1]
                    stopBefore = end == UInt8(ascii: "?") || end == UInt8(ascii: "!")
                        || end == UInt8(ascii: ".") && (dots == 1 && k - wordStart >= 3 || letters == 0 && digits > 0)
                            && AbbreviationList.table.lookup(buf.baseAddress!, wordStart, k - 1, foldCase: true) == nil
                    wordStart = -1
                }
                k += space
            } else {
                let b = buf[k]
                if wordStart < 0 {
                    wordStart = k
                    if stopBefore && isCapital(buf, k) { innerStop = true }
                }
                if (b | 0x20) &- 0x61 < 26 || b >= 0xC3 { hasLetter = true }
                k += 1
            }
        }
        guard hasLetter, words <= maxTitleWords, !innerStop, !isFunctionWord(buf, lastWord) else { return nil }
        // A single word is a heading only when it is long enough to name something ("Preamble", "NOTES"), not "See".
        if words == 1 && significant == 0 && !(line.count >= 2 && buf[line.lowerBound + 1] &- 0x41 < 26) { return nil }
        let titled = significant > 0 && capitalised * 10 >= significant * 6
        if finalStop && !(titled || words <= 2) { return nil }
        if titled { return .titled }
        return words <= maxSentenceCaseWords ? .plain : nil
    }

    /// Whether the character at `k` is a capital letter (any script).
    static func isCapital(_ buf: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = buf[k]
        if b < 0x80 { return b &- 0x41 < 26 }
        var iterator = UnsafeBufferPointer(rebasing: buf[k..<min(buf.count, k + 4)]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isUppercase
    }

    /// Lower-case words that never end a heading but often end a wrapped line.
    static let functionWords = AbbreviationWordTable<Bool>("""
        a an the and or nor but of to in on at by for with from into onto upon as than that which who whom whose \
        if its their his her our your my this these those is are was were be been being has have had will would \
        shall should can could may might must not such between among within without about against during via per \
        while whereas because although though when where whether both either neither each every any some no
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { (String($0), true) })

    static func isFunctionWord(_ buf: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard (1...8).contains(word.count), buf[word.lowerBound] &- 0x61 < 26 else { return false }
        return functionWords.lookup(buf.baseAddress!, word.lowerBound, word.upperBound, foldCase: false) != nil
    }

    /// True when the line ends in `.`, `!`, `?`, `…` or `:`, possibly followed by closing quotes or brackets.
    static func endsSentence(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.upperBound
        while i > line.lowerBound {
            let b = buf[i - 1]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") {
                i -= 1
                continue
            }
            // ” U+201D and ’ U+2019
            if b == 0x9D || b == 0x99, i - 3 >= line.lowerBound, buf[i - 3] == 0xE2, buf[i - 2] == 0x80 {
                i -= 3
                continue
            }
            break
        }
        guard i > line.lowerBound else { return false }
        let b = buf[i - 1]
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ":") { return true }
        // … U+2026
        return b == 0xA6 && i - 3 >= line.lowerBound && buf[i - 3] == 0xE2 && buf[i - 2] == 0x80
    }

    /// Lines ending in an ellipsis or a closing typographic quote read as sentences, not headings.
    private static func endsWithClosingPunctuation(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 3 else { return false }
        let a = buf[line.upperBound - 3], b = buf[line.upperBound - 2], c = buf[line.upperBound - 1]
        return a == 0xE2 && b == 0x80 && (c == 0xA6 || c == 0x9D || c == 0x99)
    }
}
