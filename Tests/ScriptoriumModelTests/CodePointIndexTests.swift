import Testing
@testable import ScriptoriumModel

@Suite struct CodePointIndexTests {
    /// Compares with Swift's own scalar view over texts long enough to cross many checkpoints.
    @Test(arguments: ["plain ascii text", "naïve café — “quoted” 😀 日本語 ", "\u{1F1EF}\u{1F1F5} e\u{301} \r\n",
                      String(repeating: "ascii strides ", count: 11) + "é"])
    func agreesWithUnicodeScalars(_ unit: String) {
        let text = String(repeating: unit, count: 37)
        let bytes = Array(text.utf8)
        let index = CodePointIndex(bytes)
        #expect(index.codePointCount == text.unicodeScalars.count)
        var byteOffset = 0
        for (cp, scalar) in text.unicodeScalars.enumerated() {
            #expect(index.codePointOffset(ofByte: byteOffset) == cp)
            #expect(index.byteOffset(ofCodePoint: cp) == byteOffset)
            byteOffset += String(scalar).utf8.count
        }
        #expect(index.byteOffset(ofCodePoint: text.unicodeScalars.count) == bytes.count)
        #expect(index.byteOffset(ofCodePoint: text.unicodeScalars.count + 1) == nil)
    }

    /// The cursor gives the random-access answer in every order: forwards by small and large steps (across
    /// many checkpoints), standing still, backwards, and past the end.
    @Test(arguments: ["plain ascii text", "naïve café — “quoted” 😀 日本語 ", "\u{1F1EF}\u{1F1F5} e\u{301} \r\n",
                      String(repeating: "ascii strides ", count: 11) + "é"])
    func cursorAgreesWithRandomAccess(_ unit: String) {
        let text = String(repeating: unit, count: 37)
        let index = CodePointIndex(Array(text.utf8))
        let n = text.unicodeScalars.count
        var forward = CodePointIndex.Cursor()
        for cp in 0...(n + 1) {
            #expect(index.byteOffset(ofCodePoint: cp, from: &forward) == index.byteOffset(ofCodePoint: cp))
        }
        var jumping = CodePointIndex.Cursor()
        for cp in [0, 0, 3, 200, 201, 130, 131, n - 1, 5, n, n + 3, -1, 64, 65, 64] {
            #expect(index.byteOffset(ofCodePoint: cp, from: &jumping) == index.byteOffset(ofCodePoint: cp))
        }
        var spans = CodePointIndex.Cursor()
        for start in stride(from: 0, to: n, by: 7) {
            let span = Span(start: start, end: min(n, start + 150))
            #expect(index.byteRange(of: span, from: &spans) == index.byteRange(of: span))
        }
        #expect(index.byteRange(of: Span(start: 5, end: 2), from: &spans) == nil)
    }
}
