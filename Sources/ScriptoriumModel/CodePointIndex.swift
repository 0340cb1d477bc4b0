/// Converts UTF-8 byte offsets of a document's source to code-point offsets (the unit of every span) and back.
///
/// Records are found on bytes; spans are published in code points. Keeping one checkpoint every 64 bytes costs
/// 1/16 of the source in memory and answers each conversion with at most 63 bytes of counting. Pure-ASCII
/// sources, the common case, skip the table: bytes and code points coincide; so do pure-ASCII strides of other
/// sources, where a code point is found without counting.
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
        return asciiStride(lo, offset) ?? scan(from: lo * Self.stride, codePoints: Int(checkpoints[lo]), to: offset)
    }

    /// Where code point `offset`, which lies in stride `k`, starts, when that stride is all ASCII (it holds as many
    /// code points as bytes), so no byte needs counting; nil for any other stride, and for the last one.
    @inline(__always)
    private func asciiStride(_ k: Int, _ offset: Int) -> Int? {
        guard k + 1 < checkpoints.count, Int(checkpoints[k + 1]) - Int(checkpoints[k]) == Self.stride else { return nil }
        return k * Self.stride + (offset - Int(checkpoints[k]))
    }

    /// Counts code points forward from `byte`, a character boundary with `codePoints` code points before it, to
    /// where code point `offset` (not before `byte`) starts; nil when that lies past the end. Eight bytes at a time
    /// while the target is further on, then byte by byte.
    private func scan(from byte: Int, codePoints: Int, to offset: Int) -> Int? {
        var count = codePoints
        var i = byte
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            if let base = buf.baseAddress {
                while i + 8 <= buf.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    // The top bit of each continuation byte (10xxxxxx); every other byte starts a code point.
                    let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                    let starts = 8 - continuations.nonzeroBitCount
                    if count + starts > offset { break }
                    count += starts
                    i += 8
                }
            }
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

extension CodePointIndex {
    /// A place in the source known both as a byte offset and as a code-point offset, so that conversions that
    /// move forward through the source (spans in source order) count on from the last one instead of starting
    /// again from a checkpoint. Start with `Cursor()`; only this index's conversions move it.
    public struct Cursor: Sendable, Equatable {
        public private(set) var byte = 0
        public private(set) var codePoint = 0

        public init() {}

        fileprivate init(byte: Int, codePoint: Int) {
            self.byte = byte
            self.codePoint = codePoint
        }
    }

    /// The same answer as `byteOffset(ofCodePoint:)`, found from `cursor` when `offset` lies ahead of it; the
    /// cursor moves to the answer. Over a forward pass through the source the cost is amortised O(1) per call,
    /// plus the code points between the calls; a step backwards falls back to the checkpoint search.
    public func byteOffset(ofCodePoint offset: Int, from cursor: inout Cursor) -> Int? {
        if offset < cursor.codePoint || isASCII {
            let found = byteOffset(ofCodePoint: offset)
            if let found { cursor = Cursor(byte: found, codePoint: offset) }
            return found
        }
        // Skip whole strides while the next checkpoint is still not past the target (the target cannot lie
        // before a checkpoint that counts no more code points than it), then count the rest.
        var byte = cursor.byte
        var codePoints = cursor.codePoint
        var k = byte / Self.stride
        if k + 1 < checkpoints.count && Int(checkpoints[k + 1]) <= offset {
            k += 1
            while k + 1 < checkpoints.count && Int(checkpoints[k + 1]) <= offset { k += 1 }
            byte = k * Self.stride
            codePoints = Int(checkpoints[k])
        }
        // The target lies in stride k (or past the last checkpoint).
        let found = asciiStride(k, offset) ?? scan(from: byte, codePoints: codePoints, to: offset)
        if let found { cursor = Cursor(byte: found, codePoint: offset) }
        return found
    }

    /// The same answer as `byteRange(of:)`, found from `cursor` (see `byteOffset(ofCodePoint:from:)`).
    public func byteRange(of span: Span, from cursor: inout Cursor) -> Range<Int>? {
        guard span.start <= span.end, let s = byteOffset(ofCodePoint: span.start, from: &cursor),
              let e = byteOffset(ofCodePoint: span.end, from: &cursor) else { return nil }
        return s..<e
    }
}
