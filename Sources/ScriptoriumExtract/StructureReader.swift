import ScriptoriumText
import ScriptoriumModel

/// One structural unit of a plain-text document, as byte ranges into the source.
public enum StructureElement: Equatable, Sendable {
    /// A heading line (trimmed; without its number, `#` marks or underline), its level, and its number as written
    /// ("2.1", "IV", "§ 2"; for "Article 5" the numeral, the heading keeping its whole line).
    case heading(level: Int, line: Range<Int>, number: Range<Int>?)
    /// A paragraph or list item: the trimmed ranges of its lines, in order, and how they join; for a list item the
    /// first range starts after the marker, which is `marker` (less a trailing full stop).
    case block(kind: BlockKind, lines: BlockLines, marker: Range<Int>?)
    /// Text that is not prose (code, a table, a command, a field list, a URL alone, markup): the bytes from its
    /// first visible character to its last, kept as written and never split into sentences.
    case verbatim(Range<Int>)
}

/// Infers headings, paragraphs, list items and verbatim text from plain text and Markdown (SPEC §2).
///
/// The document is read in two passes. The first learns its layout as a whole (`LayoutProfile`): the width its
/// wrapped paragraphs fill, whether it is Markdown, how it marks headings (`#`, setext underlines in a fixed order
/// of characters, outline stars), its page headers and footers. The second reads it a group of consecutive
/// non-blank lines at a time, after taking out what is layout rather than text:
/// - a user's corrections (`LayoutHints`), code fences and their contents (verbatim), box frames around text
///   (`* … *`), rule lines, setext underlines (which make the line, or two lines, above a heading) and page
///   furniture; a group that is mostly code, or a field list, is verbatim whole, and code goes on across blank lines;
/// - in a group, a line is, in this order: a `#` heading; an outline-mode heading (`** Bug fixes`); a line at the
///   margin over indented text (a manual page's `NAME`, a changelog entry's first line); the start
///   of verbatim text (`LineShape.isNonProse`: addresses, commands, code, tables, markup, field lists), which runs
///   on through the lines that look the same or are indented deeper; a numbered heading (`3.2. Remedies`,
///   `IV. SCOPE`, `Article 5`: a label before a short heading-like text, standing alone); a list item (any
///   `LineLabel` list marker, with its continuation lines: indented deeper, or wrapped without indentation while the
///   item stops mid-sentence); a definition (a short term or option tag over lines indented deeper: one item whose
///   marker is the term; an ALL-CAPS term at the margin is a man page's section heading instead); or text;
/// - runs of text lines are paragraphs: in Markdown one per run; in plain text hard-wrapped or one per line, with
///   headings among them (`readSegment`), judged against the document's wrap width: a line that ends where the
///   next word would not have fitted was wrapped (even after a full stop, in a document filled to its width);
///   centred lines are a title block.
/// Clause numbers nest under their parent's heading (`nestNumberedHeadings`).
/// A heading is a short line with a letter in it that does not end like a sentence or a clause (a question
/// heading may end in `?`), does not end in a lower-case function word ("and", "of", "the") and, unless it is in
/// Title Case or capitals, has at most a dozen words; never a line in brackets, a template, a date alone, or a
/// single short word. Where a document marks its headings itself, unmarked sentence-case ones are short.
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
        case heading(Range<Int>, level: Int, number: Range<Int>?)
        case block(BlockKind, [Range<Int>], marker: Range<Int>?)
        case verbatim(Range<Int>)
    }

    /// The elements of `source`; `markdown` for a `.md` file (a `.txt` that looks like Markdown is read as one too).
    /// A caller lends the bytes as a `Span`: the reader's pointer arithmetic stays inside this module.
    public static func read(_ source: Swift.Span<UInt8>, markdown: Bool = false) -> [StructureElement] {
        read(source, hints: LayoutHints(markdown: markdown))
    }

    /// The elements of `source`, read with what the reader is told (`LayoutHints`: Markdown, a user's corrections).
    public static func read(_ source: Swift.Span<UInt8>, hints: LayoutHints) -> [StructureElement] {
        source.withUnsafeBufferPointer { read($0, hints: hints) }
    }

    static func read(_ buf: UnsafeBufferPointer<UInt8>, markdown: Bool = false) -> [StructureElement] {
        read(buf, hints: LayoutHints(markdown: markdown))
    }

    static func read(_ buf: UnsafeBufferPointer<UInt8>, hints: LayoutHints) -> [StructureElement] {
        var reader = LayoutReader(buf, hints: hints)
        reader.run()
        return finish(buf, reader.out)
    }

    /// Decides every line join and builds the elements.
    private static func finish(_ buf: UnsafeBufferPointer<UInt8>, _ pending: [Pending]) -> [StructureElement] {
        var multiLine: [[Range<Int>]] = []
        for case .block(_, let lines, _) in pending where lines.count > 1 { multiLine.append(lines) }
        var joins = HyphenatedBreaks.joins(buf, blocks: multiLine).makeIterator()
        var out: [StructureElement] = []
        out.reserveCapacity(pending.count)
        for element in pending {
            switch element {
            case .heading(let line, let level, let number):
                out.append(.heading(level: level, line: line, number: number))
            case .block(let kind, let lines, let marker):
                out.append(.block(kind: kind, lines: BlockLines(lines, joins: lines.count > 1 ? joins.next()! : []),
                                  marker: marker))
            case .verbatim(let range):
                out.append(.verbatim(range))
            }
        }
        return out
    }
}

/// The second pass of `StructureReader`: reads the lines with the document's profile in hand.
struct LayoutReader {
    typealias Pending = StructureReader.Pending
    let buf: UnsafeBufferPointer<UInt8>
    var lines: [Line]
    let profile: LayoutProfile
    let hints: LayoutHints
    var out: [Pending] = []
    /// The first line of the last verbatim block emitted (indented code goes on across blank lines).
    var lastVerbatimStart: Int?

    init(_ buf: UnsafeBufferPointer<UInt8>, hints: LayoutHints) {
        self.buf = buf
        var lines = Line.scan(buf)
        Self.removeFrames(buf, &lines)
        self.lines = lines
        self.hints = hints
        self.profile = LayoutProfile(buf, lines, markdown: hints.markdown)
    }

