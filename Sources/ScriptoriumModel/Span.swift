/// A half-open range of Unicode code points in a document's source, as Python indexes the text read with
/// `open(path, encoding="utf-8-sig", newline="")`: a BOM is not counted, CR and LF each count as one.
/// Code points (not bytes, not grapheme clusters) because that is what the dataset's users slice with.
public struct Span: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}
