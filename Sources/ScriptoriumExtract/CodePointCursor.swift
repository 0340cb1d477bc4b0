import ScriptoriumText
import ScriptoriumModel

/// Code-point offsets of byte offsets that come mostly in ascending order, as a pass over a document asks for
/// them (record after record, each span after the one before).
///
/// `CodePointIndex` answers any offset by counting up to 63 bytes from a checkpoint, a few hundred instructions an
/// answer. Spans close together are cheaper counted on from the previous answer, eight bytes at a time; a jump
/// backwards or far ahead asks the index. An ASCII source needs neither.
public struct CodePointCursor {
    private let bytes: [UInt8]
    private let index: CodePointIndex
    private var byte = 0
    private var codePoint = 0

    /// Beyond this many bytes ahead the index is cheaper than counting on.
    private static let reach = 128

    public init(_ source: SourceText) {
        bytes = source.bytes
        index = source.index
    }

    /// Code points before byte `offset` (a character boundary of the source).
    public mutating func codePointOffset(ofByte offset: Int) -> Int {
        if index.isASCII { return offset }
        if offset == byte { return codePoint }
        if offset >= byte && offset - byte <= Self.reach {
            codePoint += bytes.withUnsafeBufferPointer { ByteWords.codePoints($0.baseAddress!, from: byte, to: offset) }
        } else {
            codePoint = index.codePointOffset(ofByte: offset)
        }
        byte = offset
        return codePoint
    }

    /// The code-point span of the source bytes `range`.
    public mutating func span(ofBytes range: Range<Int>) -> Span {
        let start = codePointOffset(ofByte: range.lowerBound)
        return Span(start: start, end: codePointOffset(ofByte: range.upperBound))
    }
}
