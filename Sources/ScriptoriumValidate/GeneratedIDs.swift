import ScriptoriumModel

/// Recognises the ids a build generates (`RecordID`): `D.sec1`, `D.b1`, `D.b1.s1` and `D.m1` for a document `D`,
/// sections, blocks and mentions numbered 1, 2, 3, … in record order, sentences in increasing (block, sentence)
/// order, numbers written without leading zeros.
///
/// When the document id is an NCName (hence ASCII), every such id is an NCName too, and no two are equal: they
/// share the prefix `D.` and differ after it, in their tag or in their numbers. If besides no entity id equals `D`,
/// starts with `D.` or holds a non-ASCII byte (Swift compares those by canonical equivalence), the uniqueness and
/// NCName checks can find problems only among the entities, so the validator hashes only those. Any other scheme,
/// or one id out of line, answers false, and every id is checked as usual.
enum GeneratedIDs {
    static func all(in records: DocumentRecords) -> Bool {
        guard NCName.isValid(records.document.id) else { return false }
        return UTF8Bytes.with(records.document.id) { prefix in
            for (k, section) in records.sections.enumerated() where numbered(section.id, prefix, "sec") != k + 1 {
                return false
            }
            for (k, block) in records.blocks.enumerated() where numbered(block.id, prefix, "b") != k + 1 {
                return false
            }
            for (k, mention) in records.mentions.enumerated() where numbered(mention.id, prefix, "m") != k + 1 {
                return false
            }
            var last = (block: 0, sentence: 0)
            for sentence in records.sentences {
                guard let numbers = sentenceNumbers(sentence.id, prefix), numbers > last else { return false }
                last = numbers
            }
            return records.entities.allSatisfy { isOutside($0.id, prefix) }
        }
    }

    /// `n` when `id` is `prefix` `.` `tag` `n`.
    private static func numbered(_ id: String, _ prefix: UnsafeBufferPointer<UInt8>, _ tag: StaticString) -> Int? {
        UTF8Bytes.with(id) { b in
            guard var i = tagEnd(b, prefix, tag), let n = number(b, &i), i == b.count else { return nil }
            return n
        }
    }

    /// (n, m) when `id` is `prefix` `.b` `n` `.s` `m`.
    private static func sentenceNumbers(_ id: String, _ prefix: UnsafeBufferPointer<UInt8>) -> (block: Int, sentence: Int)? {
        UTF8Bytes.with(id) { b in
            guard var i = tagEnd(b, prefix, "b"), let n = number(b, &i), i + 2 < b.count,
                  b[i] == UInt8(ascii: "."), b[i + 1] == UInt8(ascii: "s") else { return nil }
            i += 2
            guard let m = number(b, &i), i == b.count else { return nil }
            return (n, m)
        }
    }

    /// Where the number starts when `b` begins with `prefix` `.` `tag`.
    @inline(__always)
    private static func tagEnd(_ b: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>, _ tag: StaticString) -> Int? {
        let p = prefix.count
        let t = tag.utf8CodeUnitCount
        guard b.count > p + 1 + t, UTF8Bytes.equal(UnsafeBufferPointer(rebasing: b[0..<p]), prefix),
              b[p] == UInt8(ascii: ".") else { return nil }
        for k in 0..<t where b[p + 1 + k] != tag.utf8Start[k] { return nil }
        return p + 1 + t
    }

    /// The number written at `b[i...]`, moving `i` past it: one to nine digits, no leading zero.
    @inline(__always)
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        let start = i
        var n = 0
        while i < b.count {
            let digit = b[i] &- 48
            guard digit <= 9 else { break }
            guard i - start < 9 else { return nil } // a tenth digit
            n = n * 10 + Int(digit)
            i += 1
        }
        guard i > start, b[start] != UInt8(ascii: "0") else { return nil }
        return n
    }

    /// True when `id` is ASCII, is not `prefix` and does not start with `prefix` `.`.
    private static func isOutside(_ id: String, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Bytes.with(id) { b in
            guard b.allSatisfy({ $0 < 0x80 }) else { return false }
            let p = prefix.count
            let startsWithPrefix = b.count >= p && UTF8Bytes.equal(UnsafeBufferPointer(rebasing: b[0..<p]), prefix)
            return !(startsWithPrefix && (b.count == p || b[p] == UInt8(ascii: ".")))
        }
    }
}
