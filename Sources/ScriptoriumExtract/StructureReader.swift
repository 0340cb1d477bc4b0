import ScriptoriumModel

/// One structural unit of a plain-text document, as byte ranges into the source.
public enum StructureElement: Equatable, Sendable {
    /// A heading line (trimmed).
    case heading(level: Int, line: Range<Int>)
    /// A paragraph or list item: the trimmed ranges of its lines, in order, and how they join; for a list item the
    /// first range starts after the marker.
    case block(kind: BlockKind, lines: BlockLines)
}

/// Infers headings, paragraphs and list items from plain text (SPEC §2).
///
/// Text comes in two layouts, often mixed in one file: one line per paragraph (the essay), or paragraphs
/// hard-wrapped at 60–80 columns and separated by blank lines. The reader works on groups of consecutive
/// non-blank lines:
/// - a line starting with a list marker starts a list item (a marker alone on its line takes the next line);
///   a line indented deeper than the marker line continues the item, and so does a line starting in lower case
///   after an item line that stops mid-sentence (an item wrapped without indentation);
/// - every other run of consecutive lines is read on its own: it is hard-wrapped when it has several lines,
///   none longer than a typewriter line, and at least one of them stops mid-sentence before a line that does not
///   start a new element; its lines then join into one paragraph, broken only by headings (a heading-like line
///   after the end of a sentence, clearly shorter than the wrapped lines, before a line that starts a sentence);
///   otherwise each line is a heading or a paragraph of its own.
/// A heading is a short line with a letter in it that does not end like a sentence or a clause (a question
/// heading may end in `?`), does not end in a lower-case function word ("and", "of", "the") and, unless it is in
/// Title Case or capitals, has at most a dozen words.
///
/// How the lines of a block join (a space, a rejoined word, a kept hyphen) is decided last, with the whole
/// document in view (`HyphenatedBreaks`).
public enum StructureReader {
    /// Lines longer than this (in code points) are never part of a hard-wrapped paragraph.
    static let wrapWidth = 100
    /// Headings longer than this (in bytes) are taken for paragraphs.
    static let maxHeadingBytes = 160
    /// The most words in a heading in Title Case or capitals, and in any other heading.
    static let maxTitleWords = 20
    static let maxSentenceCaseWords = 12

    /// An element before its line joins are decided.
    enum Pending {
        case heading(Range<Int>, level: Int = 1)
        case block(BlockKind, [Range<Int>])
    }

    public static func read(_ buf: UnsafeBufferPointer<UInt8>) -> [StructureElement] {
        let lines = Line.scan(buf)
        var pending: [Pending] = []
        var i = 0
        while i < lines.count {
            if lines[i].isBlank {
                i += 1
                continue
            }
            var j = i
            while j < lines.count && !lines[j].isBlank { j += 1 }
            readGroup(buf, lines[i..<j], into: &pending)
            i = j
        }
        return finish(buf, pending)
    }

    /// Decides every line join and builds the elements.
    private static func finish(_ buf: UnsafeBufferPointer<UInt8>, _ pending: [Pending]) -> [StructureElement] {
        var multiLine: [[Range<Int>]] = []
        for case .block(_, let lines) in pending where lines.count > 1 { multiLine.append(lines) }
        var joins = HyphenatedBreaks.joins(buf, blocks: multiLine).makeIterator()
        var out: [StructureElement] = []
        out.reserveCapacity(pending.count)
        for element in pending {
            switch element {
            case .heading(let line, let level):
                out.append(.heading(level: level, line: line))
            case .block(let kind, let lines):
                out.append(.block(kind: kind, lines: BlockLines(lines, joins: lines.count > 1 ? joins.next()! : [])))
            }
        }
        return out
    }

    /// One run of non-blank lines: list items, and runs of other lines between them.
    private static func readGroup(_ buf: UnsafeBufferPointer<UInt8>, _ group: ArraySlice<Line>, into out: inout [Pending]) {
        var item: [Range<Int>] = []
        var itemIndent = 0
        var run: [Range<Int>] = []
        var runLong: [Bool] = [] // per line of `run`: longer than a typewriter line

        func flushItem() {
            if !item.isEmpty { out.append(.block(.listItem, item)) }
            item = []
        }
        func flushRun(beforeList: Bool) {
            if !run.isEmpty { readRun(buf, run, long: runLong, beforeList: beforeList, into: &out) }
            run.removeAll(keepingCapacity: true)
            runLong.removeAll(keepingCapacity: true)
        }

        var k = group.startIndex
        while k < group.endIndex {
            let line = group[k]
            let text = line.trimmed
            k += 1
            if let heading = MarkedHeading.match(buf, text) {
                flushRun(beforeList: false)
                flushItem()
                out.append(.heading(heading.text, level: heading.level))
                continue
            }
            if let marker = ListMarker.match(buf, text), !continuesSentence(buf, text, after: run.last) {
                flushRun(beforeList: true)
                flushItem()
                itemIndent = line.indent
                switch marker {
                case .inline(let start):
                    item = [start..<text.upperBound]
                case .alone:
                    // The next line is the item, unless it starts an item of its own.
                    if k < group.endIndex, ListMarker.match(buf, group[k].trimmed) == nil {
                        item = [group[k].trimmed]
                        k += 1
                    }
                }
                continue
            }
            if !item.isEmpty && continuesItem(buf, line, itemIndent: itemIndent, after: item[item.count - 1]) {
                item.append(text)
                continue
            }
            flushItem()
            run.append(text)
            runLong.append(line.isLong)
        }
        flushRun(beforeList: false)
        flushItem()
    }

