import CSV
import Foundation
import ScriptoriumModel
import Testing
@testable import ScriptoriumCSV

/// The section number, the list marker and verbatim blocks in the tables, read back with an independent parser
/// (yaslab/CSV.swift) and described by the data package.
@Suite struct RecordColumnsTests {
    static let verbatimSource = "if a < b && c {\r\n\treturn \"x\"\r\n}"

    static func records() -> DocumentRecords {
        let document = DocumentRecord(id: "doc", title: "Doc", source: "doc.txt", sourceSHA256: String(repeating: "0", count: 64),
                                      language: "en", license: "CC-BY-4.0", creators: [], byteCount: 0, codePointCount: 0)
        return DocumentRecords(
            document: document,
            sections: [SectionRecord(id: "doc.sec1", documentID: "doc", position: 1, level: 1, heading: "Remedies",
                                     span: Span(start: 4, end: 12), number: "2.1"),
                       SectionRecord(id: "doc.sec2", documentID: "doc", position: 2, level: 1, heading: "Plain",
                                     span: Span(start: 80, end: 85))],
            blocks: [BlockRecord(id: "doc.b1", documentID: "doc", sectionID: "doc.sec1", position: 1, kind: .listItem,
                                 text: "First remedy.", span: Span(start: 17, end: 30), marker: "(a)"),
                     BlockRecord(id: "doc.b2", documentID: "doc", sectionID: "doc.sec1", position: 2, kind: .verbatim,
                                 text: VerbatimText.form(of: verbatimSource), span: Span(start: 32, end: 64)),
                     BlockRecord(id: "doc.b3", documentID: "doc", sectionID: "doc.sec2", position: 3, kind: .paragraph,
                                 text: "The end.", span: Span(start: 87, end: 95))])
    }

    /// The rows of `table` as read by the independent parser, by column name.
    static func read(_ table: CSVTable, _ rows: CSVEncoder) throws -> [[String: String]] {
        let text = String(decoding: CSVRecordRows.header(table) + rows.bytes, as: UTF8.self)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        #expect(header == table.header)
        var out: [[String: String]] = []
        while let row = reader.next() { out.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        return out
    }

    @Test func numberMarkerAndVerbatimTextAreReadBack() throws {
        let rows = CSVRecordRows(Self.records())
        let sections = try Self.read(DatasetTables.sections, rows.sections)
        #expect(DatasetTables.sections.header.suffix(1) == ["number"])
        #expect(sections.map { $0["number"] } == ["2.1", ""])
        #expect(sections.map { $0["heading"] } == ["Remedies", "Plain"])

        let blocks = try Self.read(DatasetTables.blocks, rows.blocks)
        #expect(DatasetTables.blocks.header.suffix(1) == ["marker"])
        #expect(blocks.map { $0["marker"] } == ["(a)", "", ""])
        #expect(blocks.map { $0["kind"] } == ["list_item", "verbatim", "paragraph"])
        // The verbatim text keeps its markup characters, its tab and its two line breaks (CRLF read as LF).
        #expect(blocks[1]["text"] == "if a < b && c {\n\treturn \"x\"\n}")
        #expect(blocks.map { $0["start"] } == ["17", "32", "87"])
    }

    @Test func dataPackageDescribesTheNewColumnsAndKind() throws {
        let tables = DatasetTables.all.map { ($0, PayloadFixture.file($0.path)) }
        let json = DataPackage.json(dataset: ScriptoriumModelFixture.dataset, tables: tables, otherFiles: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let resources = try #require(object["resources"] as? [[String: Any]])
        func fields(_ name: String) throws -> [String: [String: Any]] {
            let resource = try #require(resources.first { $0["name"] as? String == name })
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0) })
        }
        let number = try #require(try fields("sections")["number"])
        #expect(number["type"] as? String == "string")
        #expect((number["description"] as? String)?.contains("number") == true)
        #expect((number["constraints"] as? [String: Any])?["required"] == nil)

        let blocks = try fields("blocks")
        let marker = try #require(blocks["marker"])
        #expect((marker["description"] as? String)?.contains("marker") == true)
        #expect((marker["constraints"] as? [String: Any])?["required"] == nil)
        let kind = try #require(blocks["kind"]?["constraints"] as? [String: Any])
        #expect(kind["enum"] as? [String] == ["paragraph", "list_item", "verbatim"])
    }
}
