import ScriptoriumModel

/// One structural unit of a plain-text document, as byte ranges into the source.
public enum StructureElement: Equatable, Sendable {
    /// A heading line (trimmed).
    case heading(level: Int, line: Range<Int>)
    /// A paragraph or list item: the trimmed ranges of its lines, in order; for a list item the first range
    /// starts after the marker.
    case block(kind: BlockKind, lines: [Range<Int>])
}

/// Infers headings, paragraphs and list items from plain text (SPEC §2).
///
/// Text comes in two layouts, often mixed in one file: one line per paragraph (the essay), or paragraphs
/// hard-wrapped at 60–80 columns and separated by blank lines. The reader decides per group of consecutive
/// non-blank lines: a group whose lines are all short and that breaks lines mid-sentence is wrapped, and its
/// lines join into paragraphs; otherwise each line stands alone.
public enum StructureReader {
    /// Lines longer than this (in bytes) are never part of a hard-wrapped paragraph.
    static let wrapWidth = 100
    /// Headings longer than this (in bytes) are taken for paragraphs.
    static let maxHeadingBytes = 160

    public static func read(_ buf: UnsafeBufferPointer<UInt8>) -> [StructureElement] {
        let lines = Line.scan(buf)
        var out: [StructureElement] = []
        var i = 0
        while i < lines.count {
            if lines[i].isBlank {
                i += 1
                continue
            }
            var j = i
            while j < lines.count && !lines[j].isBlank { j += 1 }
            readGroup(buf, lines[i..<j], into: &out)
            i = j
        }
        return out
    }

    /// One run of non-blank lines.
    private static func readGroup(_ buf: UnsafeBufferPointer<UInt8>, _ group: ArraySlice<Line>, into out: inout [StructureElement]) {
        let leadingHeading = startsWithHeading(buf, group)
        let wrapped = isHardWrapped(buf, group, leadingHeading: leadingHeading)
        var current: (kind: BlockKind, lines: [Range<Int>])?
        var markerPending = false

        func flush() {
            if let c = current { out.append(.block(kind: c.kind, lines: c.lines)) }
            current = nil
        }

        for (offset, line) in zip(group.indices, group) {
            let text = line.trimmed
            if markerPending {
                markerPending = false
                flush()
                current = (.listItem, [text])
                continue
            }
            if let marker = ListMarker.match(buf, text) {
                flush()
                switch marker {
                case .alone: markerPending = true
                case .inline(let start): current = (.listItem, [start..<text.upperBound])
                }
                continue
            }
            if line.isIndented, current?.kind == .listItem {
                current!.lines.append(text)
                continue
            }
            let isFirstOfGroup = offset == group.startIndex
            if wrapped ? (isFirstOfGroup && leadingHeading) : isHeading(buf, text) {
                flush()
                out.append(.heading(level: 1, line: text))
                continue
            }
            if wrapped, current?.kind == .paragraph {
                current!.lines.append(text)
                continue
            }
            flush()
            current = (.paragraph, [text])
        }
        flush()
    }

    /// A group is hard-wrapped when it has several lines, none longer than a typewriter line, and at least one
    /// line other than the last stops mid-sentence.
    static func isHardWrapped(_ buf: UnsafeBufferPointer<UInt8>, _ group: ArraySlice<Line>, leadingHeading: Bool) -> Bool {
        guard group.count >= 2 else { return false }
        var breaksMidSentence = false
        let lines = Array(group)
        for (k, line) in lines.enumerated() {
            if line.trimmed.count > wrapWidth { return false }
            guard k < lines.count - 1, ListMarker.match(buf, line.trimmed) == nil, !endsSentence(buf, line.trimmed),
                  !(k == 0 && leadingHeading) else { continue }
            // A heading-like line followed by a capitalised line is more likely a heading than a wrap.
            let next = buf[lines[k + 1].trimmed.lowerBound]
            let nextContinues = !(next >= 0x41 && next <= 0x5A) && !(next >= 0x30 && next <= 0x39)
            if !isHeading(buf, line.trimmed) || nextContinues { breaksMidSentence = true }
        }
        return breaksMidSentence
    }

    /// A heading directly above a wrapped paragraph, without a blank line between: heading-like, clearly
    /// shorter than the lines below it (a wrapped first line runs to the margin), and followed by a line that
    /// starts like a sentence.
    static func startsWithHeading(_ buf: UnsafeBufferPointer<UInt8>, _ group: ArraySlice<Line>) -> Bool {
        guard group.count >= 2, let first = group.first, isHeading(buf, first.trimmed) else { return false }
        let rest = group.dropFirst()
        let longest = rest.map(\.trimmed.count).max() ?? 0
        let next = rest.first!.trimmed
        let b = buf[next.lowerBound]
        let startsLikeSentence = (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0xC0
            || b == UInt8(ascii: "\"") || ListMarker.match(buf, next) != nil
        return startsLikeSentence && (group.count == 2 || first.trimmed.count * 10 <= longest * 7)
    }

    /// A heading is a short line with a letter in it that does not end like a sentence or a clause
    /// (a question heading may end in `?`).
    static func isHeading(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard !line.isEmpty, line.count <= maxHeadingBytes else { return false }
        let last = buf[line.upperBound - 1]
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "-"):
            return false
        default:
            break
        }
        if endsWithClosingPunctuation(buf, line) { return false }
        var words = 1
        var hasLetter = false
        for i in line {
            let b = buf[i]
            if b == 0x20 { words += 1 }
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0xC3 { hasLetter = true }
        }
        return hasLetter && words <= 20
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
