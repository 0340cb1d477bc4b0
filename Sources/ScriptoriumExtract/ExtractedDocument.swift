import ScriptoriumModel

/// What Extract hands to Normalize: the records with their structure, spans and whitespace-normalised texts,
/// and for each block the joined text that its sentences (and, later, mentions) were found in.
public struct ExtractedDocument: Sendable {
    public struct Block: Sendable {
        public var record: BlockRecord
        public var text: BlockText
        /// Byte ranges of the block's sentences in `text` (offsets from its first byte), one per entry of
        /// `sentences`, with the same indices.
        public var sentenceRanges: ArraySlice<Range<Int>>
        /// The block's sentences, in order: a slice of the document's sentences.
        public var sentences: ArraySlice<SentenceRecord>
    }

    public var document: DocumentRecord
    public var source: SourceText
    /// Sections with their heading texts (whitespace-normalised) and the joined heading text.
    public var sections: [(record: SectionRecord, text: BlockText)]
    public var blocks: [Block]
}

/// Runs the Extract stage on one document: structure, joined block texts, sentences, code-point spans.
public enum DocumentExtractor {
    /// `hints`: what the reader is told (Markdown, a user's corrections); by default, Markdown for a `.md` file.
    public static func extract(document: DocumentRecord, source: SourceText, hints: LayoutHints? = nil) -> ExtractedDocument {
        let hints = hints ?? LayoutHints.forFile(document.source)
        let docID = document.id
        let ids = DocumentRecordIDs(document: docID)
        // Spans are asked for in source order (a block's start, its sentences, its end), so the cursor only
        // ever counts forward.
        var cursor = CodePointCursor(source)
        // Every block's text, sentence ranges and sentences go into one array each for the whole document; each
        // block gets its slices at the end, once nothing more is appended (a slice taken earlier would make the
        // next append copy the array).
        var texts = BlockTextBuffer()
        texts.reserveCapacity(bytes: source.bytes.count)
        var sentenceRanges: [Range<Int>] = []
        var sentences: [SentenceRecord] = []
        sentenceRanges.reserveCapacity(source.bytes.count / 96 + 2)
        sentences.reserveCapacity(source.bytes.count / 96 + 2)
        var blocks: [(record: BlockRecord, text: (bytes: Range<Int>, runs: Range<Int>), sentences: Range<Int>)] = []
        var sections: [(record: SectionRecord, text: BlockText)] = []
        source.bytes.withUnsafeBufferPointer { buf in
            var currentSection: String?
            for element in StructureReader.read(buf, hints: hints) {
                switch element {
                case .heading(let level, let line, let number):
                    let text = BlockText(source: buf, lines: [line])
                    let id = ids.section(sections.count + 1)
                    sections.append((SectionRecord(id: id, documentID: docID, position: sections.count + 1, level: level,
                                                   heading: text.string, span: cursor.span(ofBytes: line),
                                                   number: number.map { String(decoding: buf[$0], as: UTF8.self) }), text))
                    currentSection = id
                case .verbatim(let range):
                    let text = texts.append(source: buf, lines: BlockLines([range], joins: []))
                    let position = blocks.count + 1
                    let string = VerbatimText.form(of: String(decoding: buf[range], as: UTF8.self))
                    let record = BlockRecord(id: ids.block(position), documentID: docID, sectionID: currentSection,
                                             position: position, kind: .verbatim, text: string, span: cursor.span(ofBytes: range))
                    blocks.append((record, text, sentenceRanges.count..<sentenceRanges.count))
                case .block(let kind, let lines, let marker):
                    let text = texts.append(source: buf, lines: lines)
                    let position = blocks.count + 1
                    let blockID = ids.block(position)
                    let start = cursor.codePointOffset(ofByte: lines.first!.lowerBound)
                    let firstSentence = sentenceRanges.count
                    // The block's text is validated UTF-8 once; each sentence is a copy of a slice of it.
                    let string = texts.bytes.withUnsafeBufferPointer { all in
                        let bytes = UnsafeBufferPointer(rebasing: all[text.bytes])
                        SentenceSplitter.split(bytes, into: &sentenceRanges)
                        return String(decoding: bytes, as: UTF8.self)
                    }
                    let utf8 = string.utf8
                    for k in firstSentence..<sentenceRanges.count {
                        let range = sentenceRanges[k]
                        let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                        let hi = utf8.index(lo, offsetBy: range.count)
                        let sourceBytes = texts.sourceRange(
                            of: (text.bytes.lowerBound + range.lowerBound)..<(text.bytes.lowerBound + range.upperBound),
                            runs: text.runs)
                        sentences.append(SentenceRecord(
                            id: ids.sentence(block: position, position: k - firstSentence + 1), documentID: docID,
                            blockID: blockID, position: k - firstSentence + 1, text: String(string[lo..<hi]),
                            span: cursor.span(ofBytes: sourceBytes)))
                    }
                    let span = Span(start: start, end: cursor.codePointOffset(ofByte: lines.last!.upperBound))
                    let record = BlockRecord(id: blockID, documentID: docID, sectionID: currentSection, position: position,
                                             kind: kind, text: string, span: span,
                                             marker: marker.map { String(decoding: buf[$0], as: UTF8.self) })
                    blocks.append((record, text, firstSentence..<sentenceRanges.count))
                }
            }
        }
        let bytes = texts.bytes
        let runs = texts.runs
        return ExtractedDocument(document: document, source: source, sections: sections, blocks: blocks.map { block in
            ExtractedDocument.Block(record: block.record,
                                    text: BlockText(bytes: bytes[block.text.bytes], runs: runs[block.text.runs]),
                                    sentenceRanges: sentenceRanges[block.sentences], sentences: sentences[block.sentences])
        })
    }
}
