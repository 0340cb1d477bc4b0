import Testing
import ScriptoriumModel
@testable import ScriptoriumValidate

/// A small, correct document built by hand; each test breaks one invariant and expects exactly that report.
private let source = "Origins\nThe  US-Japan treaty was signed in 1951. Japan’s role\ngrew.\n"

private func sp(_ needle: String, from: Int = 0) -> Span {
    let scalars = Array(source.unicodeScalars)
    let n = Array(needle.unicodeScalars)
    var i = from
    while i + n.count <= scalars.count {
        if Array(scalars[i..<(i + n.count)]) == n { return Span(start: i, end: i + n.count) }
        i += 1
    }
    fatalError("not found: \(needle)")
}

private func validRecords() -> DocumentRecords {
    let d = "doc"
    let block = Span(start: sp("The").start, end: sp("grew.").end)
    let s2 = Span(start: sp("Japan’s").start, end: sp("grew.").end)
    return DocumentRecords(
        document: DocumentRecord(id: d, title: "T", source: "doc.txt", sourceSHA256: String(repeating: "a", count: 64),
                                 language: "en", license: "CC-BY-4.0", creators: [], byteCount: source.utf8.count,
                                 codePointCount: source.unicodeScalars.count),
        sections: [SectionRecord(id: "doc.sec1", documentID: d, position: 1, level: 1, heading: "Origins", span: sp("Origins"))],
        blocks: [BlockRecord(id: "doc.b1", documentID: d, sectionID: "doc.sec1", position: 1, kind: .paragraph,
                             text: "The US-Japan treaty was signed in 1951. Japan’s role grew.", span: block)],
        sentences: [
            SentenceRecord(id: "doc.b1.s1", documentID: d, blockID: "doc.b1", position: 1,
                           text: "The US-Japan treaty was signed in 1951.", span: Span(start: block.start, end: sp("1951.").end)),
            SentenceRecord(id: "doc.b1.s2", documentID: d, blockID: "doc.b1", position: 2, text: "Japan’s role grew.", span: s2),
        ],
        mentions: [
            MentionRecord(id: "doc.m1", documentID: d, sentenceID: "doc.b1.s1", entityID: "date.1951", text: "1951",
                          span: sp("1951"), rangeInSentence: 34..<38),
            MentionRecord(id: "doc.m2", documentID: d, sentenceID: "doc.b1.s2", entityID: "ent.japan", text: "Japan",
                          span: Span(start: sp("Japan’s").start, end: sp("Japan’s").start + 5),
                          rangeInSentence: 0..<5),
        ],
        entities: [
            EntityRecord(id: "date.1951", name: "1951", type: .date, wikidata: nil, aliases: [], mentions: 1),
            EntityRecord(id: "ent.japan", name: "Japan", type: .place, wikidata: "Q17", aliases: [], mentions: 1),
        ])
}

private func problems(_ change: (inout DocumentRecords) -> Void) -> [ValidationProblem] {
    var r = validRecords()
    change(&r)
    return RecordValidator.validate(r, source: Array(source.utf8))
}

@Suite struct RecordValidatorTests {
    @Test func theHandBuiltDocumentIsValid() {
        #expect(problems { _ in } == [])
    }

    @Test func duplicateAndMalformedIDs() {
        let p = problems { $0.sentences[1].id = "doc.b1.s1" }
        #expect(p.contains { $0.table == "sentences" && $0.field == "id" && $0.message.contains("unique") })
        #expect(problems { $0.blocks[0].id = "1bad" }.contains { $0.message.contains("NCName") })
    }

    @Test func danglingForeignKeys() {
        #expect(problems { $0.blocks[0].sectionID = "doc.sec9" }.contains { $0.field == "section_id" })
        #expect(problems { $0.sentences[0].blockID = "doc.b9" }.contains { $0.field == "block_id" })
        #expect(problems { $0.mentions[0].entityID = "ent.nowhere" }.contains { $0.field == "entity_id" })
        #expect(problems { $0.mentions[0].sentenceID = "doc.b1.s9" }.contains { $0.field == "sentence_id" })
    }

    @Test func offsetsOutsideOrOutOfOrder() {
        #expect(problems { $0.mentions[1].span = Span(start: 5, end: 5) }.contains { $0.table == "mentions" && $0.field == "start" })
        #expect(problems { $0.blocks[0].span.end = 10_000 }.contains { $0.field == "end" })
        #expect(problems { $0.sentences[1].span = Span(start: 0, end: 4) }.contains { $0.table == "sentences" })
        #expect(problems { $0.sentences.swapAt(0, 1) }.contains { $0.field == "position" })
    }

    @Test func textsMustMatchTheirSpans() {
        #expect(problems { $0.mentions[1].text = "Japan’" }.contains { $0.table == "mentions" && $0.field == "text" })
        #expect(problems { $0.sentences[0].text = "The US-Japan treaty was signed in 1952." }.contains { $0.field == "text" })
        #expect(problems { $0.sections[0].heading = "Origin" }.contains { $0.field == "heading" })
        // Whitespace must be collapsed, not kept.
        #expect(problems { $0.sentences[0].text = "The  US-Japan treaty was signed in 1951." }.contains { $0.field == "text" })
    }

    @Test func countsAndTypes() {
        #expect(problems { $0.entities[0].mentions = 2 }.contains { $0.field == "mentions" })
        #expect(problems { $0.entities[1].wikidata = "Q017" }.contains { $0.field == "wikidata" })
        #expect(problems { $0.document.sourceSHA256 = "xyz" }.contains { $0.field == "source_sha256" })
        #expect(problems { $0.sections[0].level = 0 }.contains { $0.field == "level" })
    }
}

@Suite struct SpanTextTests {
    private func ok(_ text: String, _ source: String) -> Bool {
        Array(source.utf8).withUnsafeBufferPointer { SpanText.isNormalisedForm(text, of: $0) }
    }

    @Test func normalisationRules() {
        #expect(ok("a b", "a \t\r\n b"))
        #expect(ok("Japan", "Ja-\npan"))
        #expect(ok("US-Japan", "US-\r\nJapan"))
        #expect(ok("caf\u{E9}", "cafe\u{301}"))   // NFC
        #expect(!ok("cafe\u{301}", "cafe\u{301}")) // the text must be NFC
        #expect(ok("x\u{FFFD}y", "x\u{1}y"))
        #expect(!ok("a  b", "a  b"))
        #expect(!ok("ab", "a b"))
    }
}
