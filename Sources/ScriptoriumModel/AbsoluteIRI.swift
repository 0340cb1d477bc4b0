/// The check a user-given IRI (a dataset's `base_iri`, a licence URL) must pass before it is written into
/// JSON-LD, TEI and RDF: an absolute IRI (RFC 3987), so that every id built on it expands to an absolute IRI
/// and RDF tools accept it. Checked at the edge, when metadata is read, so a bad value names its file.
public enum AbsoluteIRI {
    /// Why `text` is not an absolute IRI, or nil when it is one.
    ///
    /// The rules: a scheme (a letter, then letters, digits, `+`, `-`, `.`) and `:`; for `http` and `https`, `//`
    /// and a host; no character that RFC 3987 leaves out of IRIs anywhere (spaces and other whitespace, control
    /// characters, `<`, `>`, `"`, `{`, `}`, `|`, `\`, `^`, `` ` ``); every `%` followed by two hex digits.
    public static func problem(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon > 0 else {
            return "is not an absolute IRI (it has no scheme such as https:)"
        }
        let scheme = scalars[..<colon]
        guard scheme.first.map(isLetter) == true,
              scheme.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) else {
            return "is not an absolute IRI (\"\(String(String.UnicodeScalarView(scheme)))\" is not a scheme)"
        }
        let rest = scalars[(colon + 1)...]
        let lowered = String(String.UnicodeScalarView(scheme)).lowercased()
        if lowered == "http" || lowered == "https" {
            let afterSlashes = rest.dropFirst(2)
            guard rest.starts(with: "//".unicodeScalars), let first = afterSlashes.first, first != "/" else {
                return "is not an absolute IRI (\(lowered): needs // and a host)"
            }
        }
        var i = rest.startIndex
        while i < rest.endIndex {
            let c = rest[i]
            if c == "%" {
                guard rest.endIndex - i >= 3, isHex(rest[i + 1]), isHex(rest[i + 2]) else {
                    return "is not an absolute IRI (a % not followed by two hex digits)"
                }
                i += 3
                continue
            }
            if c.properties.isWhitespace || c.properties.generalCategory == .control || "<>\"{}|\\^`".unicodeScalars.contains(c) {
                let shown = c.value < 0x21 || c.value == 0x7F ? codePoint(c.value) : "\"\(c)\""
                return "is not an absolute IRI (it contains \(shown), which IRIs do not allow)"
            }
            i += 1
        }
        return nil
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    private static func isHex(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }
    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
