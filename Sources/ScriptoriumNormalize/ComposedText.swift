/// A text in NFC together with a map back to the (possibly decomposed) text it came from, so that a range found
/// in the composed text (a mention) maps to an exact range of the original, and from there to the source.
///
/// Composition never reaches across an ASCII character (no ASCII character is the second half of a canonical
/// composition, and an ASCII starter stops reordering), so the text is composed run by run: each ASCII byte maps
/// to itself, and each run of non-ASCII characters, with the ASCII character before it (which its combining
/// marks may attach to: `e` + U+0301), is composed on its own and maps as a whole.
public struct ComposedText: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Non-ASCII runs: where each starts in `bytes` and in the original, and their lengths in both.
    private var runs: [(composed: Range<Int>, original: Range<Int>)] = []

    public init(_ original: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(original.count)
        var i = 0
        while i < original.count {
            if original[i] < 0x80 {
                bytes.append(original[i])
                i += 1
                continue
            }
            // Take back the ASCII character before the run, if the previous run did not already end there.
            let takesBase = i > 0 && original[i - 1] < 0x80 && (runs.last?.original.upperBound ?? -1) < i
            if takesBase { bytes.removeLast() }
            let runStart = takesBase ? i - 1 : i
            var j = i
            while j < original.count && original[j] >= 0x80 { j += 1 }
            let run = UnsafeBufferPointer(rebasing: original[runStart..<j])
            let start = bytes.count
            if UnicodeNFC.isKnownNFC(run) {
                bytes.append(contentsOf: run)
            } else {
                bytes.append(contentsOf: UnicodeNFC.normalize(String(decoding: run, as: UTF8.self)).utf8)
            }
            runs.append((start..<bytes.count, runStart..<j))
            i = j
        }
    }

    /// The range of the original text that `range` of the composed text stands for. A boundary inside a
    /// composed run widens to the whole run.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        originalOffset(range.lowerBound, roundingUp: false)..<originalOffset(range.upperBound, roundingUp: true)
    }

    private func originalOffset(_ offset: Int, roundingUp: Bool) -> Int {
        // Shift accumulated by the runs wholly before `offset`.
        var shift = 0
        for run in runs {
            if run.composed.upperBound <= offset {
                shift = run.original.upperBound - run.composed.upperBound
                continue
            }
            if run.composed.lowerBound < offset { // inside a run
                return roundingUp ? run.original.upperBound : run.original.lowerBound
            }
            break
        }
        return offset + shift
    }
}
