import ScriptoriumModel

/// What Extract hands to Normalize: the records with their structure, spans and whitespace-normalised texts,
/// and for each block the joined text that its sentences (and, later, mentions) were found in.
public struct ExtractedDocument: Sendable {
    public struct Block: Sendable {
        public var record: BlockRecord
        public var text: BlockText
        /// Byte ranges of the block's sentences in `text.bytes`, one per entry of `sentences`.
        public var sentenceRanges: [Range<Int>]
        /// The block's sentences, in order.
        public var sentences: [SentenceRecord]
    }

    public var document: DocumentRecord
    public var source: SourceText
    /// Sections with their heading texts (whitespace-normalised) and the joined heading text.
    public var sections: [(record: SectionRecord, text: BlockText)]
    public var blocks: [Block]
}

/// Runs the Extract stage on one document: structure, joined block texts, sentences, code-point spans.
public enum DocumentExtractor {
    public static func extract(document: DocumentRecord, source: SourceText) -> ExtractedDocument {
        let docID = document.id
        let ids = DocumentRecordIDs(document: docID)
        // Spans are asked for in source order (a block's start, its sentences, its end), so the cursor only
        // ever counts forward.
        var cursor = CodePointCursor(source)
        return source.bytes.withUnsafeBufferPointer { buf in
            var sections: [(record: SectionRecord, text: BlockText)] = []
            var blocks: [ExtractedDocument.Block] = []
            var currentSection: String?
            for element in StructureReader.read(buf) {
                switch element {
                case .heading(let level, let line):
                    let text = BlockText(source: buf, lines: [line])
                    let id = ids.section(sections.count + 1)
                    sections.append((SectionRecord(id: id, documentID: docID, position: sections.count + 1, level: level,
                                                   heading: text.string, span: cursor.span(ofBytes: line)), text))
                    currentSection = id
                case .block(let kind, let lines):
                    let text = BlockText(source: buf, lines: lines)
                    let position = blocks.count + 1
                    let blockID = ids.block(position)
                    let start = cursor.codePointOffset(ofByte: lines.first!.lowerBound)
                    let ranges = text.bytes.withUnsafeBufferPointer { SentenceSplitter.split($0) }
                    // The block's text is validated UTF-8 once; each sentence is a copy of a slice of it.
                    let string = text.string
                    let utf8 = string.utf8
                    var sentences: [SentenceRecord] = []
                    sentences.reserveCapacity(ranges.count)
                    for (k, range) in ranges.enumerated() {
                        let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                        let hi = utf8.index(lo, offsetBy: range.count)
                        sentences.append(SentenceRecord(
                            id: ids.sentence(block: position, position: k + 1), documentID: docID, blockID: blockID,
                            position: k + 1, text: String(string[lo..<hi]),
                            span: cursor.span(ofBytes: text.sourceRange(of: range))))
                    }
                    let span = Span(start: start, end: cursor.codePointOffset(ofByte: lines.last!.upperBound))
                    let record = BlockRecord(id: blockID, documentID: docID, sectionID: currentSection, position: position,
                                             kind: kind, text: string, span: span)
                    blocks.append(.init(record: record, text: text, sentenceRanges: ranges, sentences: sentences))
                }
            }
            return ExtractedDocument(document: document, source: source, sections: sections, blocks: blocks)
        }
    }
}
