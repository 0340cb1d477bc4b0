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
        let length = document.count + 1 + tag.utf8CodeUnitCount + Self.digits(number)
            + (number2 >= 0 ? 1 + tag2.utf8CodeUnitCount + Self.digits(number2) : 0)
        return String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for b in document {
                out[k] = b
                k += 1
            }
            Self.write(tag, number, into: out, at: &k)
            if number2 >= 0 { Self.write(tag2, number2, into: out, at: &k) }
            return k
        }
    }

    /// Writes `.`, `tag` and the decimal `number` at `k`.
    @inline(__always)
    private static func write(_ tag: StaticString, _ number: Int, into out: UnsafeMutableBufferPointer<UInt8>, at k: inout Int) {
        out[k] = UInt8(ascii: ".")
        k += 1
        let t = tag.utf8Start
        for j in 0..<tag.utf8CodeUnitCount {
            out[k] = t[j]
            k += 1
        }
        var n = number
        var end = k + digits(number)
        k = end
        repeat {
            end -= 1
            out[end] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
            n /= 10
        } while n > 0
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
