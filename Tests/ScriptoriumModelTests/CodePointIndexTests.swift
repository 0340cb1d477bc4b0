import Testing
@testable import ScriptoriumModel

@Suite struct CodePointIndexTests {
    /// Compares with Swift's own scalar view over texts long enough to cross many checkpoints.
    @Test(arguments: ["plain ascii text", "naïve café — “quoted” 😀 日本語 ", "\u{1F1EF}\u{1F1F5} e\u{301} \r\n"])
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
}
