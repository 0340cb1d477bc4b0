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
        return source.bytes.withUnsafeBufferPointer { buf in
            var sections: [(record: SectionRecord, text: BlockText)] = []
            var blocks: [ExtractedDocument.Block] = []
            var currentSection: String?
            for element in StructureReader.read(buf) {
                switch element {
                case .heading(let level, let line):
                    let text = BlockText(source: buf, lines: [line])
                    let id = RecordID.section(document: docID, position: sections.count + 1)
                    sections.append((SectionRecord(id: id, documentID: docID, position: sections.count + 1, level: level,
                                                   heading: text.string, span: source.span(ofBytes: line)), text))
                    currentSection = id
                case .block(let kind, let lines):
                    let text = BlockText(source: buf, lines: lines)
                    let position = blocks.count + 1
                    let blockID = RecordID.block(document: docID, position: position)
                    let span = source.span(ofBytes: lines.first!.lowerBound..<lines.last!.upperBound)
                    let ranges = text.bytes.withUnsafeBufferPointer { SentenceSplitter.split($0) }
                    var sentences: [SentenceRecord] = []
                    sentences.reserveCapacity(ranges.count)
                    for (k, range) in ranges.enumerated() {
                        sentences.append(SentenceRecord(
                            id: RecordID.sentence(block: blockID, position: k + 1), documentID: docID, blockID: blockID,
                            position: k + 1, text: text.string(range), span: source.span(ofBytes: text.sourceRange(of: range))))
                    }
                    let record = BlockRecord(id: blockID, documentID: docID, sectionID: currentSection, position: position,
                                             kind: kind, text: text.string, span: span)
                    blocks.append(.init(record: record, text: text, sentenceRanges: ranges, sentences: sentences))
                }
            }
            return ExtractedDocument(document: document, source: source, sections: sections, blocks: blocks)
        }
    }
}
