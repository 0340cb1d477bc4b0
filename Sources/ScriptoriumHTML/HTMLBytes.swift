/// A byte buffer for HTML: markup is appended as it is, text and attribute values escaped on the way. Runs of
/// bytes that need nothing are copied in one go (a lookup table per byte, no per-character `String` work), as
/// `JSONWriter` does for JSON.
///
/// Escaping: `&`, `<`, `>` in text, and `"` too in attribute values (always written in double quotes), become
/// character references. What an HTML parser reports as a parse error even when escaped (C0 controls other than
/// tab and line feed, DEL, the C1 controls, and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF) becomes
/// U+FFFD: such characters cannot appear in a conforming HTML page at all, and a reading view is for reading
/// (the exact text is in the CSV, TEI and JSON-LD). A carriage return becomes a line feed, as a parser reads it.
struct HTMLBytes {
    private(set) var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Markup known at compile time, appended as it is.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Bytes that are already markup (or JSON made safe for a `<script>` element).
    mutating func raw<C: Collection>(_ markup: C) where C.Element == UInt8 {
        bytes.append(contentsOf: markup)
    }

    mutating func text(_ value: String) { escape(value, attribute: false) }

    mutating func attribute(_ value: String) { escape(value, attribute: true) }

    /// ` name="value"`.
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(0x20)
        raw(name)
        raw("=\"")
        escape(value, attribute: true)
        bytes.append(0x22)
    }

    /// `before`, `value` escaped as text, `after`: an element's text between its tags.
    mutating func text(_ before: StaticString, _ value: String, _ after: StaticString) {
        raw(before)
        escape(value, attribute: false)
        raw(after)
    }

    /// `before`, `value` escaped as an attribute value, `after`.
    mutating func attribute(_ before: StaticString, _ value: String, _ after: StaticString) {
        raw(before)
        escape(value, attribute: true)
        raw(after)
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// What each byte needs: 0 nothing, 1 an entity or replacement, 2 a look at the bytes after it (a lead byte of
    /// a C1 control or of a noncharacter).
    private static let classes: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in 0..<0x20 where b != 0x09 && b != 0x0A { t[b] = 1 }
        for b in [0x26, 0x3C, 0x3E, 0x22, 0x7F] { t[b] = 1 }
        for b in [0xC2, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4] { t[b] = 2 }
        return t
    }()

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), lineFeed: [UInt8] = [0x0A]

    private mutating func escape(_ value: String, attribute: Bool) {
        var value = value
        value.withUTF8 { u in
            let n = u.count
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<end])) }
            }
            while i < n {
                let b = u[i]
                let c = Self.classes[Int(b)]
                if c == 0 || (b == 0x22 && !attribute) { i += 1; continue }
                var skip = 1
                var out: [UInt8]? = nil
                switch b {
                case 0x26: out = Self.amp
                case 0x3C: out = Self.lt
                case 0x3E: out = Self.gt
                case 0x22: out = Self.quot
                case 0x0D: out = Self.lineFeed; if i + 1 < n && u[i + 1] == 0x0A { skip = 2 }
                case 0xC2:
                    // U+0080–U+009F: C2 80–C2 9F.
                    if i + 1 < n && (0x80...0x9F).contains(u[i + 1]) { out = Self.replacement; skip = 2 }
                case 0xEF:
                    // U+FDD0–U+FDEF: EF B7 90–EF B7 AF; U+FFFE, U+FFFF: EF BF BE, EF BF BF.
                    if i + 2 < n && ((u[i + 1] == 0xB7 && (0x90...0xAF).contains(u[i + 2]))
                                     || (u[i + 1] == 0xBF && u[i + 2] >= 0xBE)) {
                        out = Self.replacement; skip = 3
                    }
                case 0xF0...0xF4:
                    // U+xFFFE, U+xFFFF in planes 1–16: the last two bytes BF BE or BF BF, the second's low
                    // nibble 0xF (F0 9F BF BE is U+1FFFE).
                    if i + 3 < n && u[i + 1] & 0x0F == 0x0F && u[i + 2] == 0xBF && u[i + 3] >= 0xBE {
                        out = Self.replacement; skip = 4
                    }
                default:
                    out = Self.replacement // another control character
                }
                guard let out else { i += 1; continue }
                flush(i)
                bytes.append(contentsOf: out)
                i += skip
                runStart = i
            }
            flush(n)
        }
    }
}

/// JSON bytes made safe inside `<script type="application/ld+json">`: every `<` (which JSON only has inside
/// strings) becomes `\u003c`, so neither `</script>` nor `<!--` in a title or description can end or change the
/// element; a JSON parser reads the same string.
func scriptSafeJSON(_ json: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(json.count + 64)
    let escaped = Array("\\u003c".utf8)
    var runStart = 0
    for (i, b) in json.enumerated() where b == 0x3C {
        out.append(contentsOf: json[runStart..<i])
        out.append(contentsOf: escaped)
        runStart = i + 1
    }
    out.append(contentsOf: json[runStart...])
    return out
}
