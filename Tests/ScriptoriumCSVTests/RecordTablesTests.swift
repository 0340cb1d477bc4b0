import ScriptoriumModel
import Testing
@testable import ScriptoriumCSV

/// Each table is declared once (`RecordTables`): the rows the encoder writes from it, read back by the reader
/// through the same declaration, are the records again, field for field.
@Suite struct RecordTablesTests {
    /// The rows of `encoder` parsed back (the project's RFC 4180 reader), without the header.
    static func rows(_ table: CSVTable, _ encoder: CSVEncoder) throws -> [[String]] {
        let rows = try ScriptoriumCSV.CSVReader.rows(CSVRecordRows.header(table) + encoder.bytes)
        #expect(rows.first == table.header)
        return Array(rows.dropFirst())
    }

    @Test func everyTableReadsBackTheRecordsItWrote() throws {
        var records = RecordColumnsTests.records()
        records.document.creators = ["Ada Lovelace", "Charles Babbage"]
        records.document.byteCount = 120
        records.document.codePointCount = 118
        records.blocks[2].text = "Quotes \"here\", a comma, and\na line break."
        records.sentences = [SentenceRecord(id: "doc.b3.s1", documentID: "doc", blockID: "doc.b3", position: 1,
                                            text: "The end.", span: Span(start: 87, end: 95))]
        records.mentions = [MentionRecord(id: "doc.m1", documentID: "doc", sentenceID: "doc.b3.s1", entityID: "ent.end",
                                          text: "end", span: Span(start: 91, end: 94), rangeInSentence: 4..<7)]
        let entities = [EntityRecord(id: "ent.end", name: "End", type: .event, wikidata: "Q42", aliases: ["Finish", "Close"],
                                     mentions: 1, geonames: "123"),
                        EntityRecord(id: "date.1951", name: "1951", type: .date, wikidata: nil, aliases: [], mentions: 2)]
        let rows = CSVRecordRows(records)

        #expect(try Self.rows(DatasetTables.documents, rows.documents).map(RecordTables.documents.read) == [records.document])
        #expect(try Self.rows(DatasetTables.sections, rows.sections).map(RecordTables.sections.read) == records.sections)
        #expect(try Self.rows(DatasetTables.blocks, rows.blocks).map(RecordTables.blocks.read) == records.blocks)
        #expect(try Self.rows(DatasetTables.sentences, rows.sentences).map(RecordTables.sentences.read) == records.sentences)
        // A mention's place in its sentence's text is not a column.
        var mention = records.mentions[0]
        mention.rangeInSentence = 0..<0
        #expect(try Self.rows(DatasetTables.mentions, rows.mentions).map(RecordTables.mentions.read) == [mention])
        var encoder = CSVEncoder()
        for entity in entities { RecordTables.entities.write(entity, to: &encoder) }
        #expect(encoder.bytes == CSVRecordRows.entities(entities))
        #expect(try Self.rows(DatasetTables.entities, encoder).map(RecordTables.entities.read) == entities)
    }

    /// A cell that is not an integer reads as -1 (the column checks report the cell), an empty optional as nil.
    @Test func badAndEmptyCellsReadAsNoValue() {
        let section = RecordTables.sections.read(["doc.sec1", "doc", "x", "1", "Head", "0", "4", ""])
        #expect(section.position == -1 && section.level == 1 && section.number == nil)
    }

    /// The schema the data package describes is the declaration's, column for column.
    @Test func theSchemaIsTheDeclarations() {
        #expect(DatasetTables.sentences.header == ["id", "document_id", "block_id", "position", "text", "start", "end"])
        #expect(RecordTables.blocks.columns.map(\.schema) == DatasetTables.blocks.columns)
    }
}
