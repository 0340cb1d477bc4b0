import ScriptoriumExtract
import ScriptoriumModel

/// The sentence splitter on its own, as `scriptorium sentences` runs it: every non-empty line is a paragraph
/// (no structure detection, list markers kept), and each sentence comes out normalised.
public enum ParagraphSentences {
    public static func split(_ text: SourceText) -> [[String]] {
        text.bytes.withUnsafeBufferPointer { buf in
            var paragraphs: [[String]] = []
            var start = 0
            var i = 0
            while i <= buf.count {
                if i == buf.count || buf[i] == 0x0A || buf[i] == 0x0D {
                    if let paragraph = sentences(buf, start..<i) { paragraphs.append(paragraph) }
                    start = i + 1
                }
                i += 1
            }
            return paragraphs
        }
    }

    private static func sentences(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [String]? {
        var lo = line.lowerBound
        var hi = line.upperBound
        while lo < hi, Whitespace.width(buf, at: lo) > 0 { lo += Whitespace.width(buf, at: lo) }
        while hi > lo, buf[hi - 1] == 0x20 || buf[hi - 1] == 0x09 { hi -= 1 }
        guard lo < hi else { return nil }
        let text = BlockText(source: buf, lines: [lo..<hi])
        let ranges = text.bytes.withUnsafeBufferPointer { SentenceSplitter.split($0) }
        var composer = NFCComposer()
        return ranges.map { composer.compose(text.string($0)) }
    }
}
