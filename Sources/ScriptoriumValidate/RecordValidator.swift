import ScriptoriumModel

/// Checks every invariant of SPEC §3 on one document's records before anything is written: types and
/// required values, unique NCName ids, foreign keys, positions, offsets inside the source and ordered, and
/// texts that match their spans. The same checks run on records re-read from a built dataset (`validate`).
///
/// It runs on every document of a build, so it is written for speed without checking less: records are read in
/// place, spans are converted with forward cursors (records come in source order), the source is checked for NFC
/// once (`SourceNFC`), every id goes through `IDTable` (a hash set of the ids' bytes) rather than `Set<String>`,
/// whatever the scheme that made it, and the normalised-text check runs eight bytes at a time
/// (`SpanText`, `PlainBytes`). Each shortcut answers exactly as the plain check; the tests hold them to it.
/// A verbatim block (rare: code, tables) is held to the verbatim form of its span instead (`VerbatimText`, the same
/// function the extractor calls), computed and compared byte for byte.
public struct RecordValidator {
    public let records: DocumentRecords
    /// The source text the spans index (the file's bytes without a BOM).
    public let source: [UInt8]
    private let index: CodePointIndex

    /// `index`, when given, must be the code-point index of `source` (a build has one already).
    public init(records: DocumentRecords, source: [UInt8], index: CodePointIndex? = nil) {
        self.records = records
        self.source = source
        self.index = index ?? CodePointIndex(source)
    }

    public static func validate(_ records: DocumentRecords, source: [UInt8], index: CodePointIndex? = nil) -> [ValidationProblem] {
        RecordValidator(records: records, source: source, index: index).problems()
    }

    /// Every problem, in a fixed order: the document, then sections, blocks, sentences, mentions and entities in
    /// record order, each record's problems in the order of its fields' checks.
    func problems() -> [ValidationProblem] {
        source.withUnsafeBufferPointer { source in
            var checks = Checks(records: records, source: source, index: index)
            checks.run()
            return checks.log.problems
        }
    }
}

/// The problems found so far, each located by table, record and field.
struct ProblemLog {
    let document: String
    var problems: [ValidationProblem] = []

    mutating func add(_ code: ProblemCode, _ table: String, _ record: String, _ field: String, _ message: String) {
        problems.append(ValidationProblem(code: code, document: document, table: table, record: record, field: field, message: message))
    }
}

/// One pass of the checks over one document's records. The record arrays are read where they are; the mutable
/// state (the problems, the ids seen) lives beside them, so no record is copied to be checked.
private struct Checks {
    let records: DocumentRecords
    let source: UnsafeBufferPointer<UInt8>
    let index: CodePointIndex
    /// The whole source is valid UTF-8 and NFC as it stands, so no span needs its own NFC scan (`SourceNFC`).
    let sourceIsKnownNFC: Bool
    /// The source's length in code points (the index counts it on each call).
    let codePointCount: Int
    var log: ProblemLog
    /// Composes verbatim spans that are not NFC as they stand, keeping its cache across the document's blocks.
    var composer = NFCComposer()
    /// Every id of the document so far, for uniqueness. The validator is the referee of the writer, so it trusts
    /// no id for the way it looks: each one is checked, however regular its numbering.
    let ids: IDTable

    init(records: DocumentRecords, source: UnsafeBufferPointer<UInt8>, index: CodePointIndex) {
        self.records = records
        self.source = source
        self.index = index
        sourceIsKnownNFC = SourceNFC.isValidAndKnownNFC(source)
        codePointCount = index.codePointCount
        log = ProblemLog(document: records.document.source)
        ids = IDTable(capacity: 1 + records.sections.count + records.blocks.count + records.sentences.count
                                + records.mentions.count + records.entities.count)
    }

    mutating func run() {
        checkDocument()
        _ = ids.insert(records.document.id)
        checkSections()
        let blockIDsUnique = checkBlocks()
        let sentenceIDsUnique = checkSentences(blockIDsUnique: blockIDsUnique)
        let mentionCounts = checkMentions(sentenceIDsUnique: sentenceIDsUnique)
        checkEntities(mentionCounts)
    }

