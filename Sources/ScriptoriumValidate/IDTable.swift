import ScriptoriumText

/// A set of record ids, each with the position it was added at: the uniqueness check of SPEC §3 and the lookups of
/// foreign keys. It answers exactly as `Set<String>` and `[String: Int]` would, for a fraction of the work.
///
/// `String` hashes with SipHash through its Unicode-aware `Hashable`, hundreds of instructions per id, and a
/// document has tens of thousands of ids. Ids are ASCII, and two ASCII strings are equal exactly when their bytes
/// are, so an open-addressing table over the UTF-8 bytes (a multiplicative hash over 8-byte words, and a byte
/// comparison when hashes match) gives the same answers. Swift compares non-ASCII strings by canonical equivalence
/// instead (U+212A KELVIN SIGN equals `K`), so the first non-ASCII id moves the table onto a `[String: Int]`, which
/// keeps the answers exact for anything a re-read dataset may hold.
///
/// A class over manually managed buffers: adding an id is a store, not an `Array` append with its uniqueness and
/// capacity checks, which cost more than the hashing. Its properties keep Swift's run-time exclusivity checks:
/// the validator is the referee, and its own bookkeeping keeps the language's safety checks on.
final class IDTable {
    private struct Entry {
        var hash: UInt64
        var id: String
    }

    /// The ids in the order they were added (their positions), with their hashes.
    private var entries: UnsafeMutablePointer<Entry>
    private var count = 0
    private var capacity: Int
    /// Open addressing with linear probing: a position in `entries` plus one, or 0 for an empty slot.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotCount: Int
    /// The slot of a hash is its top bits: `hash >> shift`.
    private var shift: UInt64
    /// Takes over from the table once an id is not ASCII.
    private var byString: [String: Int]?

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 8)
        entries = .allocate(capacity: self.capacity)
        (slotCount, shift) = Self.slotCount(for: self.capacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    deinit {
        entries.deinitialize(count: count)
        entries.deallocate()
        slots.deallocate()
    }

    /// Adds `id` unless an equal id is in already; returns that id's position then, nil when `id` is new.
    func insert(_ id: String) -> Int? {
        if byString == nil {
            switch probe(id) {
            case .found(let position):
                return position
            case .empty(let slot, let hash):
                if count == capacity { growEntries() }
                (entries + count).initialize(to: Entry(hash: hash, id: id))
                count += 1
                slots[slot] = Int32(truncatingIfNeeded: count)
                if 2 * count > slotCount { rehash() }
                return nil
            case .notASCII:
                // The ids so far are distinct ASCII strings, hence distinct strings.
                byString = Dictionary(uniqueKeysWithValues: (0..<count).map { (entries[$0].id, $0) })
            }
        }
        if let earlier = byString![id] { return earlier }
        byString![id] = count
        if count == capacity { growEntries() }
        (entries + count).initialize(to: Entry(hash: 0, id: id))
        count += 1
        return nil
    }

    /// The position of the id equal to `id`, if one was added.
    func position(of id: String) -> Int? {
        if let byString { return byString[id] }
        switch probe(id) {
        case .found(let position): return position
        case .empty: return nil
        case .notASCII: // may still equal an ASCII id under canonical equivalence
            return (0..<count).first { entries[$0].id == id }
        }
    }

    private enum Probe {
        case found(Int)
        case empty(slot: Int, hash: UInt64)
        case notASCII
    }

    private func probe(_ id: String) -> Probe {
        UTF8Bytes.with(id) { bytes in
            guard let hash = Self.hash(bytes) else { return .notASCII }
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return .empty(slot: slot, hash: hash) }
                if entries[entry - 1].hash == hash && UTF8Bytes.with(entries[entry - 1].id, { UTF8Bytes.equal($0, bytes) }) {
                    return .found(entry - 1)
                }
                slot = (slot + 1) & (slotCount - 1)
            }
        }
    }

    /// A power of two at least twice `count` (and at least 16), and the shift that takes a hash to a slot.
    private static func slotCount(for count: Int) -> (Int, UInt64) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * count { bits += 1 }
        return (1 << bits, 64 - bits)
    }

    private func growEntries() {
        let larger = UnsafeMutablePointer<Entry>.allocate(capacity: 2 * capacity)
        larger.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = larger
        capacity *= 2
    }

    /// Doubles the slots and puts the ids back.
    private func rehash() {
        slots.deallocate()
        (slotCount, shift) = Self.slotCount(for: count)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        for k in 0..<count {
            var slot = Int(truncatingIfNeeded: entries[k].hash >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(truncatingIfNeeded: k + 1)
        }
    }

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A hash of ASCII bytes (good in its top bits), or nil when a byte is not ASCII.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let n = bytes.count
        var h = UInt64(n) &* multiplier
        var any: UInt64 = 0
        if let base = bytes.baseAddress, n >= 8 {
            // Eight bytes at a time; the last word overlaps the one before it.
            var i = 0
            while i + 8 < n {
                let word = ByteWords.load(base, i)
                any |= word
                h = ((h ^ word) &* multiplier) ^ (h >> 29)
                i += 8
            }
            let word = ByteWords.load(base, n - 8)
            any |= word
            h = ((h ^ word) &* multiplier) ^ (h >> 29)
        } else {
            var word: UInt64 = 0
            for (k, b) in bytes.enumerated() { word |= UInt64(b) << (8 * UInt64(k)) }
            any = word
            h = ((h ^ word) &* multiplier) ^ (h >> 29)
        }
        guard any & ByteWords.highs == 0 else { return nil }
        return (h ^ (h >> 32)) &* multiplier
    }
}
