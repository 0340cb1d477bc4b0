/// Byte-level helpers for ids and texts, which the checks compare and scan by their UTF-8 bytes.
enum UTF8Bytes {
    /// Calls `body` with the string's UTF-8 bytes, in place when the string stores them contiguously (native and
    /// small strings do), without the copy `var s = s; s.withUTF8` makes.
    @inline(__always)
    static func with<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        return copy.withUTF8(body)
    }

    /// True when `a` and `b` hold the same bytes; compares eight bytes at a time.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        guard n == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return n == 0 }
        if n < 8 {
            var differ: UInt8 = 0
            for i in 0..<n { differ |= x[i] ^ y[i] }
            return differ == 0
        }
        var i = 0
        while i &+ 8 < n {
            if UnsafeRawPointer(x + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(y + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i &+= 8
        }
        // The last word overlaps the one before it.
        return UnsafeRawPointer(x + n - 8).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(y + n - 8).loadUnaligned(as: UInt64.self)
    }
}
