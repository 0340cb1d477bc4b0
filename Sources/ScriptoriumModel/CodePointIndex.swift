/// Converts UTF-8 byte offsets of a document's source to code-point offsets (the unit of every span) and back.
///
/// Records are found on bytes; spans are published in code points. Keeping one checkpoint every 64 bytes costs
/// 1/16 of the source in memory and answers each conversion with at most 63 bytes of counting. Pure-ASCII
/// sources, the common case, skip the table: bytes and code points coincide.
public struct CodePointIndex: Sendable {
    private static let stride = 64
    /// `checkpoints[k]` = code points in `bytes[0 ..< k * stride]`. Empty when the source is ASCII.
    private let checkpoints: [Int32]
    private let bytes: [UInt8]
    public let isASCII: Bool
    public var codePointCount: Int { codePointOffset(ofByte: bytes.count) }

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let ascii = bytes.withUnsafeBufferPointer { buf -> Bool in
            var acc: UInt8 = 0
            for b in buf { acc |= b }
            return acc < 0x80
        }
        isASCII = ascii
        if ascii {
            checkpoints = []
            return
        }
        var table = [Int32]()
        table.reserveCapacity(bytes.count / Self.stride + 1)
        bytes.withUnsafeBufferPointer { buf in
            // One checkpoint per stride; within a stride, a branch-free count the compiler can vectorise.
            var count: Int32 = 0
            var start = 0
            while start < buf.count {
                table.append(count)
                let end = min(start + Self.stride, buf.count)
                var starts: Int32 = 0
                for i in start..<end { starts &+= buf[i] & 0xC0 != 0x80 ? 1 : 0 }
                count &+= starts
                start = end
            }
            if buf.count % Self.stride == 0 { table.append(count) }
        }
        checkpoints = table
    }

    /// Code points before byte `offset` (which should be a character boundary).
    public func codePointOffset(ofByte offset: Int) -> Int {
        if isASCII { return offset }
        let k = offset / Self.stride
        var count = Int(checkpoints[k])
        var i = k * Self.stride
        bytes.withUnsafeBufferPointer { buf in
            while i < offset {
                if buf[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
        }
        return count
    }

    /// The byte offset where code point `offset` starts, or nil when it lies past the end.
    public func byteOffset(ofCodePoint offset: Int) -> Int? {
        if offset < 0 { return nil }
        if isASCII { return offset <= bytes.count ? offset : nil }
        // Largest checkpoint not past the target, then count forward.
        var lo = 0
        var hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(checkpoints[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        var count = Int(checkpoints[lo])
        var i = lo * Self.stride
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            while i < buf.count {
                if buf[i] & 0xC0 != 0x80 {
                    if count == offset { return i }
                    count += 1
                }
                i += 1
            }
            return count == offset ? buf.count : nil
        }
    }

    /// Byte range of a code-point span, or nil when the span does not lie inside the source.
    public func byteRange(of span: Span) -> Range<Int>? {
        guard span.start <= span.end, let s = byteOffset(ofCodePoint: span.start),
              let e = byteOffset(ofCodePoint: span.end) else { return nil }
        return s..<e
    }
}
