import ScriptoriumModel

/// What happens to characters that XML 1.0 cannot carry (which ones those are: `XMLForbiddenCharacters`).
///
/// libxml2 would write them as they are (an ill-formed file) or as character references (which XML 1.0 forbids as
/// well), so the TEI writer replaces each of them with U+FFFD REPLACEMENT CHARACTER, in text and in attribute values alike. The text normaliser applies the same rule upstream, so the
/// sentence texts in TEI, CSV and JSON-LD agree; here it is the last line of defence for any string the writer is
/// given (metadata included). Every other character, C1 controls and other non-characters included, is kept.
enum XMLCharacters {
    /// The byte offset of the first code point XML 1.0 forbids, or nil when there is none.
    @inline(__always)
    static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        XMLForbiddenCharacters.first(in: bytes)
    }

    /// `bytes` (valid UTF-8) with every forbidden code point replaced by U+FFFD; runs of allowed bytes are copied whole.
    static func replacingForbidden(in bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first]))
        var runStart = first
        var i = first
        let n = bytes.count
        while i < n {
            let width = XMLForbiddenCharacters.width(bytes, at: i)
            if width == 0 {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(contentsOf: XMLForbiddenCharacters.replacement)
            i += width
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        return out
    }

    /// Calls `body` with `bytes` if XML can carry them as they are, otherwise with a cleaned copy.
    @inline(__always)
    static func withXMLSafe<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let first = firstForbidden(in: bytes) else { return body(bytes) }
        let clean = replacingForbidden(in: bytes, from: first)
        return clean.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a NUL-terminated, XML-safe copy of `string` (for attribute values).
    static func withXMLSafeCString<R>(_ string: String, _ body: (UnsafePointer<UInt8>) -> R) -> R {
        var s = string
        let clean: [UInt8]? = s.withUTF8 { bytes in
            guard let first = firstForbidden(in: bytes) else { return nil }
            var out = replacingForbidden(in: bytes, from: first)
            out.append(0)
            return out
        }
        if let clean {
            return clean.withUnsafeBufferPointer { body($0.baseAddress!) }
        }
        // No forbidden characters: U+0000 is forbidden, so the C string is the whole value.
        return s.withCString { p in
            p.withMemoryRebound(to: UInt8.self, capacity: 1) { body($0) }
        }
    }

    /// `string` as XML can carry it (used by the checker to state what the writer would have written).
    static func xmlSafe(_ string: String) -> String {
        var s = string
        return s.withUTF8 { bytes in
            guard let first = firstForbidden(in: bytes) else { return nil }
            return String(decoding: replacingForbidden(in: bytes, from: first), as: UTF8.self)
        } ?? string
    }
}
