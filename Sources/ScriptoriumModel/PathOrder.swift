/// Paths compared as their UTF-8 bytes. Swift compares `String`s by canonical equivalence, so `café.txt` in NFC
/// and in NFD would be one name; on Linux they are two files. Every comparison, set and sort of paths goes
/// through here, so that order is byte order and no file hides behind another.
public enum PathOrder {
    /// True when `a`'s bytes sort before `b`'s.
    /// (Over the strings' own UTF-8 storage: the generic `lexicographicallyPrecedes` walks an iterator per byte, and
    /// every sort of a dataset's files goes through here.)
    public static func less(_ a: String, _ b: String) -> Bool { less(a.utf8.span, b.utf8.span) }

    /// True when the bytes `x` sort before the bytes `y`.
    public static func less(_ x: Swift.Span<UInt8>, _ y: Swift.Span<UInt8>) -> Bool {
        let n = min(x.count, y.count)
        var i = 0
        while i < n {
            if x[unchecked: i] != y[unchecked: i] { return x[unchecked: i] < y[unchecked: i] }
            i += 1
        }
        return x.count < y.count
    }

    /// True when `a` and `b` are the same bytes.
    public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// A key for sets and dictionaries of paths.
    public static func key(_ path: String) -> [UInt8] { Array(path.utf8) }
}
