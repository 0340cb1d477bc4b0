import ScriptoriumText

/// A byte-level JSON emitter. It writes into a buffer it owns (a raw allocation that doubles when full, so each
/// write is a bounds check and a store or a `memcpy`), copies runs of bytes that need no escaping in one go, and
/// places commas itself: after a value or a closed container the next key or value gets a comma, after an
/// opening bracket or a key it does not. `finish()` hands the bytes over as a `[UInt8]`.
///
/// Strings are escaped as RFC 8259 requires: `"` and `\` get a backslash, control characters below U+0020
/// become `\b \f \n \r \t` or `\u00XX`. Three more are escaped though JSON does not require it: U+2028 and
/// U+2029 (so the output is safe to embed in JavaScript) and U+FEFF (swift-corelibs-foundation's
/// `JSONSerialization` drops a raw one at the start of a string value; escaped, it survives). Everything else,
/// non-BMP characters and combining marks included, passes through as UTF-8, which a Swift `String` always
/// holds valid.
public struct JSONWriter: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private var needsComma = false
    /// Where the bytes go when the buffer is full, for an output written as it is made (`init(capacity:drain:)`).
    private var drain: ((UnsafeBufferPointer<UInt8>) throws -> Void)?
    /// The first error `drain` threw; nothing more is drained after it, and `finishDraining` throws it.
    private var drainError: (any Error)?

    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        buffer = .allocate(capacity: self.capacity)
    }

    /// A writer that hands its bytes to `drain` whenever its buffer of `capacity` bytes is full, and the rest at
    /// `finishDraining()`: the memory of a large output stays at `capacity` instead of growing with the output.
    public init(capacity: Int, drain: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.init(capacity: capacity)
        self.drain = drain
    }

    deinit { buffer.deallocate() }

    /// The number of bytes written so far (an offset into what `finish()` will hand over).
    public var byteCount: Int { count }

    /// The bytes written so far, ending the writer.
    public consuming func take() -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: buffer, count: count)) // the buffer is freed by deinit
    }

    /// Ends the output with a newline (POSIX text files end in one) and hands it over.
    public consuming func finish() -> [UInt8] {
        put(UInt8(ascii: "\n"))
        return take()
    }

    /// Ends the output with a newline and lends the bytes to `body` (no copy); the writer ends with it.
    public consuming func finish<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        put(UInt8(ascii: "\n"))
        return try body(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// Ends the output with a newline and drains what is left; throws the first error `drain` threw.
    public consuming func finishDraining() throws {
        put(UInt8(ascii: "\n"))
        emptyIntoDrain()
        if let drainError { throw drainError }
    }

    // MARK: structure

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Closes an object; `onNewLine` puts the `}` at the start of a line of its own.
    public mutating func endObject(onNewLine: Bool = false) { close(UInt8(ascii: "}"), onNewLine: onNewLine) }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// Closes an array; `onNewLine` puts the `]` at the start of a line of its own.
    public mutating func endArray(onNewLine: Bool = false) { close(UInt8(ascii: "]"), onNewLine: onNewLine) }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        put(bracket)
        needsComma = false
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8, onNewLine: Bool) {
        if onNewLine { put(UInt8(ascii: "\n")) }
        put(bracket)
        needsComma = true
    }

    /// Writes `"name":`. `name` must be plain ASCII that needs no escaping (all keys here are).
    public mutating func key(_ name: StaticString) {
        putQuoted(JSONWriter.bytes(of: name), reservingAfter: 1)
        putUnchecked(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A comma if one is due, then `bytes` (already valid JSON string content) in quotes; room is reserved for
    /// `extra` more bytes, which the caller writes unchecked.
    @inline(__always)
    private mutating func putQuoted(_ bytes: UnsafeBufferPointer<UInt8>, reservingAfter extra: Int) {
        reserve(bytes.count + 3 + extra)
        if needsComma { putUnchecked(UInt8(ascii: ",")) }
        putUnchecked(UInt8(ascii: "\""))
        putUnchecked(bytes)
        putUnchecked(UInt8(ascii: "\""))
    }

    /// The UTF-8 bytes of a string literal, read in place (keys and literals are written hundreds of thousands of
    /// times per MB: no closure per call). A `StaticString` built from a single Unicode scalar has no pointer and
    /// is refused; a string literal always has one.
    @inline(__always)
    private static func bytes(of literal: StaticString) -> UnsafeBufferPointer<UInt8> {
        precondition(literal.hasPointerRepresentation, "JSONWriter: keys and literals must be string literals")
        return UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Writes `"name":` for a key only known at run time (escaped).
    public mutating func dynamicKey(_ name: String) {
        separate()
        put(UInt8(ascii: "\""))
        appendEscaped(name)
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A line break and `depth` spaces of indentation before the next key or value (after its comma; so never
    /// before a closing bracket, which `endObject(onNewLine:)` does).
    /// Purely cosmetic: it keeps one node per line so the files read and diff well.
    public mutating func lineBreak(indent depth: Int) {
        reserve(depth + 2)
        if needsComma { putUnchecked(UInt8(ascii: ",")) }
        needsComma = false
        putUnchecked(UInt8(ascii: "\n"))
        (buffer + count).initialize(repeating: UInt8(ascii: " "), count: depth)
        count += depth
    }

    // MARK: values

    public mutating func string(_ value: String) {
        separate()
        put(UInt8(ascii: "\""))
        appendEscaped(value)
        put(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A string known at compile time that needs no escaping (ASCII, no quotes or backslashes).
    public mutating func literal(_ value: StaticString) {
        putQuoted(JSONWriter.bytes(of: value), reservingAfter: 0)
        needsComma = true
    }

    /// A string made of a prefix that is already escaped JSON string content (see `escapedContent`) and
    /// a suffix that is escaped here, e.g. a base IRI and a record id.
    public mutating func string(escapedPrefix prefix: [UInt8], _ suffix: String) {
        prefix.withUnsafeBufferPointer { prefix in
            reserve(prefix.count + 2)
            if needsComma { putUnchecked(UInt8(ascii: ",")) }
            putUnchecked(UInt8(ascii: "\""))
            putUnchecked(prefix)
        }
        appendEscaped(suffix)
        put(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A string made of a fixed ASCII prefix and an escaped suffix (e.g. a URL and an id).
    public mutating func string(_ prefix: StaticString, _ suffix: String) {
        prefix.withUTF8Buffer { prefix in
            reserve(prefix.count + 2)
            if needsComma { putUnchecked(UInt8(ascii: ",")) }
            putUnchecked(UInt8(ascii: "\""))
            putUnchecked(prefix)
        }
        appendEscaped(suffix)
        put(UInt8(ascii: "\""))
        needsComma = true
    }

    public mutating func int(_ value: Int) {
        reserve(21)
        if needsComma { putUnchecked(UInt8(ascii: ",")) }
        var magnitude = value.magnitude
        if value < 0 { putUnchecked(UInt8(ascii: "-")) }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var at = count + digits
        count = at
        repeat {
            at -= 1
            buffer[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        if value { literalValue("true") } else { literalValue("false") }
    }

    private mutating func literalValue(_ text: StaticString) {
        text.withUTF8Buffer { text in
            reserve(text.count + 1)
            if needsComma { putUnchecked(UInt8(ascii: ",")) }
            putUnchecked(text)
        }
        needsComma = true
    }

    // MARK: the buffer

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        if drain != nil {
            emptyIntoDrain()
            if n <= capacity { return }
        }
        let newCapacity = max(capacity * 2, count + n)
        let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBuffer.initialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    private mutating func emptyIntoDrain() {
        guard let drain, count > 0 else { return }
        if drainError == nil {
            do { try drain(UnsafeBufferPointer(start: buffer, count: count)) } catch { drainError = error }
        }
        count = 0
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        putUnchecked(byte)
    }

    @inline(__always)
    private mutating func putUnchecked(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func putUnchecked(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        (buffer + count).initialize(from: from, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { put(UInt8(ascii: ",")) }
    }

    // MARK: escaping

    /// The escaped content of `value` (no surrounding quotes), for prefixes written many times.
    public static func escapedContent(_ value: String) -> [UInt8] {
        var w = JSONWriter(capacity: value.utf8.count + 16)
        w.appendEscaped(value)
        return w.take()
    }

    /// Native strings lend their UTF-8 storage without a copy; others (bridged ones) are made contiguous first.
    @inline(__always)
    private mutating func appendEscaped(_ value: String) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if done == nil {
            var copy = value
            copy.withUTF8 { appendEscaped($0) }
        }
    }

    /// Appends `input` escaped for a JSON string. The fast path (`JSONScan`, sixteen bytes at a time) finds the
    /// next byte that needs attention (below 0x20, `"`, `\`, or the start of U+2028, U+2029 or U+FEFF), and clean
    /// runs are copied with one `memcpy`.
    private mutating func appendEscaped(_ input: UnsafeBufferPointer<UInt8>) {
        guard let base = input.baseAddress else { return }
        let n = input.count
        var runStart = 0
        var i = 0
        while i < n {
            // Skip the clean bytes, sixteen at a time (`JSONScan`).
            i += JSONScan.cleanPrefix(UnsafeBufferPointer(rebasing: input[i...]).span)
            guard i < n else { break }
            let b = base[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 && b != 0xEF {
                i += 1
                continue
            }
            if b == 0xE2 || b == 0xEF {
                // U+2028 is E2 80 A8, U+2029 is E2 80 A9, U+FEFF is EF BB BF; any other sequence with these
                // lead bytes (’ “ ” — … and the like) is copied as is.
                let c1: UInt8 = i + 1 < n ? base[i + 1] : 0
                let c2: UInt8 = i + 2 < n ? base[i + 2] : 0
                let escape: StaticString
                if b == 0xE2 && c1 == 0x80 && c2 == 0xA8 {
                    escape = "\\u2028"
                } else if b == 0xE2 && c1 == 0x80 && c2 == 0xA9 {
                    escape = "\\u2029"
                } else if b == 0xEF && c1 == 0xBB && c2 == 0xBF {
                    escape = "\\ufeff"
                } else {
                    i += 1
                    continue
                }
                flush(base, from: runStart, to: i)
                escape.withUTF8Buffer { e in
                    reserve(e.count)
                    putUnchecked(e)
                }
                i += 3
                runStart = i
                continue
            }
            flush(base, from: runStart, to: i)
            reserve(6)
            putUnchecked(0x5C)  // backslash
            switch b {
            case 0x22: putUnchecked(0x22)
            case 0x5C: putUnchecked(0x5C)
            case 0x0A: putUnchecked(UInt8(ascii: "n"))
            case 0x0D: putUnchecked(UInt8(ascii: "r"))
            case 0x09: putUnchecked(UInt8(ascii: "t"))
            case 0x08: putUnchecked(UInt8(ascii: "b"))
            case 0x0C: putUnchecked(UInt8(ascii: "f"))
            default:
                putUnchecked(UInt8(ascii: "u"))
                putUnchecked(UInt8(ascii: "0"))
                putUnchecked(UInt8(ascii: "0"))
                putUnchecked(JSONWriter.hexDigit(b >> 4))
                putUnchecked(JSONWriter.hexDigit(b & 0x0F))
            }
            i += 1
            runStart = i
        }
        flush(base, from: runStart, to: n)
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    @inline(__always)
    private mutating func flush(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        if end > start {
            reserve(end - start)
            putUnchecked(UnsafeBufferPointer(start: base + start, count: end - start))
        }
    }
}
