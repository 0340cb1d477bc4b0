import Foundation
import ScriptoriumHTML
import ScriptoriumModel
import XCTest

/// The reading view read back by libxml2's HTML parser: every sentence an element with its id and its text, every
/// mention a link to its entity's entry, and text that looks like markup (`<`, `&`, `"`, `</script>`, `</pre>`)
/// shown as text, never taken as markup.
final class ReadingViewTests: XCTestCase {
    /// U+FDD0, which a Swift literal may not hold.
    static let nonCharacter = String(Unicode.Scalar(0xFDD0)!)
    static let hostileTitle = "A <b>\"bold\"</b> & </script><!-- title"

    /// A small document whose texts hold markup and characters HTML forbids.
    static func records() -> DocumentRecords {
        let doc = DocumentRecord(id: "essay", title: hostileTitle, source: "essay.txt", sourceSHA256: String(repeating: "0", count: 64),
                                 language: "en", license: "CC0-1.0", creators: ["A & B"], byteCount: 100, codePointCount: 100)
        let span = Span(start: 0, end: 1)
        let texts: [(String, String, String)] = [
            ("essay.b1.s1", "essay.b1", "Japan & the U.S. signed \"it\" </script><!--"),
            ("essay.b1.s2", "essay.b1", "Then <i>more</i> > less."),
            ("essay.b2.s1", "essay.b2", "List item about Japan."),
            ("essay.b4.s1", "essay.b4", "Odd \u{7F} controls \u{85} and \(Self.nonCharacter) here."),
        ]
        let sentences = texts.enumerated().map { k, t in
            SentenceRecord(id: t.0, documentID: "essay", blockID: t.1, position: k + 1, text: t.2, span: span)
        }
        func mention(_ id: String, _ sentence: SentenceRecord) -> MentionRecord {
            let r = sentence.text.range(of: "Japan")!
            let start = sentence.text.utf8.distance(from: sentence.text.startIndex, to: r.lowerBound)
            return MentionRecord(id: id, documentID: "essay", sentenceID: sentence.id, entityID: "ent.japan", text: "Japan",
                                 span: span, rangeInSentence: start..<(start + 5))
        }
        return DocumentRecords(
            document: doc,
            sections: [SectionRecord(id: "essay.s1", documentID: "essay", position: 1, level: 1, heading: "Heads & <tails>",
                                     span: span, number: "2.1")],
            blocks: [
                BlockRecord(id: "essay.b1", documentID: "essay", sectionID: nil, position: 1, kind: .paragraph, text: "", span: span),
                BlockRecord(id: "essay.b2", documentID: "essay", sectionID: "essay.s1", position: 2, kind: .listItem, text: "",
                            span: span, marker: "(a)"),
                BlockRecord(id: "essay.b3", documentID: "essay", sectionID: "essay.s1", position: 3, kind: .verbatim,
                            text: "x < y && z\n</pre> done", span: span),
                BlockRecord(id: "essay.b4", documentID: "essay", sectionID: "essay.s1", position: 4, kind: .paragraph, text: "", span: span),
            ],
            sentences: sentences,
            mentions: [mention("essay.m1", sentences[0]), mention("essay.m2", sentences[2])],
            entities: [EntityRecord(id: "ent.japan", name: "Japan", type: .place, wikidata: "Q17", aliases: [], mentions: 2)])
    }

    static let dataset = DatasetMetadata(id: "d", title: "Data <set>", description: "D", license: "CC-BY-4.0",
                                         licenseURL: "https://creativecommons.org/licenses/by/4.0/", creators: [], publisher: "P",
                                         version: "1", keywords: [], baseIRI: "https://example.org/d/", modified: nil)

    func page() -> [UInt8] {
        ReadingView.page(try! DocumentTree(Self.records()), dataset: Self.dataset,
                         files: [.init(label: "source", path: "source/essay.txt"), .init(label: "TEI", path: "tei/essay.xml"), .init(label: "JSON-LD", path: "jsonld/essay.jsonld")])
    }

