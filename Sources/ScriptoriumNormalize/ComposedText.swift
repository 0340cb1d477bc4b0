/// A text in NFC together with a map back to the (possibly decomposed) text it came from, so that a range found
/// in the composed text (a mention) maps to an exact range of the original, and from there to the source.
///
/// Composition never reaches across an ASCII character (no ASCII character is the second half of a canonical
/// composition, and an ASCII starter stops reordering), so the text is composed run by run: each ASCII byte maps
/// to itself, and each run of non-ASCII characters is composed on its own. A run that composition changes also
/// takes the ASCII character before it, which its combining marks may attach to (`e` + U+0301), and maps as a
/// whole; a run it leaves alone maps byte for byte.
public struct ComposedText: Sendable {
    struct Run: Sendable {
        var composed: Range<Int>
        var original: Range<Int>
        /// Composition left the run's bytes as they were, so offsets inside it map one to one.
        var unchanged: Bool
    }

    public private(set) var bytes: [UInt8] = []
    private var runs: [Run] = []

    public init(_ original: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(original.count)
        var i = 0
        while i < original.count {
            if original[i] < 0x80 {
                bytes.append(original[i])
                i += 1
                continue
            }
            var j = i
            while j < original.count && original[j] >= 0x80 { j += 1 }
            let run = UnsafeBufferPointer(rebasing: original[i..<j])
            if UnicodeNFC.isKnownNFC(run) {
                runs.append(Run(composed: bytes.count..<(bytes.count + run.count), original: i..<j, unchanged: true))
                bytes.append(contentsOf: run)
                i = j
                continue
            }
            // Compose the run with the ASCII character before it (if that is not already part of another run).
            let takesBase = i > 0 && original[i - 1] < 0x80
            if takesBase { bytes.removeLast() }
            let start = takesBase ? i - 1 : i
            let composedStart = bytes.count
            bytes.append(contentsOf: UnicodeNFC.normalize(String(decoding: UnsafeBufferPointer(rebasing: original[start..<j]),
                                                                 as: UTF8.self)).utf8)
            let unchanged = bytes.count - composedStart == j - start
                && bytes[composedStart...].elementsEqual(UnsafeBufferPointer(rebasing: original[start..<j]))
            runs.append(Run(composed: composedStart..<bytes.count, original: start..<j, unchanged: unchanged))
            i = j
        }
    }

    /// The range of the original text that `range` of the composed text stands for. A boundary inside a run that
    /// composition changed widens to the whole run.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        originalOffset(range.lowerBound, roundingUp: false)..<originalOffset(range.upperBound, roundingUp: true)
    }

    private func originalOffset(_ offset: Int, roundingUp: Bool) -> Int {
        // The last run starting before `offset` (binary search: runs are in order).
        var lo = 0
        var hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].composed.lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return offset } // before every run: ASCII maps to itself
        let run = runs[lo - 1]
        if offset >= run.composed.upperBound { // in the ASCII after the run
            return run.original.upperBound + (offset - run.composed.upperBound)
        }
        if run.unchanged { return run.original.lowerBound + (offset - run.composed.lowerBound) }
        return roundingUp ? run.original.upperBound : run.original.lowerBound
    }
}
