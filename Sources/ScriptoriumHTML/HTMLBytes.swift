import ScriptoriumText

/// A byte buffer for HTML: markup is appended as it is, text and attribute values escaped on the way. Runs of
/// bytes that need nothing are copied in one go, found sixteen bytes at a time by `HTMLScan` (no per-character
/// `String` work).
///
/// Escaping: `&`, `<`, `>` in text, and `"` too in attribute values (always written in double quotes), become
/// character references. What an HTML parser reports as a parse error even when escaped (C0 controls other than
/// tab and line feed, DEL, the C1 controls, and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF) becomes
/// U+FFFD: such characters cannot appear in a conforming HTML page at all, and a reading view is for reading
/// (the exact text is in the CSV, TEI and JSON-LD). A carriage return becomes a line feed, as a parser reads it.
struct HTMLBytes: ~Copyable {
    /// A buffer of its own (appends are a bounds check and a `memcpy`; it doubles when full).
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, ending the buffer.
    consuming func finish() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Lends the bytes written to `body` in place, ending the buffer: a page on its way to a file is not copied
    /// into an array first.
    consuming func finish<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inline(__always)
    private mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(from: p, count: n)
        count += n
    }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = size
    }

    /// Markup known at compile time, appended as it is.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { append($0.baseAddress!, $0.count) }
    }

    /// Bytes that are already markup (or JSON made safe for a `<script>` element).
    mutating func raw(_ markup: [UInt8]) {
        markup.withUnsafeBufferPointer { if let p = $0.baseAddress { append(p, $0.count) } }
    }

    mutating func text(_ value: String) { escape(value, attribute: false) }

    /// `before`, a record id, `after`. Record ids are XML NCNames of ASCII letters, digits, `_`, `-` and `.`,
    /// which the record validator checks before any writer runs, so they go in as they are: no scan per id.
    /// (`scriptorium validate` checks each page's syntax and ids against the records as well.)
    mutating func id(_ before: StaticString, _ id: String, _ after: StaticString) {
        raw(before)
        withUTF8(of: id) { out, u in if let p = u.baseAddress, u.count > 0 { out.append(p, u.count) } }
        raw(after)
    }

    /// Whether all of `u` needs no escaping (one scan of a whole text, so that its pieces can be appended with
    /// `text(_:clean:)` without a scan each).
    static func isClean(_ u: UnsafeBufferPointer<UInt8>) -> Bool { HTMLScan.cleanPrefix(u.span) == u.count }

    /// A piece of a text: as it is when the whole text was found clean, else escaped.
    mutating func text(_ u: UnsafeBufferPointer<UInt8>, clean: Bool) {
        if clean {
            if let p = u.baseAddress, u.count > 0 { append(p, u.count) }
        } else {
            escape(u, attribute: false)
        }
    }

    mutating func attribute(_ value: String) { escape(value, attribute: true) }

    /// ` name="value"`.
    mutating func attribute(_ name: StaticString, _ value: String) {
        raw(" ")
        raw(name)
        raw("=\"")
        escape(value, attribute: true)
        raw("\"")
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

    mutating func int(_ value: Int) { raw(Array(String(value).utf8)) }


    private mutating func escape(_ value: String, attribute: Bool) {
        withUTF8(of: value) { out, u in out.escape(u, attribute: attribute) }
    }

    /// Lends `value`'s UTF-8 to `body` together with the buffer: a native string's bytes in place (no copy, no
    /// retain), only a bridged one's copied.
    mutating func withUTF8(of value: String, _ body: (inout HTMLBytes, UnsafeBufferPointer<UInt8>) -> Void) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { body(&self, $0) }
        if done == nil {
            var copy = value
            copy.withUTF8 { body(&self, $0) }
        }
    }

    /// Appends `u` escaped: clean runs (found sixteen bytes at a time by `HTMLScan`) copied whole.
    mutating func escape(_ u: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        guard let text = u.baseAddress else { return }
        let n = u.count
        var runStart = 0
        var i = 0
        while i < n {
            i += HTMLScan.cleanPrefix(UnsafeBufferPointer(rebasing: u[i...]).span)
            guard i < n else { break }
            let b = text[i]
            var out: StaticString? = nil
            var skip = 1
            switch b {
            case 0x26: out = "&amp;"
            case 0x3C: out = "&lt;"
            case 0x3E: out = "&gt;"
            case 0x22 where attribute: out = "&quot;"
            case 0x0D: out = "\n"; if i + 1 < n && text[i + 1] == 0x0A { skip = 2 }
            case 0x09, 0x0A, 0x20...0x7E: break
            case 0xC2:
                // U+0080–U+009F: C2 80–C2 9F.
                if i + 1 < n && (0x80...0x9F).contains(text[i + 1]) { out = "\u{FFFD}"; skip = 2 }
            case 0xEF:
                // U+FDD0–U+FDEF: EF B7 90–EF B7 AF; U+FFFE, U+FFFF: EF BF BE, EF BF BF.
                if i + 2 < n && ((text[i + 1] == 0xB7 && (0x90...0xAF).contains(text[i + 2]))
                                 || (text[i + 1] == 0xBF && text[i + 2] >= 0xBE)) {
                    out = "\u{FFFD}"; skip = 3
                }
            case 0xF0...0xF4:
                // U+xFFFE, U+xFFFF in planes 1–16: the last two bytes BF BE or BF BF, the second's low
                // nibble 0xF (F0 9F BF BE is U+1FFFE).
                if i + 3 < n && text[i + 1] & 0x0F == 0x0F && text[i + 2] == 0xBF && text[i + 3] >= 0xBE {
                    out = "\u{FFFD}"; skip = 4
                }
            case 0x80...0xFF: break // another byte of UTF-8
            default:
                out = "\u{FFFD}" // another control character
            }
            guard let out else { i += 1; continue }
            if i > runStart { append(text + runStart, i - runStart) }
            raw(out)
            i += skip
            runStart = i
        }
        if n > runStart { append(text + runStart, n - runStart) }
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
