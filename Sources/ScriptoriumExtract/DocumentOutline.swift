/// How a document was read, one entry per heading or block, with line numbers: what `scriptorium outline` prints, so
/// that a user sees at once why a line became a heading. The same tab-separated shape as the hand-made outlines of
/// the real-document corpus (`Tests/RealDocuments`), so the two can be compared line by line.
public struct OutlineEntry: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case heading, paragraph, verbatim
        case listItem = "list_item"
    }

    /// 1-based, inclusive: the first and last source line holding the entry's text.
    public var lines: ClosedRange<Int>
    public var kind: Kind
    /// A heading's level; nil for blocks.
    public var level: Int?
    /// A heading's number or a list item's marker, as written.
    public var label: String?
    /// The first words of the entry's text.
    public var firstWords: String

    /// `12-15  list_item    (a)  The work must carry…`, tab-separated.
    public var line: String {
        let range = lines.lowerBound == lines.upperBound ? "\(lines.lowerBound)" : "\(lines.lowerBound)-\(lines.upperBound)"
        return [range, kind.rawValue, level.map(String.init) ?? "", label ?? "", firstWords].joined(separator: "\t")
    }
}

public enum DocumentOutline {
    /// The outline of `source`, read as `StructureReader` reads it for a build (`markdown` for a `.md` file).
    public static func entries(of source: SourceText, markdown: Bool) -> [OutlineEntry] {
        entries(of: source, hints: LayoutHints(markdown: markdown))
    }

    /// The outline of `source` read with `hints` (Markdown, a user's corrections), as a build reads it.
    public static func entries(of source: SourceText, hints: LayoutHints) -> [OutlineEntry] {
        source.bytes.withUnsafeBufferPointer { buf in
            // Line starts, to turn byte offsets into line numbers (a line ends at LF, CR or CRLF).
            var starts = [0]
            var k = 0
            while k < buf.count {
                if buf[k] == 0x0A || (buf[k] == 0x0D && (k + 1 == buf.count || buf[k + 1] != 0x0A)) { starts.append(k + 1) }
                k += 1
            }
            func line(_ offset: Int) -> Int {
                var lo = 0, hi = starts.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
                }
                return lo + 1
            }
            func words(_ range: Range<Int>) -> String {
                let text = String(decoding: buf[range], as: UTF8.self)
                let parts = text.split(whereSeparator: { $0.isWhitespace })
                return parts.prefix(8).joined(separator: " ") + (parts.count > 8 ? " …" : "")
            }
            func label(_ range: Range<Int>?) -> String? { range.map { String(decoding: buf[$0], as: UTF8.self) } }
            return StructureReader.read(buf, hints: hints).map { element in
                switch element {
                case .heading(let level, let text, let number):
                    return OutlineEntry(lines: line(text.lowerBound)...line(text.upperBound - 1), kind: .heading, level: level,
                                        label: label(number), firstWords: words(text))
                case .block(let kind, let lines, let marker):
                    let first = marker.map { min($0.lowerBound, lines.ranges[0].lowerBound) } ?? lines.ranges[0].lowerBound
                    return OutlineEntry(lines: line(first)...line(lines.ranges[lines.count - 1].upperBound - 1),
                                        kind: kind == .listItem ? .listItem : .paragraph, level: nil, label: label(marker),
                                        firstWords: words(lines.ranges[0].lowerBound..<lines.ranges[min(1, lines.count - 1)].upperBound))
                case .verbatim(let range):
                    return OutlineEntry(lines: line(range.lowerBound)...line(range.upperBound - 1), kind: .verbatim, level: nil,
                                        label: nil, firstWords: words(range))
                }
            }
        }
    }
}
