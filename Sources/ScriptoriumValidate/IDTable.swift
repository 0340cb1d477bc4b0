/// A set of record ids, each with the position it was added at: the uniqueness check of SPEC §3 and the lookups of
/// foreign keys. It answers exactly as `Set<String>` and `[String: Int]` would, for a fraction of the work.
///
/// `String` hashes with SipHash through its Unicode-aware `Hashable`, hundreds of instructions per id, and a
/// document has tens of thousands of ids. Ids are ASCII, and two ASCII strings are equal exactly when their bytes
/// are, so an open-addressing table over the UTF-8 bytes (a multiplicative hash over 8-byte words, and a byte
/// comparison when hashes match) gives the same answers. Swift compares non-ASCII strings by canonical equivalence
/// instead (U+212A KELVIN SIGN equals `K`), so the first non-ASCII id moves the table onto a `[String: Int]`, which
/// keeps the answers exact for anything a re-read dataset may hold.
struct IDTable {
    /// The ids in the order they were added, and their hashes.
    private var ids: [String] = []
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: a position in `ids` plus one, or 0 for an empty slot.
    private var slots: [Int32] = []
    /// The slot of a hash is its top bits: `hash >> shift`.
    private var shift: UInt64 = 64
    /// Takes over from the table once an id is not ASCII.
    private var byString: [String: Int]?

    init(capacity: Int = 0) {
        ids.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        resize(forCount: capacity)
    }

    /// Adds `id` unless an equal id is in already; returns that id's position then, nil when `id` is new.
    mutating func insert(_ id: String) -> Int? {
        if byString == nil {
            switch probe(id) {
            case .found(let position):
                return position
            case .empty(let slot, let hash):
                slots[slot] = Int32(truncatingIfNeeded: ids.count + 1)
                hashes.append(hash)
                ids.append(id)
                if 2 * ids.count > slots.count { resize(forCount: ids.count) }
                return nil
            case .notASCII:
                // The ids so far are distinct ASCII strings, hence distinct strings.
                byString = Dictionary(uniqueKeysWithValues: zip(ids, ids.indices))
            }
        }
        if let earlier = byString![id] { return earlier }
        byString![id] = ids.count
        ids.append(id)
        return nil
    }

    /// The position of the id equal to `id`, if one was added.
    func position(of id: String) -> Int? {
        if let byString { return byString[id] }
        switch probe(id) {
        case .found(let position): return position
        case .empty: return nil
        case .notASCII: return ids.firstIndex(of: id) // may still equal an ASCII id under canonical equivalence
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
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return .empty(slot: slot, hash: hash) }
                if hashes[entry - 1] == hash && Self.equal(ids[entry - 1], bytes) { return .found(entry - 1) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Makes room for twice `count` slots (at least 16) and puts the ids back.
    private mutating func resize(forCount count: Int) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * count { bits += 1 }
        shift = 64 - bits
        slots = Array(repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        for (k, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: k + 1)
        }
    }

    private static func equal(_ a: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Bytes.with(a) { UTF8Bytes.equal($0, bytes) }
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
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                any |= word
                h = ((h ^ word) &* multiplier) ^ (h >> 29)
                i += 8
            }
            let word = UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self)
            any |= word
            h = ((h ^ word) &* multiplier) ^ (h >> 29)
        } else {
            var word: UInt64 = 0
            for (k, b) in bytes.enumerated() { word |= UInt64(b) << (8 * UInt64(k)) }
            any = word
            h = ((h ^ word) &* multiplier) ^ (h >> 29)
        }
        guard any & 0x8080_8080_8080_8080 == 0 else { return nil }
        return (h ^ (h >> 32)) &* multiplier
    }
}
