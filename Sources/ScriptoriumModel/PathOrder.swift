/// Paths compared as their UTF-8 bytes. Swift compares `String`s by canonical equivalence, so `café.txt` in NFC
/// and in NFD would be one name; on Linux they are two files. Every comparison, set and sort of paths goes
/// through here, so that order is byte order and no file hides behind another.
public enum PathOrder {
    /// True when `a`'s bytes sort before `b`'s.
    public static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// True when `a` and `b` are the same bytes.
    public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// A key for sets and dictionaries of paths.
    public static func key(_ path: String) -> [UInt8] { Array(path.utf8) }
}
