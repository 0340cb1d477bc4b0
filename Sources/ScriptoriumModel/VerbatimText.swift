/// The text of a verbatim block (`BlockKind.verbatim`: code, a table, shell commands, a field list, a lone URL):
/// its source span kept as written, so that indentation, alignment and line structure survive.
///
/// The form of a span is defined exactly as: the source text of the span with every CRLF and every lone CR turned
/// into LF, every code point XML 1.0 forbids (`XMLForbiddenCharacters`: C0 controls other than tab, LF and CR,
/// U+FFFE, U+FFFF) replaced by U+FFFD, then Unicode NFC (`NFCComposer`). Nothing else changes: no white space is
/// collapsed or trimmed, no line is joined. Line ends are unified because a TEI parser turns every CR into LF
/// anyway (XML 1.0 §2.11), so only LF can read back the same from every format; forbidden characters become
/// U+FFFD as in prose text, so CSV, TEI and JSON-LD carry the same string.
///
/// This is the one home of that rule: the extractor calls it to make a verbatim block's `text`, and the validator
/// checks `text == VerbatimText.form(of: source[span])`.
public enum VerbatimText {
    /// The verbatim form of `spanText`, the source text of a block's span.
    public static func form<S: StringProtocol>(of spanText: S) -> String {
        String(decoding: form(of: Array(spanText.utf8)), as: UTF8.self)
    }

    /// The verbatim form of `span`, UTF-8 bytes of a span of the source, as UTF-8 bytes. `composer` keeps its cache
    /// of composed clusters across calls (a document's blocks spell the same accented letters again and again).
    public static func form(of span: UnsafeBufferPointer<UInt8>, composer: inout NFCComposer) -> [UInt8] {
        // Line ends and forbidden characters first: neither a line feed nor U+FFFD ever composes with a neighbour,
        // so NFC afterwards sees the same clusters as it would have before.
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(span.count)
        var runStart = 0
        var i = 0
        while i < span.count {
            let width: Int
            let replacement: [UInt8]
            if span[i] == 0x0D {
                width = i + 1 < span.count && span[i + 1] == 0x0A ? 2 : 1
                replacement = lineFeed
            } else {
                width = XMLForbiddenCharacters.width(span, at: i)
                replacement = XMLForbiddenCharacters.replacement
            }
            if width == 0 {
                i += 1
                continue
            }
            cleaned.append(contentsOf: UnsafeBufferPointer(rebasing: span[runStart..<i]))
            cleaned.append(contentsOf: replacement)
            i += width
            runStart = i
        }
        cleaned.append(contentsOf: UnsafeBufferPointer(rebasing: span[runStart...]))
        return cleaned.withUnsafeBufferPointer { NFCComposer.isKnownNFC($0) ? cleaned : composer.compose($0) }
    }

    private static let lineFeed: [UInt8] = [0x0A]

    /// `form(of:)` of an array of bytes.
    public static func form(of span: [UInt8]) -> [UInt8] {
        var composer = NFCComposer()
        return span.withUnsafeBufferPointer { form(of: $0, composer: &composer) }
    }
}
