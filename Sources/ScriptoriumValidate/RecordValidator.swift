import ScriptoriumModel

/// Checks every invariant of SPEC §3 on one document's records before anything is written: types and
/// required values, unique NCName ids, foreign keys, positions, offsets inside the source and ordered, and
/// texts that match their spans. The same checks run on records re-read from a built dataset (`validate`).
public struct RecordValidator {
    public let records: DocumentRecords
    /// The source text the spans index (the file's bytes without a BOM).
    public let source: [UInt8]
    private let index: CodePointIndex
    private var problems: [ValidationProblem] = []

    /// `index`, when given, must be the code-point index of `source` (a build has one already).
    public init(records: DocumentRecords, source: [UInt8], index: CodePointIndex? = nil) {
        self.records = records
        self.source = source
        self.index = index ?? CodePointIndex(source)
    }

    public static func validate(_ records: DocumentRecords, source: [UInt8], index: CodePointIndex? = nil) -> [ValidationProblem] {
        var validator = RecordValidator(records: records, source: source, index: index)
        validator.run()
        return validator.problems
    }

    private mutating func problem(_ table: String, _ record: String, _ field: String, _ message: String) {
        problems.append(ValidationProblem(document: records.document.source, table: table, record: record,
                                          field: field, message: message))
    }

    private mutating func run() {
        checkDocument()
        var ids = Set<String>(minimumCapacity: 1 + records.sections.count + records.blocks.count + records.sentences.count
                                                + records.mentions.count + records.entities.count)
        ids.insert(records.document.id)
        @discardableResult
        func unique(_ table: String, _ id: String, into validator: inout RecordValidator) -> Bool {
            if !RecordID.isNCName(id) { validator.problem(table, id, "id", "is not an XML NCName") }
            if !ids.insert(id).inserted {
                validator.problem(table, id, "id", "is not unique")
                return false
            }
            return true
        }
        let docID = records.document.id
        var sectionIDs = Set<String>()
        var previous: Span?
        for (k, section) in records.sections.enumerated() {
            unique("sections", section.id, into: &self)
            sectionIDs.insert(section.id)
            checkOwner("sections", section.id, section.documentID, docID)
            checkPosition("sections", section.id, section.position, expected: k + 1)
            if section.level < 1 { problem("sections", section.id, "level", "must be 1 or more, is \(section.level)") }
            checkNormalised("sections", section.id, "heading", section.heading, section.span)
            checkOrder("sections", section.id, section.span, after: &previous)
        }
        var blockIDsUnique = true
        previous = nil
        for (k, block) in records.blocks.enumerated() {
            if !unique("blocks", block.id, into: &self) { blockIDsUnique = false }
            checkOwner("blocks", block.id, block.documentID, docID)
            checkPosition("blocks", block.id, block.position, expected: k + 1)
            if let section = block.sectionID, !sectionIDs.contains(section) {
                problem("blocks", block.id, "section_id", "\(section) is not a section of this document")
            }
            checkNormalised("blocks", block.id, "text", block.text, block.span)
            checkOrder("blocks", block.id, block.span, after: &previous)
        }
        var sentenceIDsUnique = true
        // Sentences come block by block, so the owner is nearly always the block of the previous sentence or the
        // next one: a cursor over the blocks finds it without hashing. A dictionary (the last block with an id
        // wins) answers everything else; it is built only when first needed.
        var blockCursor = 0
        var blockSpans: [String: Span]?
        func blockSpan(_ id: String) -> Span? {
            let blocks = records.blocks
            if blockIDsUnique {
                if blockCursor < blocks.count && blocks[blockCursor].id == id { return blocks[blockCursor].span }
                if blockCursor + 1 < blocks.count && blocks[blockCursor + 1].id == id {
                    blockCursor += 1
                    return blocks[blockCursor].span
                }
            }
            if blockSpans == nil { blockSpans = Self.spans(blocks, id: \.id, span: \.span) }
            return blockSpans![id]
        }
        var lastBlock = ""
        var positionInBlock = 0
        previous = nil
        for sentence in records.sentences {
            if !unique("sentences", sentence.id, into: &self) { sentenceIDsUnique = false }
            checkOwner("sentences", sentence.id, sentence.documentID, docID)
            positionInBlock = sentence.blockID == lastBlock ? positionInBlock + 1 : 1
            lastBlock = sentence.blockID
            checkPosition("sentences", sentence.id, sentence.position, expected: positionInBlock)
            if let block = blockSpan(sentence.blockID) {
                if !block.contains(sentence.span) {
                    problem("sentences", sentence.id, "start", "span \(sentence.span.start)..<\(sentence.span.end) is not inside block \(sentence.blockID)")
                }
            } else {
                problem("sentences", sentence.id, "block_id", "\(sentence.blockID) is not a block of this document")
            }
            checkNormalised("sentences", sentence.id, "text", sentence.text, sentence.span)
            checkOrder("sentences", sentence.id, sentence.span, after: &previous)
        }
        let entityIDs = Set(records.entities.map(\.id))
        var counts: [String: Int] = [:]
        // Mentions come in sentence order: a short scan forward from the last owner finds the next one without
        // hashing (the dictionary answers everything else, and everything when sentence ids repeat).
        var sentenceCursor = 0
        var sentenceSpans: [String: Span]?
        func sentenceSpan(_ id: String) -> Span? {
            let sentences = records.sentences
            if sentenceIDsUnique {
                var k = sentenceCursor
                while k < sentences.count && k < sentenceCursor + 8 {
                    if sentences[k].id == id {
                        sentenceCursor = k
                        return sentences[k].span
                    }
                    k += 1
                }
            }
            if sentenceSpans == nil { sentenceSpans = Self.spans(sentences, id: \.id, span: \.span) }
            return sentenceSpans![id]
        }
        previous = nil
        for mention in records.mentions {
            unique("mentions", mention.id, into: &self)
            checkOwner("mentions", mention.id, mention.documentID, docID)
            counts[mention.entityID, default: 0] += 1
            if !entityIDs.contains(mention.entityID) {
                problem("mentions", mention.id, "entity_id", "\(mention.entityID) is not an entity")
            }
            if let sentence = sentenceSpan(mention.sentenceID) {
                if !sentence.contains(mention.span) {
                    problem("mentions", mention.id, "start", "span is not inside sentence \(mention.sentenceID)")
                }
            } else {
                problem("mentions", mention.id, "sentence_id", "\(mention.sentenceID) is not a sentence of this document")
            }
            if checkSpan("mentions", mention.id, mention.span), let range = index.byteRange(of: mention.span),
               !source[range].elementsEqual(mention.text.utf8) {
                problem("mentions", mention.id, "text", "\"\(mention.text)\" is not the source text of its span")
            }
            checkOrder("mentions", mention.id, mention.span, after: &previous)
        }
        for entity in records.entities {
            unique("entities", entity.id, into: &self)
            if entity.name.isEmpty { problem("entities", entity.id, "name", "is empty") }
            if let q = entity.wikidata, !Self.isWikidataID(q) {
                problem("entities", entity.id, "wikidata", "\"\(q)\" is not a Wikidata id like Q17")
            }
            if counts[entity.id, default: 0] != entity.mentions {
                problem("entities", entity.id, "mentions", "is \(entity.mentions), but the document has \(counts[entity.id, default: 0])")
            }
        }
    }

