import ScriptoriumModel

/// A text in NFC together with a map back to the (possibly decomposed) text it came from, so that a range found
/// in the composed text (a mention) maps to an exact range of the original, and from there to the source.
///
/// `NFCComposer` composes cluster by cluster; everything between clusters is copied and maps byte for byte, and
/// so does a cluster that composition left as it was. A boundary inside a cluster that changed widens to the
/// whole cluster (a mention never ends inside one: names end at word boundaries).
public struct ComposedText: Sendable {
    struct Run: Sendable {
        var composed: Range<Int>
        var original: Range<Int>
        /// Composition left the cluster's bytes as they were, so offsets inside it map one to one.
        var unchanged: Bool
    }

    public private(set) var bytes: [UInt8] = []
    private var runs: [Run] = []

    public init(_ original: UnsafeBufferPointer<UInt8>, composer: inout NFCComposer) {
        var bytes: [UInt8] = []
        var runs: [Run] = []
        bytes.reserveCapacity(original.count)
        NFCComposer.forEachStretch(original) { range, needsComposing in
            let stretch = UnsafeBufferPointer(rebasing: original[range])
            guard needsComposing else {
                bytes.append(contentsOf: stretch)
                return
            }
            let composed = composer.composeCluster(stretch)
            runs.append(Run(composed: bytes.count..<(bytes.count + composed.count), original: range,
                            unchanged: composed.elementsEqual(stretch)))
            bytes += composed
        }
        self.bytes = bytes
        self.runs = runs
    }

    /// The range of the original text that `range` of the composed text stands for.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        originalOffset(range.lowerBound, roundingUp: false)..<originalOffset(range.upperBound, roundingUp: true)
    }

    private func originalOffset(_ offset: Int, roundingUp: Bool) -> Int {
        // The last run starting before `offset` (runs are in order).
        var lo = 0
        var hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].composed.lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return offset } // before every run: bytes map to themselves
        let run = runs[lo - 1]
        if offset >= run.composed.upperBound { // in the copied text after the run
            return run.original.upperBound + (offset - run.composed.upperBound)
        }
        if run.unchanged { return run.original.lowerBound + (offset - run.composed.lowerBound) }
        return roundingUp ? run.original.upperBound : run.original.lowerBound
    }
}