    private mutating func checkDocument() {
        let d = records.document
        if !NCName.isValid(d.id) { log.add(.recordIDNotNCName, "documents", d.id, "id", "is not an XML NCName") }
        for (field, value) in [("title", d.title), ("source", d.source), ("language", d.language)] where value.isEmpty {
            log.add(.recordEmpty, "documents", d.id, field, "is empty")
        }
        if d.sourceSHA256.utf8.count != 64 || !d.sourceSHA256.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
            log.add(.recordMalformedValue, "documents", d.id, "source_sha256", "is not a lower-case hex SHA-256")
        }
        if d.codePointCount != codePointCount {
            log.add(.recordCountMismatch, "documents", d.id, "characters", "is \(d.codePointCount), the source has \(codePointCount) code points")
        }
    }

    private mutating func checkSections() {
        let docID = records.document.id
        var previous: Span?
        var cursor = CodePointIndex.Cursor()
        for (k, section) in records.sections.enumerated() {
            unique("sections", section.id)
            checkOwner("sections", section.id, section.documentID, docID)
            checkPosition("sections", section.id, section.position, expected: k + 1)
            if section.level < 1 { log.add(.recordMalformedValue, "sections", section.id, "level", "must be 1 or more, is \(section.level)") }
            checkNormalised("sections", section.id, "heading", section.heading, section.span, &cursor)
            checkLabel("sections", section.id, "number", section.number)
            checkOrder("sections", section.id, section.span, after: &previous)
        }
    }

    /// True when the block ids are all unique.
    private mutating func checkBlocks() -> Bool {
        let docID = records.document.id
        let sectionIDs = IDTable(capacity: records.sections.count)
        for section in records.sections { _ = sectionIDs.insert(section.id) }
        var allUnique = true
        var previous: Span?
        var cursor = CodePointIndex.Cursor()
        for (k, block) in records.blocks.enumerated() {
            if !unique("blocks", block.id) { allUnique = false }
            checkOwner("blocks", block.id, block.documentID, docID)
            checkPosition("blocks", block.id, block.position, expected: k + 1)
            if let section = block.sectionID, sectionIDs.position(of: section) == nil {
                log.add(.recordDanglingReference, "blocks", block.id, "section_id", "\(section) is not a section of this document")
            }
            if block.kind == .verbatim {
                checkVerbatim(block, &cursor)
            } else {
                checkNormalised("blocks", block.id, "text", block.text, block.span, &cursor)
            }
            if block.marker != nil && block.kind != .listItem {
                log.add(.recordInconsistent, "blocks", block.id, "marker", "is set on a block that is not a list item (\(block.kind.rawValue))")
            }
            checkLabel("blocks", block.id, "marker", block.marker)
            checkOrder("blocks", block.id, block.span, after: &previous)
        }
        return allUnique
    }

    /// True when the sentence ids are all unique.
    private mutating func checkSentences(blockIDsUnique: Bool) -> Bool {
        let docID = records.document.id
        let blocks = records.blocks
        // Sentences come block by block, so the owner is nearly always the block of the previous sentence or the
        // next one: a cursor over the blocks finds it without hashing. A dictionary (the last block with an id
        // wins) answers everything else; it is built only when first needed.
        var blockCursor = 0
        var blockPositions: [String: Int]?
        func block(_ id: String) -> Int? {
            if blockIDsUnique {
                if blockCursor < blocks.count && blocks[blockCursor].id == id { return blockCursor }
                if blockCursor + 1 < blocks.count && blocks[blockCursor + 1].id == id {
                    blockCursor += 1
                    return blockCursor
                }
            }
            if blockPositions == nil { blockPositions = Self.positions(blocks, id: \.id) }
            return blockPositions![id]
        }
        var allUnique = true
        var lastBlock = ""
        var positionInBlock = 0
        var previous: Span?
        var cursor = CodePointIndex.Cursor()
        for sentence in records.sentences {
            if !unique("sentences", sentence.id) { allUnique = false }
            checkOwner("sentences", sentence.id, sentence.documentID, docID)
            positionInBlock = sentence.blockID == lastBlock ? positionInBlock + 1 : 1
            lastBlock = sentence.blockID
            checkPosition("sentences", sentence.id, sentence.position, expected: positionInBlock)
            if let b = block(sentence.blockID) {
                if !blocks[b].span.contains(sentence.span) {
                    log.add(.recordOutsideParent, "sentences", sentence.id, "start", "span \(sentence.span.start)..<\(sentence.span.end) is not inside block \(sentence.blockID)")
                }
                if blocks[b].kind == .verbatim {
                    log.add(.recordInconsistent, "sentences", sentence.id, "block_id", "\(sentence.blockID) is a verbatim block, which has no sentences")
                }
            } else {
                log.add(.recordDanglingReference, "sentences", sentence.id, "block_id", "\(sentence.blockID) is not a block of this document")
            }
            checkNormalised("sentences", sentence.id, "text", sentence.text, sentence.span, &cursor)
            checkOrder("sentences", sentence.id, sentence.span, after: &previous)
        }
        return allUnique
    }

    /// The number of mentions of each entity, by the entity's position in `records.entities` (the first entity
    /// with an id, when ids repeat).
    private mutating func checkMentions(sentenceIDsUnique: Bool) -> (entityIDs: IDTable, counts: [Int]) {
        let docID = records.document.id
        let sentences = records.sentences
        let entityIDs = IDTable(capacity: records.entities.count)
        for entity in records.entities { _ = entityIDs.insert(entity.id) }
        var counts = [Int](repeating: 0, count: records.entities.count)
        // Mentions come in sentence order: a scan forward from the last owner (past the sentences without
        // mentions, up to 64 of them) finds the next one without hashing; the dictionary answers everything else,
        // and everything when sentence ids repeat.
        var sentenceCursor = 0
        var sentencePositions: [String: Int]?
        func sentenceSpan(_ id: String) -> Span? {
            if sentenceIDsUnique {
                var k = sentenceCursor
                while k < sentences.count && k < sentenceCursor + 64 {
                    if sentences[k].id == id {
                        sentenceCursor = k
                        return sentences[k].span
                    }
                    k += 1
                }
            }
            if sentencePositions == nil { sentencePositions = Self.positions(sentences, id: \.id) }
            return sentencePositions![id].map { sentences[$0].span }
        }
        var previous: Span?
        var cursor = CodePointIndex.Cursor()
        for mention in records.mentions {
            unique("mentions", mention.id)
            checkOwner("mentions", mention.id, mention.documentID, docID)
            if let entity = entityIDs.position(of: mention.entityID) {
                counts[entity] += 1
            } else {
                log.add(.recordDanglingReference, "mentions", mention.id, "entity_id", "\(mention.entityID) is not an entity")
            }
            if let sentence = sentenceSpan(mention.sentenceID) {
                if !sentence.contains(mention.span) {
                    log.add(.recordOutsideParent, "mentions", mention.id, "start", "span is not inside sentence \(mention.sentenceID)")
                }
            } else {
                log.add(.recordDanglingReference, "mentions", mention.id, "sentence_id", "\(mention.sentenceID) is not a sentence of this document")
            }
            if checkSpan("mentions", mention.id, mention.span), let range = index.byteRange(of: mention.span, from: &cursor),
               !Self.equal(source, range, mention.text) {
                log.add(.recordTextMismatch, "mentions", mention.id, "text", "\"\(mention.text)\" is not the source text of its span")
            }
            checkOrder("mentions", mention.id, mention.span, after: &previous)
        }
        return (entityIDs, counts)
    }

    private mutating func checkEntities(_ mentions: (entityIDs: IDTable, counts: [Int])) {
        for entity in records.entities {
            unique("entities", entity.id)
            if entity.name.isEmpty { log.add(.recordEmpty, "entities", entity.id, "name", "is empty") }
            if let q = entity.wikidata, !Self.isWikidataID(q) {
                log.add(.recordMalformedValue, "entities", entity.id, "wikidata", "\"\(q)\" is not a Wikidata id like Q17")
            }
            let count = mentions.counts[mentions.entityIDs.position(of: entity.id)!]
            if count != entity.mentions {
                log.add(.recordCountMismatch, "entities", entity.id, "mentions", "is \(entity.mentions), but the document has \(count)")
            }
        }
    }

    /// Checks that `id` is an NCName and not an id seen before; false when it was seen.
    @discardableResult
    private mutating func unique(_ table: String, _ id: String) -> Bool {
        if !NCName.isValid(id) { log.add(.recordIDNotNCName, table, id, "id", "is not an XML NCName") }
        if ids.insert(id) != nil {
            log.add(.recordDuplicateID, table, id, "id", "is not unique")
            return false
        }
        return true
    }

    private mutating func checkOwner(_ table: String, _ id: String, _ owner: String, _ docID: String) {
        if owner != docID { log.add(.recordWrongDocument, table, id, "document_id", "is \(owner), expected \(docID)") }
    }

    private mutating func checkPosition(_ table: String, _ id: String, _ position: Int, expected: Int) {
        if position != expected { log.add(.recordWrongPosition, table, id, "position", "is \(position), expected \(expected)") }
    }

    /// Non-empty and inside the source.
    private mutating func checkSpan(_ table: String, _ id: String, _ span: Span) -> Bool {
        if span.isEmpty || span.start < 0 {
            log.add(.recordBadSpan, table, id, "start", "span \(span.start)..<\(span.end) is empty or negative")
            return false
        }
        if span.end > codePointCount {
            log.add(.recordBadSpan, table, id, "end", "\(span.end) lies past the end of the source (\(codePointCount) code points)")
            return false
        }
        return true
    }

    private mutating func checkOrder(_ table: String, _ id: String, _ span: Span, after previous: inout Span?) {
        if let p = previous, span.start < p.end {
            log.add(.recordOutOfOrder, table, id, "start", "\(span.start) overlaps or precedes the previous record (ends at \(p.end))")
        }
        previous = span
    }

    private mutating func checkNormalised(_ table: String, _ id: String, _ field: String, _ text: String, _ span: Span,
                                          _ cursor: inout CodePointIndex.Cursor) {
        if text.isEmpty { log.add(.recordEmpty, table, id, field, "is empty") }
        guard checkSpan(table, id, span), let range = index.byteRange(of: span, from: &cursor) else { return }
        if !SpanText.isNormalisedForm(text, of: UnsafeBufferPointer(rebasing: source[range]), sourceIsKnownNFC: sourceIsKnownNFC) {
            log.add(.recordTextMismatch, table, id, field, "\"\(text.prefix(60))\" is not the normalised source text of its span \(span.start)..<\(span.end)")
        }
    }

    /// Position in `records` by id; when an id repeats, the last record with it wins.
    private static func positions<R>(_ records: [R], id: (R) -> String) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(records.count)
        for (k, r) in records.enumerated() { positions[id(r)] = k }
        return positions
    }

    /// A verbatim block's text is its span kept as written (`VerbatimText`), not the normalised prose form.
    private mutating func checkVerbatim(_ block: BlockRecord, _ cursor: inout CodePointIndex.Cursor) {
        if block.text.isEmpty { log.add(.recordEmpty, "blocks", block.id, "text", "is empty") }
        guard checkSpan("blocks", block.id, block.span), let range = index.byteRange(of: block.span, from: &cursor) else { return }
        let expected = VerbatimText.form(of: UnsafeBufferPointer(rebasing: source[range]), composer: &composer)
        let matches = UTF8Bytes.with(block.text) { text in expected.withUnsafeBufferPointer { UTF8Bytes.equal($0, text) } }
        if !matches {
            log.add(.recordTextMismatch, "blocks", block.id, "text", "\"\(block.text.prefix(60))\" is not the verbatim source text of its span \(block.span.start)..<\(block.span.end)")
        }
    }

    /// A heading number or list marker, when present, is a label on one line: not empty, no line break.
    private mutating func checkLabel(_ table: String, _ id: String, _ field: String, _ value: String?) {
        guard let value else { return }
        if value.isEmpty {
            log.add(.recordMalformedValue, table, id, field, "is present but empty")
        } else if value.contains(where: \.isNewline) {
            log.add(.recordMalformedValue, table, id, field, "\"\(value.prefix(60))\" holds a line break")
        }
    }

    /// True when `source[range]` is exactly the bytes of `text`.
    private static func equal(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: String) -> Bool {
        UTF8Bytes.with(text) { UTF8Bytes.equal(UnsafeBufferPointer(rebasing: source[range]), $0) }
    }

    static func isWikidataID(_ q: String) -> Bool {
        let u = Array(q.utf8)
        return u.count >= 2 && u[0] == UInt8(ascii: "Q") && u[1] != UInt8(ascii: "0") && u[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