    /// Span by id; when an id repeats, the last record with it wins.
    private static func spans<R>(_ records: [R], id: (R) -> String, span: (R) -> Span) -> [String: Span] {
        var spans: [String: Span] = [:]
        spans.reserveCapacity(records.count)
        for r in records { spans[id(r)] = span(r) }
        return spans
    }

    private mutating func checkDocument() {
        let d = records.document
        if !RecordID.isNCName(d.id) { problem("documents", d.id, "id", "is not an XML NCName") }
        for (field, value) in [("title", d.title), ("source", d.source), ("language", d.language)] where value.isEmpty {
            problem("documents", d.id, field, "is empty")
        }
        if d.sourceSHA256.utf8.count != 64 || !d.sourceSHA256.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
            problem("documents", d.id, "source_sha256", "is not a lower-case hex SHA-256")
        }
        if d.codePointCount != index.codePointCount {
            problem("documents", d.id, "characters", "is \(d.codePointCount), the source has \(index.codePointCount) code points")
        }
    }

    private mutating func checkOwner(_ table: String, _ id: String, _ owner: String, _ docID: String) {
        if owner != docID { problem(table, id, "document_id", "is \(owner), expected \(docID)") }
    }

    private mutating func checkPosition(_ table: String, _ id: String, _ position: Int, expected: Int) {
        if position != expected { problem(table, id, "position", "is \(position), expected \(expected)") }
    }

    /// Non-empty and inside the source.
    @discardableResult
    private mutating func checkSpan(_ table: String, _ id: String, _ span: Span) -> Bool {
        if span.isEmpty || span.start < 0 {
            problem(table, id, "start", "span \(span.start)..<\(span.end) is empty or negative")
            return false
        }
        if span.end > index.codePointCount {
            problem(table, id, "end", "\(span.end) lies past the end of the source (\(index.codePointCount) code points)")
            return false
        }
        return true
    }

    private mutating func checkOrder(_ table: String, _ id: String, _ span: Span, after previous: inout Span?) {
        if let p = previous, span.start < p.end {
            problem(table, id, "start", "\(span.start) overlaps or precedes the previous record (ends at \(p.end))")
        }
        previous = span
    }

    private mutating func checkNormalised(_ table: String, _ id: String, _ field: String, _ text: String, _ span: Span) {
        if text.isEmpty { problem(table, id, field, "is empty") }
        guard checkSpan(table, id, span), let range = index.byteRange(of: span) else { return }
        let ok = source.withUnsafeBufferPointer { SpanText.isNormalisedForm(text, of: UnsafeBufferPointer(rebasing: $0[range])) }
        if !ok {
            problem(table, id, field, "\"\(text.prefix(60))\" is not the normalised source text of its span \(span.start)..<\(span.end)")
        }
    }

    static func isWikidataID(_ q: String) -> Bool {
        let u = Array(q.utf8)
        return u.count >= 2 && u[0] == UInt8(ascii: "Q") && u[1] != UInt8(ascii: "0") && u[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
