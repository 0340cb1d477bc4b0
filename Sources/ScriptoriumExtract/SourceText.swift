import ScriptoriumModel

/// A document's source as every offset counts it: the file's bytes with a UTF-8 BOM removed, checked to be
/// UTF-8 text. CR, LF and CRLF are kept as they are (they count as code points, as in Python's `newline=""`).
public struct SourceText: Sendable {
    /// The text bytes (BOM removed).
    public let bytes: [UInt8]
    /// Whether the file started with a BOM (3 bytes not in `bytes`).
    public let hadBOM: Bool
    public let index: CodePointIndex

    /// Checks `fileBytes` and fails with a message naming `path` when they are not usable text:
    /// empty, binary (NUL bytes or a known binary signature), not UTF-8 (byte offset, line and column of the
    /// first bad byte), or holding no text at all.
    /// With `allowEmpty`, empty or blank text is accepted (standard input may well be empty).
    public init(fileBytes: [UInt8], path: String, allowEmpty: Bool = false) throws {
        if fileBytes.isEmpty && !allowEmpty { throw ScriptoriumError(.input, path: path, "the file is empty") }
        if let kind = Self.binarySignature(fileBytes) {
            throw ScriptoriumError(.input, path: path, "this is a binary file (\(kind)), not UTF-8 text")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = fileBytes.count >= 3 && Array(fileBytes[0..<3]) == bom
        let text = hasBOM ? Array(fileBytes[3...]) : fileBytes
        try text.withUnsafeBufferPointer { buf in
            if let bad = UTF8Check.firstInvalidByte(buf) {
                let fileOffset = bad.offset + (hasBOM ? 3 : 0)
                let (line, column) = UTF8Check.lineAndColumn(of: bad.offset, in: buf)
                throw ScriptoriumError(.input, path: path,
                    "not valid UTF-8: \(bad.reason) at byte offset \(fileOffset) (line \(line), column \(column))")
            }
            if let nul = buf.firstIndex(of: 0) {
                throw ScriptoriumError(.input, path: path,
                    "this looks like a binary file: NUL byte at byte offset \(nul + (hasBOM ? 3 : 0))")
            }
            if !allowEmpty && !UTF8Check.hasVisibleText(buf) {
                throw ScriptoriumError(.input, path: path, "the file holds no text (only white space)")
            }
        }
        bytes = text
        hadBOM = hasBOM
        index = CodePointIndex(text)
    }

    /// The source text of a byte range, as a String (used for record texts that must equal the source exactly).
    public func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Magic numbers of common binary formats that can pass a UTF-8 check by accident (or nearly).
    static func binarySignature(_ b: [UInt8]) -> String? {
        func starts(_ sig: [UInt8]) -> Bool { b.count >= sig.count && Array(b[0..<sig.count]) == sig }
        if starts([0x25, 0x50, 0x44, 0x46, 0x2D]) { return "PDF" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "ZIP archive" }
        if starts([0x1F, 0x8B]) { return "gzip" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "JPEG image" }
        if starts([0x47, 0x49, 0x46, 0x38]) { return "GIF image" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "ELF executable" }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return "UTF-16 text" }
        return nil
    }
}

/// UTF-8 well-formedness on raw bytes (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
public enum UTF8Check {
    public struct Invalid {
        public var offset: Int
        public var reason: String
    }

    public static func firstInvalidByte(_ buf: UnsafeBufferPointer<UInt8>) -> Invalid? {
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default:
                let what = b <= 0xBF ? "unexpected continuation byte" : "invalid byte"
                return Invalid(offset: i, reason: "\(what) 0x\(hex(b))")
            }
            if i + need >= n {
                return Invalid(offset: i, reason: "truncated sequence (byte 0x\(hex(b)) at the end of the file)")
            }
            let second = buf[i + 1]
            if second < lo || second > hi {
                return Invalid(offset: i, reason: "invalid sequence starting with byte 0x\(hex(b))")
            }
            var k = 2
            while k <= need {
                if buf[i + k] & 0xC0 != 0x80 {
                    return Invalid(offset: i, reason: "invalid sequence starting with byte 0x\(hex(b))")
                }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// 1-based line and column (in code points) of byte `offset`; lines end at LF, CR or CRLF.
    static func lineAndColumn(of offset: Int, in buf: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            let b = buf[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= buf.count || buf[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// True when some byte is neither white space nor a control character.
    static func hasVisibleText(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count {
            let w = Whitespace.width(buf, at: i)
            if w > 0 {
                i += w
                continue
            }
            if buf[i] > 0x20 && buf[i] != 0x7F { return true }
            i += 1
        }
        return false
    }
}