    /// A line starting "12. " or "c) " after a paragraph line that stops mid-sentence ("the figure rose to" /
    /// "12. Then ...") goes on with the sentence: a list would start at 1 or a.
    static func continuesSentence(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, after previous: Range<Int>?) -> Bool {
        guard let previous, ListMarker.label(buf, line)?.isFirst == false else { return false }
        return !endsSentence(buf, previous) && !isHeading(buf, previous)
    }

    /// Whether `line` continues the list item whose last line so far is `previous`.
    static func continuesItem(_ buf: UnsafeBufferPointer<UInt8>, _ line: Line, itemIndent: Int, after previous: Range<Int>) -> Bool {
        if line.indent > itemIndent { return true }
        // Wrapped without indentation: the item stops mid-sentence and the line goes on in lower case.
        let first = buf[line.trimmed.lowerBound]
        guard first &- 0x61 < 26, !endsSentence(buf, previous) else { return false }
        let last = buf[previous.upperBound - 1]
        return last != UInt8(ascii: ";")
    }

    /// A run of lines that are neither list items nor their continuations; `beforeList` when a list item follows
    /// it in the same group. A line longer than a typewriter line is never part of a wrapped paragraph, so the
    /// run is read in segments between such lines, each wrapped or not on its own.
    private static func readRun(_ buf: UnsafeBufferPointer<UInt8>, _ run: [Range<Int>], long: [Bool], beforeList: Bool,
                                into out: inout [Pending]) {
        var start = 0
        for (k, line) in run.enumerated() where long[k] {
            if start < k { readSegment(buf, Array(run[start..<k]), beforeList: false, into: &out) }
            out.append(isHeading(buf, line) ? .heading(line) : .block(.paragraph, [line]))
            start = k + 1
        }
        if start == 0 {
            readSegment(buf, run, beforeList: beforeList, into: &out)
        } else if start < run.count {
            readSegment(buf, Array(run[start...]), beforeList: beforeList, into: &out)
        }
    }

    /// Lines none of which is longer than a typewriter line. `beforeList` when a list item follows in the same
    /// group: then the last line may be a heading over the list; otherwise the last line of wrapped lines is the
    /// end of their paragraph, even a short question.
    private static func readSegment(_ buf: UnsafeBufferPointer<UInt8>, _ run: [Range<Int>], beforeList: Bool,
                                    into out: inout [Pending]) {
        guard isHardWrapped(buf, run) else {
            for line in run { out.append(isHeading(buf, line) ? .heading(line) : .block(.paragraph, [line])) }
            return
        }
        var longestSoFar = -1
        func longest() -> Int {
            if longestSoFar < 0 { longestSoFar = run.map { codePoints(buf, $0) }.max() ?? 0 }
            return longestSoFar
        }
        var paragraph: [Range<Int>] = []
        var afterHeading = false
        for (k, line) in run.enumerated() {
            // Cheapest tests first: most wrapped lines fail the context before the heading test runs.
            let headingHere = (k == 0 || afterHeading || endsSentence(buf, run[k - 1]))
                && (k + 1 == run.count ? k > 0 && beforeList : startsLikeSentence(buf, run[k + 1]))
                && codePoints(buf, line) * 10 <= longest() * 7
                && isHeading(buf, line)
            afterHeading = headingHere
            if headingHere {
                if !paragraph.isEmpty { out.append(.block(.paragraph, paragraph)) }
                paragraph = []
                out.append(.heading(line))
            } else {
                paragraph.append(line)
            }
        }
        if !paragraph.isEmpty { out.append(.block(.paragraph, paragraph)) }
    }

    /// Lines (none longer than a typewriter line) are hard-wrapped when there are several and at least one
    /// line other than the last stops mid-sentence. A heading-like line before a line that starts a sentence does
    /// not count when it is in Title Case or capitals, or clearly shorter than the longest line: it is
    /// more likely a heading. (A sentence-case line as long as the others is a wrapped line before a name.)
    static func isHardWrapped(_ buf: UnsafeBufferPointer<UInt8>, _ run: [Range<Int>]) -> Bool {
        guard run.count >= 2 else { return false }
        var longest = -1
        for k in 0..<(run.count - 1) {
            let line = run[k]
            if endsSentence(buf, line) { continue }
            if let shape = headingShape(buf, line), startsLikeSentence(buf, run[k + 1]) {
                if shape == .titled { continue }
                if longest < 0 { longest = run.map { codePoints(buf, $0) }.max()! }
                if codePoints(buf, line) * 10 <= longest * 7 { continue }
            }
            return true
        }
        return false
    }

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

    static func headingShape(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> HeadingShape? {
        guard !line.isEmpty, line.count <= maxHeadingBytes else { return nil }
        let last = buf[line.upperBound - 1]
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "-"):
            return nil
        default:
            break
        }
        if endsWithClosingPunctuation(buf, line) { return nil }
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
        if significant > 0 && capitalised * 10 >= significant * 6 { return .titled }
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
