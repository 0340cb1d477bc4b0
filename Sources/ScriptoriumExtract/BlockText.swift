import ScriptoriumModel

/// The joined, whitespace-normalised text of one block (or heading), with a map back to the source bytes.
///
/// Lines are joined as their `BlockLines` say (`HyphenatedBreaks` decides, with the whole document in view): with one
/// space, or a word hyphenated across the break rejoined, or a real hyphen kept; every run of white space
/// becomes one space; characters that XML 1.0 forbids (C0 controls other than white space, U+FFFE, U+FFFF) become U+FFFD so
/// that CSV, TEI and JSON-LD can carry the same text. Bytes are copied in runs, and every run remembers where
/// it came from, so a range found in this text (a sentence, a mention) maps back to an exact source span.
/// Unicode NFC is the Normalize stage's job; this text is NFC wherever the source was.
public struct BlockText: Sendable {
    /// A stretch of `bytes` and the source bytes it stands for. A copied run has `length == sourceLength`;
    /// a replaced run (a collapsed space, a U+FFFD) does not.
    struct Run: Sendable {
        var start: Int
        var length: Int
        var sourceStart: Int
        var sourceLength: Int
        var isCopy: Bool
    }

    public private(set) var bytes: [UInt8] = []
    private var runs: [Run] = []

    /// Builds the text of `lines` (trimmed byte ranges of the source, in order), deciding each line join from
    /// the two lines alone (`HyphenatedBreaks.localJoin`).
    public init(source buf: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) {
        var joins: [LineJoin] = []
        if lines.count > 1 {
            joins.reserveCapacity(lines.count - 1)
            for k in 1..<lines.count { joins.append(HyphenatedBreaks.localJoin(buf, lines[k - 1], lines[k])) }
        }
        self.init(source: buf, lines: BlockLines(lines, joins: joins))
    }

    /// Builds the text of a block's lines, joining them as `lines.joins` says.
    public init(source buf: UnsafeBufferPointer<UInt8>, lines: BlockLines) {
        bytes.reserveCapacity(lines.ranges.reduce(0) { $0 + $1.count + 1 })
        for (k, line) in lines.ranges.enumerated() {
            if k > 0 {
                let previous = lines.ranges[k - 1]
                switch lines.joins[k - 1] {
                case .rejoinWord:
                    removeLastByte() // the hyphen; the break leaves nothing behind
                case .keepHyphen:
                    break
                case .keepHyphenAndSpace, .space:
                    appendReplacement([0x20], source: previous.upperBound..<line.lowerBound)
                }
            }
            appendLine(buf, line)
        }
    }

    private mutating func appendLine(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
        var runStart = line.lowerBound
        var i = line.lowerBound
        while i < line.upperBound {
            let b = buf[i]
            // Fast path: ordinary printable ASCII and any non-white-space multi-byte character.
            if b > 0x20 && b != 0x7F && b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF {
                i += 1
                continue
            }
            // A lone ASCII space is already its normalised form: it stays in the copied run (most text has one
            // between every two words, and a run per word would cost an append each).
            if b == 0x20 && (i + 1 == line.upperBound || Whitespace.width(buf, at: i + 1) == 0) {
                i += 1
                continue
            }
            let w = Whitespace.width(buf, at: i)
            if w > 0 {
                appendCopy(buf, runStart..<i)
                var j = i + w
                while j < line.upperBound {
                    let k = Whitespace.width(buf, at: j)
                    if k == 0 { break }
                    j += k
                }
                appendReplacement([0x20], source: i..<j)
                i = j
                runStart = i
            } else if b < 0x20 {
                appendCopy(buf, runStart..<i)
                appendReplacement([0xEF, 0xBF, 0xBD], source: i..<(i + 1))
                i += 1
                runStart = i
            } else if b == 0xEF, i + 2 < line.upperBound, buf[i + 1] == 0xBF, buf[i + 2] == 0xBE || buf[i + 2] == 0xBF {
                // U+FFFE and U+FFFF are not characters XML allows either: U+FFFD, like the controls.
                appendCopy(buf, runStart..<i)
                appendReplacement([0xEF, 0xBF, 0xBD], source: i..<(i + 3))
                i += 3
                runStart = i
            } else {
                i += 1
            }
        }
        appendCopy(buf, runStart..<line.upperBound)
    }

    private mutating func appendCopy(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = runs.last, last.isCopy, last.sourceStart + last.sourceLength == range.lowerBound,
           last.start + last.length == bytes.count {
            runs[runs.count - 1].length += range.count
            runs[runs.count - 1].sourceLength += range.count
        } else {
            runs.append(Run(start: bytes.count, length: range.count, sourceStart: range.lowerBound,
                            sourceLength: range.count, isCopy: true))
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[range]))
    }

    private mutating func appendReplacement(_ replacement: [UInt8], source: Range<Int>) {
        runs.append(Run(start: bytes.count, length: replacement.count, sourceStart: source.lowerBound,
                        sourceLength: source.count, isCopy: false))
        bytes.append(contentsOf: replacement)
    }

    private mutating func removeLastByte() {
        bytes.removeLast()
        runs[runs.count - 1].length -= 1
        runs[runs.count - 1].sourceLength -= 1
        if runs[runs.count - 1].length == 0 { runs.removeLast() }
    }

    /// The index of the run holding byte `offset` of `bytes`.
    private func runIndex(_ offset: Int) -> Int {
        var lo = 0
        var hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runs[mid].start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The source byte range that `range` of this text stands for (`range` non-empty, inside `bytes`).
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        let first = runs[runIndex(range.lowerBound)]
        let start = first.isCopy ? first.sourceStart + (range.lowerBound - first.start) : first.sourceStart
        let last = runs[runIndex(range.upperBound - 1)]
        let end = last.isCopy ? last.sourceStart + (range.upperBound - last.start) : last.sourceStart + last.sourceLength
        return start..<end
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
