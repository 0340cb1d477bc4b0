import Testing
import ScriptoriumModel
@testable import ScriptoriumValidate

/// A numbered section, a list item with its marker and a verbatim block, built by hand; each test breaks one rule
/// of the new fields and expects that report.
private let source = "2.1 Remedies\n(a) First remedy.\n\nif a < b && c {\r\n\treturn \u{1} cafe\u{301}\r\n}\n"

private func span(_ needle: String) -> Span {
    let scalars = Array(source.unicodeScalars), n = Array(needle.unicodeScalars)
    for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
        return Span(start: i, end: i + n.count)
    }
    fatalError("not found: \(needle)")
}

/// The verbatim block's text, written out: LF for CRLF, U+FFFD for the control, NFC, tab and spaces kept.
private let verbatimText = "if a < b && c {\n\treturn \u{FFFD} caf\u{E9}\n}"

private func validRecords() -> DocumentRecords {
    let d = "doc"
    let verbatimSpan = Span(start: span("if a").start, end: span("\r\n}").end)
    return DocumentRecords(
        document: DocumentRecord(id: d, title: "T", source: "doc.txt", sourceSHA256: String(repeating: "a", count: 64),
                                 language: "en", license: "CC-BY-4.0", creators: [], byteCount: source.utf8.count,
                                 codePointCount: source.unicodeScalars.count),
        sections: [SectionRecord(id: "doc.sec1", documentID: d, position: 1, level: 1, heading: "Remedies",
                                 span: span("Remedies"), number: "2.1")],
        blocks: [BlockRecord(id: "doc.b1", documentID: d, sectionID: "doc.sec1", position: 1, kind: .listItem,
                             text: "First remedy.", span: span("First remedy."), marker: "(a)"),
                 BlockRecord(id: "doc.b2", documentID: d, sectionID: "doc.sec1", position: 2, kind: .verbatim,
                             text: verbatimText, span: verbatimSpan)],
        sentences: [SentenceRecord(id: "doc.b1.s1", documentID: d, blockID: "doc.b1", position: 1, text: "First remedy.",
                                   span: span("First remedy."))])
}

private func problems(_ change: (inout DocumentRecords) -> Void) -> [ValidationProblem] {
    var r = validRecords()
    change(&r)
    return RecordValidator.validate(r, source: Array(source.utf8))
}

@Suite struct StructureFieldsTests {
    @Test func theHandBuiltDocumentIsValid() {
        #expect(problems { _ in } == [])
        let b = validRecords().blocks[1].span
        let spanText = String(String.UnicodeScalarView(Array(source.unicodeScalars)[b.start..<b.end]))
        #expect(VerbatimText.form(of: spanText) == verbatimText)
    }

    @Test func aVerbatimTextThatIsNotItsSpanAsWrittenIsReported() {
        // The prose form (white space collapsed) is not the verbatim form.
        let prose = problems { $0.blocks[1].text = "if a < b && c { return \u{FFFD} caf\u{E9} }" }
        #expect(prose.count == 1)
        #expect(prose.first?.table == "blocks" && prose.first?.record == "doc.b2" && prose.first?.field == "text")
        #expect(prose.first?.message.contains("not the verbatim source text of its span") == true)
        // Line ends kept as CRLF, a control kept, a decomposed letter: each is not the verbatim form.
        for wrong in ["if a < b && c {\r\n\treturn \u{FFFD} caf\u{E9}\r\n}", "if a < b && c {\n\treturn \u{1} caf\u{E9}\n}",
                      "if a < b && c {\n\treturn \u{FFFD} cafe\u{301}\n}", "if a < b && c {\n\treturn \u{FFFD} caf\u{E9}\n"] {
            #expect(problems { $0.blocks[1].text = wrong }.map(\.field) == ["text"], "\(wrong.debugDescription)")
        }
    }

    @Test func aSentenceInAVerbatimBlockIsReported() {
        let p = problems {
            $0.sentences.append(SentenceRecord(id: "doc.b2.s1", documentID: "doc", blockID: "doc.b2", position: 1,
                                               text: "if a < b && c {", span: span("if a < b && c {")))
        }
        #expect(p.count == 1)
        #expect(p.first?.table == "sentences" && p.first?.record == "doc.b2.s1" && p.first?.field == "block_id")
        #expect(p.first?.message.contains("verbatim") == true)
    }

    @Test func aMarkerOnABlockThatIsNotAListItemIsReported() {
        let paragraph = problems { $0.blocks[0].kind = .paragraph }
        #expect(paragraph.count == 1)
        #expect(paragraph.first?.table == "blocks" && paragraph.first?.record == "doc.b1" && paragraph.first?.field == "marker")
        #expect(paragraph.first?.message.contains("not a list item") == true)
        #expect(problems { $0.blocks[1].marker = "1" }.map(\.field) == ["marker"])
        #expect(problems { $0.blocks[0].marker = nil } == [], "a list item need not have a marker")
    }

    @Test func numbersAndMarkersAreOneLineAndNotEmpty() {
        #expect(problems { $0.blocks[0].marker = "" }.map(\.message) == ["is present but empty"])
        #expect(problems { $0.sections[0].number = "" }.map { "\($0.table) \($0.field)" } == ["sections number"])
        #expect(problems { $0.sections[0].number = "2.\n1" }.first?.message.contains("line break") == true)
        #expect(problems { $0.blocks[0].marker = "(a)\r" }.first?.message.contains("line break") == true)
        #expect(problems { $0.sections[0].number = nil } == [])
    }
}
