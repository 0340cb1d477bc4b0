import Testing
import ScriptoriumExtract

/// The stage entry points take the bytes as a `Span` (no pointer in the caller's hands). Not `@testable`: only the
/// public forms are reachable here, as from another stage.
struct SafeViewTests {
    static let document = Array("""
        Introduction
        ============

        The treaty was signed in 1951. It took effect in 1952 (Art. 2), after ratifi-
        cation by both parties.

        - first item
        - second item
        """.utf8)

    @Test func theReaderTheSplitterAndBlockTextReadASpan() throws {
        let bytes = Self.document
        let elements = StructureReader.read(bytes.span)
        #expect(elements == StructureReader.read(bytes.span, hints: LayoutHints(markdown: false)))
        let paragraphs = elements.compactMap { element -> [Range<Int>]? in
            if case .block(.paragraph, let lines, _) = element { return lines.ranges }
            return nil
        }
        let lines = try #require(paragraphs.first, "no paragraph in \(elements)")
        let text = BlockText(source: bytes.span, lines: lines)
        #expect(text.string == bytes.withUnsafeBufferPointer { BlockText(source: $0, lines: lines) }.string)
        #expect(text.string.hasPrefix("The treaty was signed in 1951. It took effect"))
        let joined = Array(text.bytes)
        #expect(SentenceSplitter.split(joined.span).map { String(decoding: joined[$0], as: UTF8.self) }
                == ["The treaty was signed in 1951.", String(text.string.dropFirst("The treaty was signed in 1951. ".count))])
    }
}
