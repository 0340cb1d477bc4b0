/// Which children belong to which parent (blocks to sections, sentences to blocks, mentions to sentences), as
/// index ranges, computed without hashing in the usual case where children come in their parents' order.
struct RecordGrouping: Sendable {
    /// Child indices, grouped by parent, each group in source order.
    private(set) var order: [Int]
    /// For each parent, its children: a range of `order`.
    private(set) var ranges: [Range<Int>]
    /// Children whose key matches no parent.
    private(set) var orphans: [Int] = []

    /// Groups `childCount` children under `parentCount` parents by key. The fast path walks both lists once; if
    /// the children are not in their parents' order, they are grouped by a dictionary instead (same result).
    init<Key: Hashable>(parentCount: Int, parentKey: (Int) -> Key, childCount: Int, childKey: (Int) -> Key) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(parentCount)
        var c = 0
        for p in 0..<parentCount {
            let start = c
            let key = parentKey(p)
            while c < childCount, childKey(c) == key { c += 1 }
            ranges.append(start..<c)
        }
        if c == childCount {
            self.order = Array(0..<childCount)
            self.ranges = ranges
            return
        }
        // Slow path: a counting sort by parent.
        var parentOf: [Key: Int] = [:]
        for p in (0..<parentCount).reversed() { parentOf[parentKey(p)] = p }
        var assigned = [Int](repeating: -1, count: childCount)
        var counts = [Int](repeating: 0, count: parentCount)
        var orphans: [Int] = []
        for child in 0..<childCount {
            if let p = parentOf[childKey(child)] {
                assigned[child] = p
                counts[p] += 1
            } else {
                orphans.append(child)
            }
        }
        var starts = [Int](repeating: 0, count: parentCount)
        var total = 0
        ranges.removeAll(keepingCapacity: true)
        for p in 0..<parentCount {
            starts[p] = total
            ranges.append(total..<(total + counts[p]))
            total += counts[p]
        }
        var order = [Int](repeating: 0, count: total)
        for child in 0..<childCount where assigned[child] >= 0 {
            order[starts[assigned[child]]] = child
            starts[assigned[child]] += 1
        }
        self.order = order
        self.ranges = ranges
        self.orphans = orphans
    }

    /// The children of parent `p`.
    func children(of p: Int) -> ArraySlice<Int> { order[ranges[p]] }

    /// Sorts the children of each parent by `less` where they are not already in that order.
    mutating func sortEachGroup(by less: (Int, Int) -> Bool) {
        for range in ranges where range.count > 1 {
            var sorted = true
            for i in range.dropFirst() where less(order[i], order[i - 1]) {
                sorted = false
                break
            }
            if !sorted { order[range].sort(by: less) }
        }
    }
}
