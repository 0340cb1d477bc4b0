import ScriptoriumText
import ScriptoriumModel

/// The joined, whitespace-normalised text of one block (or heading), with a map back to the source bytes.
///
/// Lines are joined as their `BlockLines` say (`HyphenatedBreaks` decides, with the whole document in view): with one
/// space, or a word hyphenated across the break rejoined, or a real hyphen kept; every run of white space
/// becomes one space; characters that XML 1.0 forbids (C0 controls other than white space, U+FFFE, U+FFFF) become U+FFFD so
/// that CSV, TEI and JSON-LD can carry the same text. Bytes are copied in runs, and every run remembers where
/// it came from, so a range found in this text (a sentence, a mention) maps back to an exact source span.
/// Unicode NFC is the Normalize stage's job; this text is NFC wherever the source was.
///
/// The extractor writes all blocks of a document into one `BlockTextBuffer` and each block's text is a slice of it,
/// which spares two allocations a block; offsets into a `BlockText` (its `bytes` through `withUnsafeBufferPointer`,
/// `sourceRange(of:)`, `string(_:)`) count from the block's first byte all the same.
public struct BlockText: Sendable {
    /// A stretch of the buffer's bytes and the source bytes it stands for. A copied run has
    /// `length == sourceLength`; a replaced run (a collapsed space, a U+FFFD) does not.
    struct Run: Sendable {
        /// Where the run starts in the buffer's bytes.
        var start: Int
        var length: Int
        var sourceStart: Int
        var sourceLength: Int
        var isCopy: Bool

        /// The source byte range that the buffer bytes `range` stand for (non-empty, inside the text of `runs`).
        static func sourceRange<C: RandomAccessCollection>(of range: Range<Int>, in runs: C) -> Range<Int>
        where C.Element == Run, C.Index == Int {
            let first = runs[index(of: range.lowerBound, in: runs)]
            let start = first.isCopy ? first.sourceStart + (range.lowerBound - first.start) : first.sourceStart
            let last = runs[index(of: range.upperBound - 1, in: runs)]
            let end = last.isCopy ? last.sourceStart + (range.upperBound - last.start) : last.sourceStart + last.sourceLength
            return start..<end
        }

        /// The index of the run holding buffer byte `offset`.
        private static func index<C: RandomAccessCollection>(of offset: Int, in runs: C) -> Int
        where C.Element == Run, C.Index == Int {
            var lo = runs.startIndex
            var hi = runs.endIndex - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if runs[mid].start <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
    }

    /// The text's UTF-8 bytes: a slice of the document's buffer, so its indices start where the block does.
    public let bytes: ArraySlice<UInt8>
    private let runs: ArraySlice<Run>

    /// A block's text: its slices of a `BlockTextBuffer`'s bytes and runs.
    init(bytes: ArraySlice<UInt8>, runs: ArraySlice<Run>) {
        self.bytes = bytes
        self.runs = runs
    }

    /// Builds the text of `lines` (trimmed byte ranges of `source`, in order), deciding each line join from the two
    /// lines alone (`HyphenatedBreaks.localJoin`).
    public init(source: Swift.Span<UInt8>, lines: [Range<Int>]) {
        self = source.withUnsafeBufferPointer { BlockText(source: $0, lines: lines) }
    }

    /// The same over a buffer: public only while ScriptoriumNormalize (`ParagraphSentences`) still lends its
    /// bytes this way.
    public init(source buf: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) {
        var joins: [LineJoin] = []
        if lines.count > 1 {
            joins.reserveCapacity(lines.count - 1)
            for k in 1..<lines.count { joins.append(HyphenatedBreaks.localJoin(buf, lines[k - 1], lines[k])) }
        }
        self.init(source: buf, lines: BlockLines(lines, joins: joins))
    }

    /// Builds the text of a block's lines, joining them as `lines.joins` says.
    init(source buf: UnsafeBufferPointer<UInt8>, lines: BlockLines) {
        var buffer = BlockTextBuffer()
        buffer.reserveCapacity(bytes: lines.ranges.reduce(0) { $0 + $1.count + 1 })
        let block = buffer.append(source: buf, lines: lines)
        self.init(bytes: buffer.bytes[block.bytes], runs: buffer.runs[block.runs])
    }

    /// The source byte range that `range` of this text stands for (`range` non-empty, inside the text).
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        Run.sourceRange(of: (bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound), in: runs)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of `range` (offsets from the text's first byte).
    public func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}

/// The joined texts of a document's blocks, one after the other, and the runs that map them back to the source
/// (see `BlockText`): one pair of arrays for the whole document instead of a pair per block.
struct BlockTextBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var runs: [BlockText.Run] = []
    /// The first run of the block being built: runs of an earlier block are never extended.
    private var blockRuns = 0