    /// Whether the user's corrections say what line `k` (0-based) is: a heading, or the first line of verbatim text.
    func isCorrected(_ k: Int) -> Bool {
        !hints.isEmpty && (hints.headings[k + 1] != nil || hints.verbatimRange(at: k + 1)?.lowerBound == k + 1)
    }

    /// Text framed in a box (`*  text  *` between rules of `*`): each framed line becomes the text inside the frame,
    /// and a line holding only the frame becomes blank.
    static func removeFrames(_ buf: UnsafeBufferPointer<UInt8>, _ lines: inout [Line]) {
        func framed(_ k: Int) -> UInt8? {
            let t = lines[k].trimmed
            guard t.count >= 4 else { return nil }
            let c = buf[t.lowerBound]
            guard c == UInt8(ascii: "*") || c == UInt8(ascii: "#"), buf[t.upperBound - 1] == c,
                  Whitespace.width(buf, at: t.lowerBound + 1) > 0 || t.count == 1,
                  Whitespace.width(buf, at: t.upperBound - 2) > 0 else { return nil }
            return c
        }
        var k = 0
        while k < lines.count {
            guard let c = framed(k) else {
                k += 1
                continue
            }
            var j = k
            while j < lines.count, framed(j) == c { j += 1 }
            // A frame: three or more framed lines, or framed lines under or over a rule of the frame's character.
            let ruled = (k > 0 && LineShape.ruleCharacter(buf, lines[k - 1].trimmed) == c)
                || (j < lines.count && LineShape.ruleCharacter(buf, lines[j].trimmed) == c)
            if j - k >= 3 || ruled {
                for m in k..<j {
                    let t = lines[m].trimmed
                    var inner = Line.make(buf, (t.lowerBound + 1)..<(t.upperBound - 1), continuationBytes: 0)
                    inner.codePoints = StructureReader.codePoints(buf, inner.trimmed)
                    inner.isLong = inner.codePoints > StructureReader.wrapWidth
                    inner.columns = lines[m].columns + 1 + inner.columns
                    inner.full = lines[m].full
                    lines[m] = inner
                }
            }
            k = j
        }
    }

    // MARK: The document, group by group

    mutating func run() {
        var i = 0
        let n = lines.count
        while i < n {
            let text = lines[i].trimmed
            if !hints.isEmpty, let range = hints.verbatimRange(at: i + 1), range.lowerBound == i + 1 {
                emitVerbatim(i, min(range.upperBound, n))
                i = range.upperBound
                continue
            }
            if lines[i].isBlank || profile.furniture.contains(i) {
                i += 1
                continue
            }
            if !hints.isEmpty, let level = hints.headings[i + 1] {
                emitHeading(text, level: level)
                i += 1
                continue
            }
            if let fence = LineShape.fence(buf, text) {
                var j = i + 1
                while j < n {
                    if let close = LineShape.fence(buf, lines[j].trimmed), close.character == fence.character,
                       close.length >= fence.length, close.length == lines[j].trimmed.count { break }
                    j += 1
                }
                emitVerbatim(i + 1, j)
                i = j + 1
                continue
            }
            if let c = LineShape.ruleCharacter(buf, text) {
                // An overlined and underlined title (reStructuredText): the rule, the title, the same rule.
                if i + 2 < n, !lines[i + 1].isBlank, LineShape.ruleCharacter(buf, lines[i + 1].trimmed) == nil,
                   LineShape.ruleCharacter(buf, lines[i + 2].trimmed) == c, lines[i + 1].codePoints <= 120 {
                    emitHeading(lines[i + 1].trimmed, level: profile.underlineLevel(c))
                    i += 3
                } else {
                    i += 1
                }
                continue
            }
            // The group: up to a blank line, furniture, a fence or a rule.
            var j = i + 1
            while j < n, !lines[j].isBlank, !profile.furniture.contains(j), LineShape.fence(buf, lines[j].trimmed) == nil,
                  LineShape.ruleCharacter(buf, lines[j].trimmed) == nil, !isCorrected(j) {
                j += 1
            }
            // A rule right under the group's last line underlines it: that line is a heading.
            // A title wrapped onto two lines, the rule as long as the longer: both lines are the heading.
            let twoLineTitle = j - i == 2 && j < n && !StructureReader.endsSentence(buf, lines[i].trimmed)
                && lines[j].trimmed.count * 10 >= max(lines[i].codePoints, lines[i + 1].codePoints) * 9
            if j < n, j - 1 >= i, let c = LayoutProfile.underline(buf, lines, j), twoLineTitle || isUnderlinedTitle(j - 1, groupStart: i) {
                if twoLineTitle {
                    out.append(.heading(lines[i].trimmed.lowerBound..<lines[i + 1].trimmed.upperBound,
                                        level: profile.underlineLevel(c), number: nil))
                } else {
                    if j - 1 > i { readGroup(i, j - 1) }
                    emitHeading(lines[j - 1].trimmed, level: profile.underlineLevel(c))
                }
                i = j + 1
                continue
            }
            if continuesIndentedVerbatim(i, j) {
                extendVerbatim(to: j)
            } else if j == i + 1, let end = detachedDefinition(i) {
                i = end
                continue
            } else {
                readGroup(i, j)
            }
            i = j
        }
        promoteTitle()
        nestNumberedHeadings()
        if !hints.text.isEmpty { demoteHeadings() }
    }

