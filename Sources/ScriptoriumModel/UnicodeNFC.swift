import Foundation

/// Unicode Normalization Form C, paid for only where it can change something, and never on a long string.
///
/// Foundation's NFC runs at a few MB/s and slows down quadratically on long strings with many decomposed
/// characters. So a text is first scanned on its bytes: characters that are NFC, never combine with a character
/// before them and never decompose ("safe": everything below U+0300, the general punctuation U+2002–U+206F such
/// as ’ “ ” — …, CJK ideographs, the emoji plane) are kept as they are. Only the clusters that need it, a safe
/// character followed by the unsafe ones after it (`e` + U+0301), go through Foundation, one cluster at a time,
/// and a cache remembers each cluster's composition (a document spells the same few accented letters again and
/// again). A cluster cannot compose with its neighbours: it starts at a safe character, which is never the second
/// half of a composition, and ends before the next one.
public struct NFCComposer {
    private var cache: [[UInt8]: [UInt8]] = [:]

    public init() {}

    /// True when every character of `buf` is safe, so the text is NFC as it stands.
    public static func isKnownNFC(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = buf.baseAddress else { return true }
        let n = buf.count
        var i = 0
        while i < n {
            // Eight bytes at a time while none is 0xCC or above: those are all safe (`safeWidth` says 1 for each),
            // and a byte from 0xCC up is always a lead byte, so no character is cut in a way that matters.
            if i + 8 <= n && !hasByteFromCC(UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))) {
                i &+= 8
                continue
            }
            guard let width = safeWidth(buf, i) else { return false }
            i += width
        }
        return true
    }

    /// Whether a byte of `w` is 0xCC or above: its high bit is set and its low seven bits reach 0x4C (adding
    /// 0x34 to them sets bit 7 then, and never carries into the next byte).
    @inline(__always)
    static func hasByteFromCC(_ w: UInt64) -> Bool {
        w & ((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & 0x8080_8080_8080_8080 != 0
    }

    public static func isKnownNFC(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { isKnownNFC($0) } }

    /// The byte length of the safe character at `i`, or nil when it is not safe. Continuation bytes count as
    /// width 1 so a scan can never stall.
    @inline(__always)
    static func safeWidth(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let b = buf[i]
        if b < 0xCC { return 1 } // ASCII, a 2-byte lead below U+0300, or a continuation byte
        if b == 0xE2, i + 2 < buf.count {
            let cp = (UInt32(b & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F)
            return cp >= 0x2002 && cp <= 0x206F ? 3 : nil
        }
        if b >= 0xE4 && b <= 0xE9 { return 3 } // U+4000–U+9FFF: CJK ideographs and Yijing symbols
        if b == 0xF0, i + 1 < buf.count, buf[i + 1] == 0x9F { return 4 } // U+1F000–U+1FFFF: emoji
        return nil
    }

    /// The byte length of the (unsafe) character at `i`.
    @inline(__always)
    static func characterWidth(_ b: UInt8) -> Int {
        b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Calls `body` for each stretch of `buf`, in order: either a stretch that is already NFC or a cluster that
    /// must be composed on its own (`needsComposing`).
    public static func forEachStretch(_ buf: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ needsComposing: Bool) -> Void) {
        var safeStart = 0
        var i = 0
        var lastSafe = -1 // where the last safe character starts
        while i < buf.count {
            if let width = safeWidth(buf, i) {
                if buf[i] & 0xC0 != 0x80 { lastSafe = i }
                i += width
                continue
            }
            // An unsafe character: its cluster starts at the safe character before it, if any.
            let clusterStart = lastSafe >= safeStart ? lastSafe : i
            if clusterStart > safeStart { body(safeStart..<clusterStart, false) }
            var j = i
            while j < buf.count, safeWidth(buf, j) == nil { j += characterWidth(buf[j]) }
            j = min(j, buf.count)
            body(clusterStart..<j, true)
            safeStart = j
            i = j
        }
        if safeStart < buf.count { body(safeStart..<buf.count, false) }
    }

    /// The NFC form of one cluster (bytes), from the cache or Foundation.
    public mutating func composeCluster(_ cluster: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let key = Array(cluster)
        if let hit = cache[key] { return hit }
        let composed = Array(String(decoding: cluster, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        if cache.count < 4096 { cache[key] = composed }
        return composed
    }

    /// The NFC form of `buf`.
    public mutating func compose(_ buf: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(buf.count)
        Self.forEachStretch(buf) { range, needsComposing in
            let stretch = UnsafeBufferPointer(rebasing: buf[range])
            if needsComposing { out += composeCluster(stretch) } else { out.append(contentsOf: stretch) }
        }
        return out
    }

    /// `text` in NFC: `text` itself when it is known to be NFC already (no copy).
    public mutating func compose(_ text: String) -> String {
        var text = text
        let composed: [UInt8]? = text.withUTF8 { buf in Self.isKnownNFC(buf) ? nil : compose(buf) }
        guard let composed else { return text }
        return String(decoding: composed, as: UTF8.self)
    }
}
