// Re-exported while ScriptoriumNormalize still reaches `ByteWords` and `Whitespace` through this module (its
// call sites move to `import ScriptoriumText` after the merge; then this becomes a plain import).
@_exported import ScriptoriumText
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