    /// The line index holding byte `offset`.
    func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].full.lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// How the heading on line `k` is marked: `#` marks, outline stars, the character underlining it, centred, at
    /// the margin of indented text, numbered, or none of these.
    func mark(ofHeadingAt k: Int, numbered: Bool) -> String {
        let text = lines[k].trimmed
        let first = buf[text.lowerBound]
        if first == UInt8(ascii: "#") { return "#" + String(text.prefix { buf[$0] == first }.count) }
        if first == UInt8(ascii: "*") { return "*" + String(text.prefix { buf[$0] == first }.count) }
        for below in [k + 1, k + 2] where below < lines.count {
            if let c = LineShape.ruleCharacter(buf, lines[below].trimmed) { return "underlined \(c)" }
            if lines[below].isBlank { break }
        }
        if isCentred(k) { return "centred" }
        if numbered { return "numbered" }
        if profile.bodyColumns >= 2, lines[k].columns < profile.bodyColumns { return "margin" }
        return "plain"
    }

    /// A document that opens with a heading marked as no other heading is (a centred title block, the one line
    /// underlined with `=`, the line at the margin over a NEWS file's outline) has a title: the other headings go
    /// below it, keeping their levels relative to each other. (Not where the user placed headings.)
    mutating func promoteTitle() {
        guard hints.headings.isEmpty, case .heading(let title, let titleLevel, nil)? = out.first else { return }
        let headings = out.indices.filter { if case .heading = out[$0] { return true } else { return false } }
        guard headings.count >= 2 else { return }
        let titleMark = mark(ofHeadingAt: lineIndex(of: title.lowerBound), numbered: false)
        for e in headings.dropFirst() {
            guard case .heading(let range, _, let number) = out[e] else { continue }
            if mark(ofHeadingAt: lineIndex(of: range.lowerBound), numbered: number != nil) == titleMark { return }
        }
        // Every other heading keeps its place relative to the rest, the shallowest one level below the title.
        var shallowest = Int.max
        for e in headings.dropFirst() { if case .heading(_, let level, _) = out[e] { shallowest = min(shallowest, level) } }
        let shift = titleLevel + 1 - shallowest
        guard shift > 0 else { return }
        for e in headings.dropFirst() {
            if case .heading(let range, let level, let number) = out[e] { out[e] = .heading(range, level: level + shift, number: number) }
        }
    }

    /// A clause number nests under its parent's heading, whatever level that one got: "1.1" one level below "1",
    /// even where "1." is underlined as a level-2 heading. (A heading the user placed keeps the level given.)
    mutating func nestNumberedHeadings() {
        var levelOfNumber: [[UInt8]: Int] = [:]
        for (e, element) in out.enumerated() {
            guard case .heading(let range, var level, let number?) = element else { continue }
            let digits = Array(buf[number])
            if let dot = digits.lastIndex(of: UInt8(ascii: ".")), dot > 0, let parent = levelOfNumber[Array(digits[..<dot])],
               hints.headings.isEmpty {
                level = parent + 1
                out[e] = .heading(range, level: level, number: number)
            }
            levelOfNumber[digits] = level
        }
    }

    /// Headings on lines the user says are text become paragraphs of their whole line.
    mutating func demoteHeadings() {
        for (e, element) in out.enumerated() {
            guard case .heading(let range, _, _) = element else { continue }
            let k = lineIndex(of: range.lowerBound)
            if hints.text.contains(k + 1) { out[e] = .block(.paragraph, [lines[k].trimmed], marker: nil) }
        }
    }

    /// Whether the group `from..<to` goes on with the verbatim block read just before it (code with blank lines in
    /// it): indented at least as deep as an indented block, with a line that is not prose; or, at any indentation,
    /// mostly code itself.
    func continuesIndentedVerbatim(_ from: Int, _ to: Int) -> Bool {
        guard case .verbatim? = out.last, let start = lastVerbatimStart, !profile.markdown else { return false }
        let columns = lines[start].columns
        guard (from..<to).allSatisfy({ lines[$0].columns >= columns }), !isMarginHeading(from) || to - from > 1 else { return false }
        if isMostlyCode(from, to) { return true }
        return columns >= 2 && (from..<to).contains { profile.nonProse[$0] }
    }

    /// Half or more of the lines `from..<to` are code, commands or table rows (not merely an address), and none is
    /// a sentence of prose running over two lines.
    func isMostlyCode(_ from: Int, _ to: Int) -> Bool {
        var code = 0
        for k in from..<to {
            // A group with list markers in it is a list.
            if let label = LineLabel.match(buf, lines[k].trimmed), label.isListMarker { return false }
            if profile.nonProse[k] && !LineShape.isAddress(buf, lines[k].trimmed) { code += 1 }
        }
        return code > 0 && code * 2 >= to - from
    }

    mutating func extendVerbatim(to end: Int) {
        guard case .verbatim(let range)? = out.last else { return }
        out[out.count - 1] = .verbatim(range.lowerBound..<lines[end - 1].trimmed.upperBound)
    }

    /// Whether line `k`, over an underline, is a title: a heading-like line, or any short line standing alone.
    func isUnderlinedTitle(_ k: Int, groupStart: Int) -> Bool {
        let text = lines[k].trimmed
        if k == groupStart { return lines[k].codePoints <= 120 }
        return StructureReader.headingShape(buf, text) != nil
    }

    // MARK: Emitting

    mutating func emitHeading(_ text: Range<Int>, level: Int) {
        if let label = LineLabel.match(buf, text), label.isHeadingNumber {
            if label.kind == .keyword {
                out.append(.heading(text, level: level, number: label.value))
                return
            }
            if let start = label.textStart {
                out.append(.heading(start..<text.upperBound, level: level, number: label.value))
                return
            }
        }
        out.append(.heading(text, level: level, number: nil))
    }

    /// Lines `from..<to` as one verbatim block, without blank lines at either end; nothing when all are blank.
    mutating func emitVerbatim(_ from: Int, _ to: Int) {
        var a = from, b = min(to, lines.count)
        while a < b, lines[a].isBlank || profile.furniture.contains(a) { a += 1 }
        while b > a, lines[b - 1].isBlank || profile.furniture.contains(b - 1) { b -= 1 }
        guard a < b else { return }
        out.append(.verbatim(lines[a].trimmed.lowerBound..<lines[b - 1].trimmed.upperBound))
        lastVerbatimStart = a
    }

    // MARK: One group

    /// Lines `from..<to`, consecutive and not blank.
    mutating func readGroup(_ from: Int, _ to: Int) {
        var run: [Int] = []
        func flush(_ reader: inout LayoutReader, beforeList: Bool) {
            if !run.isEmpty { reader.readRun(run, beforeList: beforeList) }
            run.removeAll()
        }
        if isFieldList(from, to) || to - from >= 3 && isMostlyCode(from, to) {
            emitVerbatim(from, to)
            return
        }
        // Consecutive lines starting with `#`: a comment or quoted block, not headings.
        if to - from >= 2, (from..<to).allSatisfy({ buf[lines[$0].trimmed.lowerBound] == UInt8(ascii: "#") }) {
            emitVerbatim(from, to)
            return
        }
        var k = from
        while k < to {
            let line = lines[k]
            let text = line.trimmed
            if let heading = MarkedHeading.match(buf, text) {
                flush(&self, beforeList: false)
                emitHeading(heading.text, level: heading.level)
                k += 1
                continue
            }
            if let level = outlineHeading(k) {
                flush(&self, beforeList: false)
                var start = text.lowerBound + level
                while start < text.upperBound, buf[start] == 0x20 { start += 1 }
                emitHeading(start..<text.upperBound, level: level)
                k += 1
                continue
            }
            if from + 1 == to, isMarginHeading(k) {
                emitHeading(text, level: 1)
                return
            }
            if startsVerbatim(k, from: from, run: run) {
                flush(&self, beforeList: false)
                var j = k + 1
                while j < to, continuesVerbatim(j, start: k) { j += 1 }
                emitVerbatim(k, j)
                k = j
                continue
            }
            if !profile.markdown || line.columns < 4 || !run.isEmpty, let label = LineLabel.match(buf, text),
               !continuesSentence(label, after: run.last) {
                if label.isHeadingNumber, isNumberedHeading(k, label, to: to) {
                    flush(&self, beforeList: false)
                    emitHeading(text, level: headingLevel(label))
                    k += 1
                    continue
                }
                // A clause number over text that is no heading ("1.1. "Contributor"" over its definition) numbers an item.
                // A label alone with no item text after it ("(b)" closing a group) is text, not an empty item; a
                // bullet alone is layout.
                let hasText = label.textStart != nil || k + 1 < to && LineLabel.match(buf, lines[k + 1].trimmed)?.isListMarker != true
                if label.isListMarker && (hasText || label.kind == .bullet) || label.kind.isDotted && label.textStart != nil {
                    flush(&self, beforeList: true)
                    k = readItem(k, label, to: to)
                    continue
                }
            }
            if let (element, end) = definition(k, to: to, after: run.last) {
                flush(&self, beforeList: true)
                out.append(element)
                k = end
                continue
            }
            // A first-line indent starts a paragraph: a line indented deeper than the one before and the one after,
            // after the end of a sentence.
            if let last = run.last, !profile.markdown, line.columns >= lines[last].columns + 2,
               k + 1 < to, lines[k + 1].columns < line.columns, StructureReader.endsSentence(buf, lines[last].trimmed) {
                flush(&self, beforeList: false)
            }
            run.append(k)
            k += 1
        }
        flush(&self, beforeList: false)
    }

    /// A line standing alone at the left margin of a document whose text is indented (a manual page's `NAME`, a
    /// Debian changelog's `apt (2.5.2) unstable; urgency=medium`, a NEWS file's title), over indented text.
    func isMarginHeading(_ k: Int) -> Bool {
        guard profile.bodyColumns >= 2, lines[k].columns < profile.bodyColumns, lines[k].codePoints <= 100,
              !isOptionTag(lines[k].trimmed),
              let next = nextNonBlank(after: k), lines[next].columns >= profile.bodyColumns else { return false }
        let text = lines[k].trimmed
        let last = buf[text.upperBound - 1]
        guard last != UInt8(ascii: "."), last != UInt8(ascii: ","), last != UInt8(ascii: ";"), last != UInt8(ascii: ":") else { return false }
        if LineLabel.match(buf, text) != nil || LineShape.isAddress(buf, text) || LineShape.isCode(buf, text) { return false }
        return true
    }

    /// A field list (`Version: 1.2` / `Author: …` / `License: …`): every line a field or indented under one, each key
    /// used once, and either three fields or more, or values that do not open like titles (two lines such as
    /// "Part One: Origins" / "Part Two: Alliance" are headings).
    func isFieldList(_ from: Int, _ to: Int) -> Bool {
        guard to - from >= 2 else { return false }
        var keys: Set<[UInt8]> = []
        var titledValues = 0
        for k in from..<to {
            let text = lines[k].trimmed
            if lines[k].columns > lines[from].columns, k > from { continue }
            guard LineShape.isField(buf, text), let colon = text.firstIndex(of: UInt8(ascii: ":"), in: buf) else { return false }
            guard keys.insert(Array(buf[text.lowerBound..<colon])).inserted else { return false }
            if colon + 2 < text.upperBound, ASCII.isUpper(buf[colon + 2]) { titledValues += 1 }
        }
        return keys.count >= 3 || titledValues == 0
    }

    /// An option tag: `-n, --quiet`, `--debug`, `-i[SUFFIX]` (a dash and a letter or digit, or two dashes).
    func isOptionTag(_ text: Range<Int>) -> Bool {
        guard text.count >= 2, buf[text.lowerBound] == UInt8(ascii: "-") else { return false }
        let b = buf[text.lowerBound + 1]
        return ASCII.isLetter(b) || ASCII.isDigit(b) || b == UInt8(ascii: "-") && text.count > 2 && ASCII.isLetter(buf[text.lowerBound + 2])
    }

    /// An option tag alone, its description a blank line below it and indented deeper (groff's `.TP` with a blank
    /// line: `-n, --quiet` / `` / `suppress automatic printing`): one list item whose marker is the tag. Returns the
    /// line after the description.
    mutating func detachedDefinition(_ k: Int) -> Int? {
        let tag = lines[k].trimmed
        guard isOptionTag(tag), lines[k].codePoints <= 60, !StructureReader.endsSentence(buf, tag),
              tag.allSatisfy({ buf[$0] >= 0x20 && buf[$0] < 0x7F }), let start = nextNonBlank(after: k),
              lines[start].columns >= lines[k].columns + 2, !isCorrected(start) else { return nil }
        var end = start
        while end < lines.count, !lines[end].isBlank, lines[end].columns > lines[k].columns, !isCorrected(end) { end += 1 }
        out.append(.block(.listItem, (start..<end).map { lines[$0].trimmed }, marker: tag))
        return end
    }

    /// The level of an outline-mode heading at line `k` (`*` count), or nil.
    /// The line stands alone (a blank line after it): outline-mode files use `*` for bullets too, and a bullet's text
    /// runs on.
    func outlineHeading(_ k: Int) -> Int? {
        guard profile.outlineMode, lines[k].columns == 0, k + 1 == lines.count || lines[k + 1].isBlank else { return nil }
        let text = lines[k].trimmed
        var i = text.lowerBound
        while i < text.upperBound, buf[i] == UInt8(ascii: "*") { i += 1 }
        let stars = i - text.lowerBound
        guard stars >= 1, stars <= 6, i < text.upperBound, buf[i] == 0x20 else { return nil }
        while i < text.upperBound, buf[i] == 0x20 { i += 1 }
        guard i < text.upperBound, StructureReader.isCapital(buf, i) || ASCII.isDigit(buf[i]) else { return nil }
        // "* Noteworthy changes in release 9.4 (2023-08-29) [stable]": title-like, not a sentence.
        let rest = i..<text.upperBound
        return StructureReader.endsSentence(buf, rest) && buf[rest.upperBound - 1] != UInt8(ascii: ":") ? nil : stars
    }

    // MARK: Verbatim

    /// Whether verbatim text starts at line `k`: the line is not prose, and it does not continue a sentence that
    /// the line before left open (unless it is indented deeper, as a command under "run:" is).
    func startsVerbatim(_ k: Int, from: Int, run: [Int]) -> Bool {
        let text = lines[k].trimmed
        if profile.markdown, lines[k].columns >= 4, run.isEmpty, k == from || lines[k - 1].columns >= 4,
           !(k > 0 && lines[k - 1].isBlank == false && LineLabel.match(buf, lines[k - 1].trimmed) != nil) {
            // Indented code, unless it is a list item's continuation.
            return previousIsNotList
        }
        guard profile.nonProse[k] else { return false }
        // A list item ending in ";" is not code.
        if let label = LineLabel.match(buf, text), label.isListMarker, label.textStart != nil { return false }
        // A command or symbol as the term of a definition: over an indented description in prose ("q [exit-code]"
        // / "Immediately quit …"), or before a wide gap and a capitalised description ("}      The closing …").
        if k + 1 < lines.count, !lines[k + 1].isBlank, lines[k + 1].columns >= lines[k].columns + 2, !profile.nonProse[k + 1],
           lines[k].codePoints <= 60 {
            return false
        }
        if let gap = optionGap(text), ASCII.isUpper(buf[gap.description.lowerBound]) { return false }
        // A line that reads as a command but runs on into prose at its own indentation is the start of a paragraph
        // about the command ("sort --debug now diagnoses issues with" / "that conflict with …").
        if !LineShape.isAddress(buf, text), !LineShape.isMarkup(buf, text), !LineShape.isCode(buf, text),
           !LineShape.isSignature(buf, text), k + 1 < lines.count, !lines[k + 1].isBlank,
           lines[k + 1].columns == lines[k].columns, !profile.nonProse[k + 1],
           StructureReader.endsSentence(buf, lines[k + 1].trimmed) || LineShape.functionWords(buf, lines[k + 1].trimmed) >= 2 {
            return false
        }
        guard let last = run.last, !LineShape.isAddress(buf, text) else { return true }
        return StructureReader.endsSentence(buf, lines[last].trimmed) || lines[k].columns > lines[last].columns
    }

    /// Whether the last element read is not a list item (indented lines after one continue it, in Markdown).
    var previousIsNotList: Bool {
        if case .block(.listItem, _, _)? = out.last { return false }
        return true
    }

    /// Whether line `j` goes on with the verbatim text that started at line `start`: indented deeper, not prose
    /// itself, or the output of a command typed after a prompt (`$ `) at its indentation.
    func continuesVerbatim(_ j: Int, start: Int) -> Bool {
        if lines[j].columns >= lines[start].columns, LineShape.hasPrompt(buf, lines[start].trimmed) { return true }
        if profile.markdown, lines[start].columns >= 4 { return lines[j].columns >= 4 }
        if lines[j].columns > lines[start].columns { return true }
        let text = lines[j].trimmed
        if MarkedHeading.match(buf, text) != nil { return false }
        return profile.nonProse[j] || LineShape.isField(buf, text) && LineShape.isField(buf, lines[start].trimmed)
    }

    // MARK: Labels: numbered headings and list items

    /// A label of a number or a letter ("12." "c)") after a text line that stops mid-sentence ("the figure rose
    /// to" / "12. Then ...") goes on with the sentence: a list would start at 1 or a.
    func continuesSentence(_ label: LineLabel, after previous: Int?) -> Bool {
        guard let previous, label.kind != .bullet, label.ordinal > 1 else { return false }
        let text = lines[previous].trimmed
        // An item ending in ";" ends its part of the list: the next label is the next item.
        return !StructureReader.endsSentence(buf, text) && !StructureReader.isHeading(buf, text)
            && buf[text.upperBound - 1] != UInt8(ascii: ";")
    }

    /// Whether line `k`, starting with the heading number `label`, is a numbered heading: the text after the label
    /// is short and heading-like (a final full stop allowed: "0. Definitions."), and the line stands alone (the
    /// group's last line, or over a line that starts a sentence or is indented deeper), unless a sibling label
    /// follows it at once (then it is a list of short items).
    func isNumberedHeading(_ k: Int, _ label: LineLabel, to: Int) -> Bool {
        let text = lines[k].trimmed
        let rest: Range<Int>
        if label.kind == .keyword {
            rest = text
        } else {
            guard let start = label.textStart else { return false }
            rest = start..<text.upperBound
        }
        // A final full stop only on a line standing alone ("0. Definitions." between blank lines): under a line of
        // text, "1. Ended the talks." is an item.
        let alone = k == 0 || lines[k - 1].isBlank
        guard StructureReader.headingShape(buf, rest, allowFinalStop: alone) != nil,
              buf[rest.upperBound - 1] != UInt8(ascii: "?") else { return false }
        if profile.wrapWidth > 0, lines[k].columns + lines[k].codePoints * 10 >= profile.wrapWidth * 8 { return false }
        if label.kind == .upperLetter && k + 1 != to { return false }
        // "3)" numbers items, never headings.
        if buf[label.value.upperBound - 1] == UInt8(ascii: ")") { return false }
        // The next item of a list whose previous item is earlier in the group.
        var j = k - 1
        while j >= 0, !lines[j].isBlank {
            if let before = LineLabel.match(buf, lines[j].trimmed), before.kind == label.kind, before.ordinal + 1 == label.ordinal {
                return false
            }
            j -= 1
        }
        if k + 1 == to {
            // A lone numbered line: a heading unless the group before or after is an item of the same list.
            if case .number = label.kind {
                if let next = nextNonBlank(after: k), let nextLabel = LineLabel.match(buf, lines[next].trimmed),
                   nextLabel.kind == label.kind, nextLabel.ordinal == label.ordinal + 1, isShortItem(next) {
                    return false
                }
                if let previous = previousGroupStart(before: k), let previousLabel = LineLabel.match(buf, lines[previous].trimmed),
                   previousLabel.kind == label.kind, previousLabel.ordinal + 1 == label.ordinal, isShortItem(previous) {
                    return false
                }
            }
            return true
        }
        let next = lines[k + 1]
        if let nextLabel = LineLabel.match(buf, next.trimmed), nextLabel.kind == label.kind, next.columns == lines[k].columns {
            return false
        }
        if case .number = label.kind, next.columns > lines[k].columns {
            // "1. Preheat the oven" over an indented continuation is an item.
            return false
        }
        return next.columns > lines[k].columns || StructureReader.startsLikeSentence(buf, next.trimmed)
    }

    /// Whether the group at line `k` is one short line (an item of a list of one-line items, blank lines between).
    func isShortItem(_ k: Int) -> Bool {
        (k + 1 >= lines.count || lines[k + 1].isBlank) && lines[k].codePoints <= 80
    }

    /// The first line of the group before line `k`'s group.
    func previousGroupStart(before k: Int) -> Int? {
        var j = k - 1
        while j >= 0, !lines[j].isBlank { j -= 1 }
        while j >= 0, lines[j].isBlank { j -= 1 }
        guard j >= 0 else { return nil }
        while j > 0, !lines[j - 1].isBlank { j -= 1 }
        return j
    }

    func nextNonBlank(after k: Int) -> Int? {
        var j = k + 1
        while j < lines.count, lines[j].isBlank || profile.furniture.contains(j) { j += 1 }
        return j < lines.count ? j : nil
    }

    /// A numbered heading's level: the depth of a dotted number, else 1.
    func headingLevel(_ label: LineLabel) -> Int {
        if case .dotted(let depth) = label.kind { return depth }
        return 1
    }

    /// A list item from line `k` (its marker `label`) and its continuation lines; returns the line after it.
    mutating func readItem(_ k: Int, _ label: LineLabel, to: Int) -> Int {
        let line = lines[k]
        var j = k + 1
        var itemLines: [Range<Int>] = []
        if let start = label.textStart {
            itemLines.append(start..<line.trimmed.upperBound)
        } else if j < to, LineLabel.match(buf, lines[j].trimmed)?.isListMarker != true {
            // The marker alone: the next line is the item.
            itemLines.append(lines[j].trimmed)
            j += 1
        } else {
            return j
        }
        while j < to, continuesItem(j, itemColumns: line.columns, previous: itemLines[itemLines.count - 1]) {
            itemLines.append(lines[j].trimmed)
            j += 1
        }
        out.append(.block(.listItem, itemLines, marker: label.value))
        return j
    }

    /// Whether line `j` continues the list item whose marker stands at `itemColumns` and whose last line so far is
    /// `previous`: a line indented deeper that is not an item of its own; or a line at the margin while the item
    /// stops mid-sentence and the break is a wrap (the line starts in lower case, or its first word would not have
    /// fitted on the line before).
    func continuesItem(_ j: Int, itemColumns: Int, previous: Range<Int>) -> Bool {
        let line = lines[j]
        if let label = LineLabel.match(buf, line.trimmed), label.isListMarker || label.isHeadingNumber,
           !continuesSentence(label, after: j - 1) {
            return false
        }
        if MarkedHeading.match(buf, line.trimmed) != nil || outlineHeading(j) != nil { return false }
        if line.columns > itemColumns { return true }
        // In a document wrapped to its width throughout, a full line before a line at the margin was wrapped, even
        // after a full stop: the item goes on until a blank line or a marker.
        if profile.fillsWidth, !line.isLong, isWrap(j - 1, j), !StructureReader.isHeading(buf, line.trimmed) { return true }
        guard !StructureReader.endsSentence(buf, previous), buf[previous.upperBound - 1] != UInt8(ascii: ";") else { return false }
        if ASCII.isLower(buf[line.trimmed.lowerBound]) { return true }
        // An item line ending in "the", "of", "and" stops mid-phrase: the next line goes on with it, whatever its case.
        if let lastWord = lastWord(previous), StructureReader.isFunctionWord(buf, lastWord) { return true }
        return isWrap(j - 1, j)
    }

    /// The last word of `line` (after its last space).
    func lastWord(_ line: Range<Int>) -> Range<Int>? {
        var k = line.upperBound
        while k > line.lowerBound, buf[k - 1] != 0x20 { k -= 1 }
        return k < line.upperBound ? k..<line.upperBound : nil
    }

    /// Whether the break after line `a` (before line `b`) is a wrap: the first word of line `b` would not have
    /// fitted on line `a` within the document's wrap width (with a little slack, as fill algorithms aim short).
    func isWrap(_ a: Int, _ b: Int) -> Bool {
        guard profile.wrapWidth > 0 else { return false }
        let next = lines[b].trimmed
        var word = 0
        var k = next.lowerBound
        while k < next.upperBound, Whitespace.width(buf, at: k) == 0 {
            if buf[k] & 0xC0 != 0x80 { word += 1 }
            k += 1
        }
        return lines[a].columns + lines[a].codePoints + 1 + word > profile.wrapWidth - 8
    }

    /// A definition at line `k`: a short term or option tag (not a sentence) over lines indented deeper, read as
    /// one list item whose marker is the term; or an option tag with its description on the same line after a
    /// wide gap (`-r     If the standard input…`). An ALL-CAPS or Title Case term at the left margin over
    /// indented text is a section heading (a manual page's `OPTIONS`). Returns it and the line after it, or nil.
    /// Never a line that goes on with a sentence the text line `previous` left open.
    func definition(_ k: Int, to: Int, after previous: Int?) -> (Pending, Int)? {
        let line = lines[k]
        let text = line.trimmed
        if let previous, !StructureReader.endsSentence(buf, lines[previous].trimmed) { return nil }
        let runIsEmpty = previous == nil
        if isCentred(k) { return nil }
        // A term is a marker, kept on one line of printable ASCII (`-r`, `--null`, `0`, `ENOENT`).
        func isTerm(_ term: Range<Int>) -> Bool {
            term.allSatisfy({ buf[$0] >= 0x20 && buf[$0] < 0x7F || buf[$0] == 0x09 })
        }
        if let gap = optionGap(text), runIsEmpty || line.columns > 0, isTerm(gap.term) {
            var itemLines = [gap.description]
            var j = k + 1
            while j < to, lines[j].columns > line.columns, optionGap(lines[j].trimmed) == nil || lines[j].columns > line.columns + 2 {
                itemLines.append(lines[j].trimmed)
                j += 1
            }
            return (.block(.listItem, itemLines, marker: gap.term), j)
        }
        guard k + 1 < to, lines[k + 1].columns >= line.columns + 2, line.codePoints <= 60,
              !StructureReader.endsSentence(buf, text) || buf[text.upperBound - 1] == UInt8(ascii: ":") else { return nil }
        guard runIsEmpty || line.columns > 0, isTerm(text) else { return nil }
        if line.columns <= 3, !profile.markdown, let shape = StructureReader.headingShape(buf, text), shape == .titled,
           buf[text.upperBound - 1] != UInt8(ascii: ":") {
            return (.heading(text, level: 1, number: nil), k + 1)
        }
        // A term: an option tag, a command, a heading-like phrase, a label ending in ":", or a word or three.
        let words = text.filter { buf[$0] == 0x20 }.count + 1
        let isTerm = isOptionTag(text) || profile.nonProse[k] || StructureReader.headingShape(buf, text) != nil
            || buf[text.upperBound - 1] == UInt8(ascii: ":") || words <= 3 && line.codePoints <= 30
        guard isTerm else { return nil }
        // A list under a lead-in ("Your main options are to:" over "a) …") is a list, not a definition.
        if let label = LineLabel.match(buf, lines[k + 1].trimmed), label.isListMarker { return nil }
        var j = k + 1
        while j < to, lines[j].columns > line.columns { j += 1 }
        // The description is itself verbatim (an example under a label): the label is text, the rest verbatim.
        if (k + 1..<j).allSatisfy({ profile.nonProse[$0] }) { return nil }
        // Terms with descriptions deeper still under it: the line heads a subsection of definitions
        // ("Zero-address commands" over ": label" over "Label for b and t commands.").
        if (k + 2..<j).contains(where: { lines[$0].columns > lines[k + 1].columns }), !profile.nonProse[k] {
            return (.heading(text, level: line.columns == 0 ? 1 : 2, number: nil), k + 1)
        }
        let itemLines = (k + 1..<j).map { lines[$0].trimmed }
        var term = text
        if buf[term.upperBound - 1] == UInt8(ascii: ":") { term = term.lowerBound..<(term.upperBound - 1) }
        return (.block(.listItem, itemLines, marker: term), j)
    }

    /// A term and its description on one line, set apart by a wide gap: an option tag (`-r`, `--null`, `-E eof-str`)
    /// and two or more spaces, or one short word (`0`, `123`, `ENOENT`) and three or more (justified prose has
    /// gaps of two).
    func optionGap(_ text: Range<Int>) -> (term: Range<Int>, description: Range<Int>)? {
        guard text.count > 4 else { return nil }
        let option = buf[text.lowerBound] == UInt8(ascii: "-")
            && (ASCII.isLetter(buf[text.lowerBound + 1]) || ASCII.isDigit(buf[text.lowerBound + 1]) || buf[text.lowerBound + 1] == UInt8(ascii: "-"))
        var k = text.lowerBound
        while k + 1 < text.upperBound {
            if buf[k] == 0x20 && buf[k + 1] == 0x20 {
                var d = k
                while d < text.upperBound, buf[d] == 0x20 { d += 1 }
                guard d < text.upperBound, k - text.lowerBound <= (option ? 30 : 12) else { return nil }
                // A word as a term ("0", "ENOENT") stands indented in a column of its own, not ending a sentence.
                guard option || d - k >= 3 && text.lowerBound > 0 && buf[text.lowerBound - 1] != 0x0A && buf[text.lowerBound - 1] != 0x0D
                        && !StructureReader.endsSentence(buf, text.lowerBound..<k) && buf[k - 1] != UInt8(ascii: ",") else { return nil }
                return (text.lowerBound..<k, d..<text.upperBound)
            }
            if !option && buf[k] == 0x20 { return nil }
            k += 1
        }
        return nil
    }

    // MARK: Runs of text lines

    /// Text lines that are neither labels nor verbatim; `beforeList` when a list item follows in the same group.
    mutating func readRun(_ run: [Int], beforeList: Bool) {
        if profile.markdown {
            out.append(.block(.paragraph, run.map { lines[$0].trimmed }, marker: nil))
            return
        }
        // Centred lines (a title block) are each read alone.
        if run.count >= 2, run.allSatisfy({ isCentred($0) }) {
            // Two or three centred lines under a title: one heading ("GNU GENERAL PUBLIC LICENSE / Version 3, …").
            if run.count <= 3, StructureReader.headingShape(buf, lines[run[0]].trimmed) == .titled {
                out.append(.heading(lines[run[0]].trimmed.lowerBound..<lines[run[run.count - 1]].trimmed.upperBound, level: 1, number: nil))
                return
            }
            for k in run { readAlone(k, beforeList: false) }
            return
        }
        // A line longer than a typewriter line is never part of a wrapped paragraph: segments between such lines
        // are read on their own.
        var start = 0
        for (i, k) in run.enumerated() where lines[k].isLong {
            if start < i { readSegment(Array(run[start..<i]), beforeList: false) }
            readAlone(k, beforeList: false)
            start = i + 1
        }
        if start < run.count { readSegment(Array(run[start...]), beforeList: beforeList) }
    }

    /// Whether line `k` is centred in the document's wrap width (a title block's line).
    func isCentred(_ k: Int) -> Bool {
        let width = profile.wrapWidth > 0 ? profile.wrapWidth : 72
        let line = lines[k]
        guard line.columns >= 8 else { return false }
        return abs(line.columns * 2 + line.codePoints - width) <= 8
    }

    /// One line read on its own: a heading or a paragraph.
    mutating func readAlone(_ k: Int, beforeList: Bool) {
        let text = lines[k].trimmed
        if isStandaloneHeading(k, beforeList: beforeList) {
            emitHeading(text, level: 1)
        } else {
            out.append(.block(.paragraph, [text], marker: nil))
        }
    }

    /// Whether line `k`, read alone, is a heading: heading-shaped, and not a line that the document's own heading
    /// marks rule out (sentence case where headings are marked); a label ending in `:` only over a list.
    func isStandaloneHeading(_ k: Int, beforeList: Bool) -> Bool {
        let text = lines[k].trimmed
        let last = buf[text.upperBound - 1]
        if last == UInt8(ascii: ":") {
            // Over a list in the same group, a label of four words at most; standing alone over a list, up to eight
            // ("User-visible changes in version 2.8.6:").
            if beforeList { return isLabelHeading(text, maxWords: 4) }
            return nextStartsList(after: k) && isLabelHeading(text, maxWords: lines[k + 1].isBlank ? 8 : 4)
        }
        guard let shape = StructureReader.headingShape(buf, text) else { return false }
        // Where the document marks its headings, an unmarked sentence-case line is one only when short and plain
        // ("What we need"), not a remark with an address in it.
        if profile.marksHeadings, shape == .plain {
            let words = text.filter { buf[$0] == 0x20 }.count + 1
            return words <= 5 && !text.contains { buf[$0] == UInt8(ascii: "@") || buf[$0] == UInt8(ascii: "/") }
        }
        return true
    }

    /// "File menu:", "Definitions:": at most `maxWords` words, no comma, not opening with a function word ("For
    /// example:", "The following:").
    func isLabelHeading(_ text: Range<Int>, maxWords: Int) -> Bool {
        let body = text.lowerBound..<(text.upperBound - 1)
        guard !body.isEmpty, StructureReader.headingShape(buf, body) != nil, !body.contains(where: { buf[$0] == UInt8(ascii: ",") }) else { return false }
        var words = 1
        var firstEnd = body.upperBound
        for k in body where buf[k] == 0x20 {
            if words == 1 { firstEnd = k }
            words += 1
        }
        guard words <= maxWords else { return false }
        let first = body.lowerBound..<firstEnd
        var lowered = Array(buf[first])
        for i in lowered.indices where ASCII.isLetter(lowered[i]) { lowered[i] |= 0x20 }
        return lowered.withUnsafeBufferPointer { StructureReader.functionWords.lookup($0.baseAddress!, 0, $0.count, foldCase: false) == nil }
    }

    /// Whether the next group starts with a list item.
    func nextStartsList(after k: Int) -> Bool {
        var j = k + 1
        while j < lines.count, lines[j].isBlank { j += 1 }
        guard j < lines.count, let label = LineLabel.match(buf, lines[j].trimmed) else { return false }
        return label.isListMarker
    }

    /// Lines none of which is longer than a typewriter line. `beforeList` when a list item follows in the same
    /// group: then the last line may be a heading over the list; otherwise the last line of wrapped lines is the
    /// end of their paragraph, even a short question.
    mutating func readSegment(_ run: [Int], beforeList: Bool) {
        let ranges = run.map { lines[$0].trimmed }
        guard isHardWrapped(run) else {
            for (i, k) in run.enumerated() { readAlone(k, beforeList: beforeList && i == run.count - 1) }
            return
        }
        let longest = run.map { lines[$0].codePoints }.max() ?? 0
        var paragraph: [Range<Int>] = []
        var afterHeading = false
        for (i, k) in run.enumerated() {
            let line = ranges[i]
            // Cheapest tests first: most wrapped lines fail the context before the heading test runs.
            let headingHere = (i == 0 || afterHeading || StructureReader.endsSentence(buf, ranges[i - 1]))
                && (i + 1 == run.count ? i > 0 && beforeList : StructureReader.startsLikeSentence(buf, ranges[i + 1]))
                && lines[k].codePoints * 10 <= longest * 7
                && (i + 1 == run.count || !isWrap(k, run[i + 1]))
                && StructureReader.isHeading(buf, line)
                && !(profile.marksHeadings && StructureReader.headingShape(buf, line) == .plain)
            afterHeading = headingHere
            if headingHere {
                if !paragraph.isEmpty { out.append(.block(.paragraph, paragraph, marker: nil)) }
                paragraph = []
                emitHeading(line, level: 1)
            } else {
                paragraph.append(line)
            }
        }
        if !paragraph.isEmpty { out.append(.block(.paragraph, paragraph, marker: nil)) }
    }

    /// Lines (none longer than a typewriter line) are hard-wrapped when there are several and at least one
    /// line other than the last stops mid-sentence, or was wrapped (the next word would not have fitted). A
    /// heading-like line before a line that starts a sentence does not count when it is in Title Case or
    /// capitals, or clearly shorter than the longest line: it is more likely a heading.
    func isHardWrapped(_ run: [Int]) -> Bool {
        guard run.count >= 2 else { return false }
        var longest = -1
        for i in 0..<(run.count - 1) {
            let k = run[i]
            let line = lines[k].trimmed
            if (profile.fillsWidth || !StructureReader.endsSentence(buf, line)) && isWrap(k, run[i + 1]) { return true }
            if StructureReader.endsSentence(buf, line) { continue }
            if let shape = StructureReader.headingShape(buf, line), StructureReader.startsLikeSentence(buf, lines[run[i + 1]].trimmed) {
                if shape == .titled { continue }
                if longest < 0 { longest = run.map { lines[$0].codePoints }.max()! }
                if lines[k].codePoints * 10 <= longest * 7 { continue }
            }
            return true
        }
        return false
    }
}