    func testEverySentenceIsAnElementWithItsIdAndText() throws {
        let parsed = try XCTUnwrap(ParsedHTML(page()))
        XCTAssertEqual(parsed.errors, [])
        let records = Self.records()
        for sentence in records.sentences.dropLast() {
            let element = try XCTUnwrap(parsed.element(id: sentence.id), sentence.id)
            XCTAssertEqual(element.name, "span")
            XCTAssertEqual(element.text, sentence.text)
        }
        // Characters no HTML page may hold are shown as U+FFFD (the exact text is in the CSV, TEI and JSON-LD).
        XCTAssertEqual(parsed.element(id: "essay.b4.s1")?.text, "Odd \u{FFFD} controls \u{FFFD} and \u{FFFD} here.")
        XCTAssertEqual(parsed.elements.first { $0.name == "title" }?.text, Self.hostileTitle)
        XCTAssertEqual(parsed.elements.first { $0.name == "h1" }?.text, Self.hostileTitle)
        XCTAssertEqual(parsed.elements.filter { $0.name == "script" }.count, 0)
    }

    func testStructureAndMentions() throws {
        let parsed = try XCTUnwrap(ParsedHTML(page()))
        XCTAssertEqual(parsed.element(id: "essay.s1")?.name, "h2")
        XCTAssertEqual(parsed.element(id: "essay.s1")?.text, "2.1Heads & <tails>")
        XCTAssertEqual(parsed.element(id: "essay.b1")?.name, "p")
        XCTAssertEqual(parsed.element(id: "essay.b2")?.name, "li")
        XCTAssertEqual(parsed.element(id: "essay.b2")?.text, "(a)List item about Japan.")
        let pre = try XCTUnwrap(parsed.element(id: "essay.b3"))
        XCTAssertEqual(pre.name, "pre")
        XCTAssertEqual(pre.text.drop { $0 == "\n" }, "x < y && z\n</pre> done")
        let links = parsed.elements.filter { $0.name == "a" && $0.attributes["href"]?.hasPrefix("#") == true }
        XCTAssertEqual(links.map { $0.attributes["href"] }, ["#ent.japan", "#ent.japan"])
        XCTAssertEqual(links.map(\.text), ["Japan", "Japan"])
        XCTAssertEqual(parsed.element(id: "ent.japan")?.name, "dt")
        // Links only to the document's own files, one folder up, and to Wikidata; nothing fetched.
        let hrefs = parsed.elements.compactMap { $0.attributes["href"] }.filter { !$0.hasPrefix("#") }
        XCTAssertEqual(hrefs, ["data:,", "../index.html", "../source/essay.txt", "../tei/essay.xml", "../jsonld/essay.jsonld",
                               "https://www.wikidata.org/wiki/Q17"])
        XCTAssertTrue(parsed.elements.allSatisfy { $0.attributes["src"] == nil })
    }

    func testOwnCheckerAgreesAndIsDeterministic() {
        let bytes = page()
        XCTAssertEqual(bytes, page())
        let report = HTMLCheck.check(bytes)
        XCTAssertEqual(report.problems, [])
        XCTAssertTrue(Set(Self.records().sentences.map(\.id)).isSubset(of: Set(report.ids)))
        XCTAssertEqual(report.jsonld.count, 0)
    }

    /// A mention whose byte range is out of bounds or cuts a character is shown as plain text, never a crash or a
    /// broken page.
    func testBadMentionRangesArePlainText() throws {
        var records = Self.records()
        records.mentions[0].rangeInSentence = 3..<500
        records.sentences[2].text = "Ünder Japan"
        records.mentions[1].rangeInSentence = 1..<4 // inside "Ü"
        let bytes = ReadingView.page(try DocumentTree(records), dataset: Self.dataset, files: [.init(label: "source", path: "s"), .init(label: "TEI", path: "t"), .init(label: "JSON-LD", path: "j")])
        let parsed = try XCTUnwrap(ParsedHTML(bytes))
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.element(id: "essay.b1.s1")?.text, records.sentences[0].text)
        XCTAssertEqual(parsed.element(id: "essay.b2.s1")?.text, "Ünder Japan")
        XCTAssertTrue(parsed.elements.filter { $0.attributes["href"]?.hasPrefix("#") == true }.isEmpty)
    }
}
