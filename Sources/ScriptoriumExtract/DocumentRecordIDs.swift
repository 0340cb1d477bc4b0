/// The ids of one document's records, written straight into their strings: the same text as `RecordID` builds
/// ("doc.sec2", "doc.b12", "doc.b12.s3", "doc.m7"), without string interpolation, which costs about a thousand
/// instructions an id and is paid for every section, block, sentence and mention.
public struct DocumentRecordIDs: Sendable {
    private let document: [UInt8]

    public init(document: String) {
        self.document = Array(document.utf8)
    }

    /// `RecordID.section(document:position:)`
    public func section(_ position: Int) -> String { make("sec", position) }
    /// `RecordID.block(document:position:)`
    public func block(_ position: Int) -> String { make("b", position) }
    /// `RecordID.sentence(block:position:)` of this document's block `block`.
    public func sentence(block: Int, position: Int) -> String { make("b", block, "s", position) }
    /// `RecordID.mention(document:position:)`
    public func mention(_ position: Int) -> String { make("m", position) }

    /// The document id, then `.tag` and `number` for each pair given.
    private func make(_ tag: StaticString, _ number: Int, _ tag2: StaticString = "", _ number2: Int = -1) -> String {
        let digits = Self.digits(number)
        let digits2 = number2 >= 0 ? Self.digits(number2) : 0
        let length = document.count + 1 + tag.utf8CodeUnitCount + digits
            + (number2 >= 0 ? 1 + tag2.utf8CodeUnitCount + digits2 : 0)
        return String(unsafeUninitializedCapacity: length) { out in
            let base = out.baseAddress!
            document.withUnsafeBufferPointer { doc in
                if let from = doc.baseAddress { base.update(from: from, count: doc.count) }
            }
            var k = Self.write(tag, number, digits: digits, to: base, at: document.count)
            if number2 >= 0 { k = Self.write(tag2, number2, digits: digits2, to: base, at: k) }
            return k
        }
    }

    /// Writes `.`, `tag` and the decimal `number` (of `digits` digits) at `k`; returns where they end.
    @inline(__always)
    private static func write(_ tag: StaticString, _ number: Int, digits: Int, to base: UnsafeMutablePointer<UInt8>,
                              at k: Int) -> Int {
        base[k] = UInt8(ascii: ".")
        let count = tag.utf8CodeUnitCount
        (base + k + 1).update(from: tag.utf8Start, count: count)
        let end = k + 1 + count + digits
        var n = number
        var j = end
        repeat {
            j -= 1
            base[j] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
            n /= 10
        } while n > 0
        return end
    }

    /// Decimal digits of a non-negative number.
    @inline(__always)
    private static func digits(_ number: Int) -> Int {
        var d = 1
        var n = number
        while n >= 10 {
            n /= 10
            d += 1
        }
        return d
    }
}