    mutating func reserveCapacity(bytes count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Appends the text of a block's lines, joined as `lines.joins` says; returns where its bytes and runs are.
    mutating func append(source buf: UnsafeBufferPointer<UInt8>, lines: BlockLines) -> (bytes: Range<Int>, runs: Range<Int>) {
        let start = bytes.count
        blockRuns = runs.count
        for (k, line) in lines.ranges.enumerated() {
            if k > 0 {
                let previous = lines.ranges[k - 1]
                switch lines.joins[k - 1] {
                case .rejoinWord:
                    // The hyphen (one byte, or three for U+2010); the break leaves nothing behind.
                    removeLast(HyphenatedBreaks.hyphenWidth(buf, endingAt: previous.upperBound))
                case .keepHyphen:
                    break
                case .keepHyphenAndSpace, .space:
                    appendReplacement(space: true, source: previous.upperBound..<line.lowerBound)
                }
            }
            appendLine(buf, line)
        }
        return (start..<bytes.count, blockRuns..<runs.count)
    }

    /// The source byte range that the bytes `range` stand for, `runs` being the block's runs.
    func sourceRange(of range: Range<Int>, runs block: Range<Int>) -> Range<Int> {
        BlockText.Run.sourceRange(of: range, in: runs[block])
    }

    private mutating func appendLine(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
        guard let p = buf.baseAddress else { return }
        var runStart = line.lowerBound
        var i = line.lowerBound
        let end = line.upperBound
        while i < end {
            // Most of a line is plain: eight bytes at a time while they are.
            if i + 8 <= end && Self.isPlain(buf, p, i, end) {
                i &+= 8
                continue
            }
            // Byte by byte up to the end of those eight (a white-space run may carry `i` further).
            let stop = min(i + 8, end)
            while i < stop {
                let b = p[i]
                // Fast path: ordinary printable ASCII and any non-white-space multi-byte character.
                if b > 0x20 && b != 0x7F && b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF {
                    i += 1
                    continue
                }
                // A lone ASCII space is already its normalised form: it stays in the copied run (most text has one
                // between every two words, and a run per word would cost an append each).
                if b == 0x20 && (i + 1 == end || Whitespace.width(buf, at: i + 1) == 0) {
                    i += 1
                    continue
                }
                let w = Whitespace.width(buf, at: i)
                if w > 0 {
                    appendCopy(buf, runStart..<i)
                    var j = i + w
                    while j < end {
                        let k = Whitespace.width(buf, at: j)
                        if k == 0 { break }
                        j += k
                    }
                    appendReplacement(space: true, source: i..<j)
                    i = j
                    runStart = i
                } else if b < 0x20 {
                    appendCopy(buf, runStart..<i)
                    appendReplacement(space: false, source: i..<(i + 1))
                    i += 1
                    runStart = i
                } else if b == 0xEF, i + 2 < end, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                    // U+FFFE and U+FFFF are not characters XML allows either: U+FFFD, like the controls.
                    appendCopy(buf, runStart..<i)
                    appendReplacement(space: false, source: i..<(i + 3))
                    i += 3
                    runStart = i
                } else {
                    i += 1
                }
            }
        }
        appendCopy(buf, runStart..<end)
    }

    /// Whether the eight bytes at `i` (all inside the line, which ends at `end`) are copied as they stand and need
    /// no byte-by-byte look: printable ASCII, and no space that starts a run of white space.
    @inline(__always)
    private static func isPlain(_ buf: UnsafeBufferPointer<UInt8>, _ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let w = ByteWords.load(p, i)
        // Bit 7 of a byte flags it when it is non-ASCII, a C0 control (tab and line breaks included) or DEL: on the
        // low seven bits `x`, `x + 0x60` reaches bit 7 exactly when `x >= 0x20`, and `x + 1` when `x == 0x7F`,
        // neither carrying into the next byte.
        let x = w & ByteWords.lows
        if (w | ~(x &+ 0x6060_6060_6060_6060) | (x &+ ByteWords.ones)) & ByteWords.highs != 0 { return false }
        // Two spaces in a row, or a space ending these eight bytes before more white space. Every byte is now
        // ASCII, so `t + 0x7F` reaches bit 7 for every byte but a space (`t == 0`).
        let t = w ^ 0x2020_2020_2020_2020
        let spaces = ~(t &+ ByteWords.lows) & ByteWords.highs
        if spaces & (spaces >> 8) != 0 { return false }
        return spaces >> 63 == 0 || i + 8 == end || Whitespace.width(buf, at: i + 8) == 0
    }

    private mutating func appendCopy(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if runs.count > blockRuns, let last = runs.last, last.isCopy,
           last.sourceStart + last.sourceLength == range.lowerBound, last.start + last.length == bytes.count {
            runs[runs.count - 1].length += range.count
            runs[runs.count - 1].sourceLength += range.count
        } else {
            runs.append(BlockText.Run(start: bytes.count, length: range.count, sourceStart: range.lowerBound,
                            sourceLength: range.count, isCopy: true))
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[range]))
    }

    /// Appends one space (`space`) or U+FFFD in place of the source bytes `source`.
    private mutating func appendReplacement(space: Bool, source: Range<Int>) {
        runs.append(BlockText.Run(start: bytes.count, length: space ? 1 : 3, sourceStart: source.lowerBound,
                        sourceLength: source.count, isCopy: false))
        if space {
            bytes.append(0x20)
        } else {
            bytes.append(0xEF)
            bytes.append(0xBF)
            bytes.append(0xBD)
        }
    }

    private mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
        runs[runs.count - 1].length -= count
        runs[runs.count - 1].sourceLength -= count
        if runs[runs.count - 1].length == 0 { runs.removeLast() }
    }
}
