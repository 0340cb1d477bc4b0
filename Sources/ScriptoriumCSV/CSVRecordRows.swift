import ScriptoriumModel

/// The CSV rows of one document's records, one byte buffer per table, written column by column as `RecordTables`
/// declares them. Built per document (in parallel), then appended to the table files in document order.
public struct CSVRecordRows: Sendable {
    public var documents = CSVEncoder()
    public var sections = CSVEncoder()
    public var blocks = CSVEncoder()
    public var sentences = CSVEncoder()
    public var mentions = CSVEncoder()

    public init(_ r: DocumentRecords) {
        RecordTables.documents.write(r.document, to: &documents)
        sections = CSVEncoder(capacity: r.sections.count * 80)
        for s in r.sections { RecordTables.sections.write(s, to: &sections) }
        blocks = CSVEncoder(capacity: r.blocks.reduce(0) { $0 + $1.text.utf8.count + 80 })
        for b in r.blocks { RecordTables.blocks.write(b, to: &blocks) }
        sentences = CSVEncoder(capacity: r.sentences.reduce(0) { $0 + $1.text.utf8.count + 80 })
        for s in r.sentences { RecordTables.sentences.write(s, to: &sentences) }
        mentions = CSVEncoder(capacity: r.mentions.count * 90)
        for m in r.mentions { RecordTables.mentions.write(m, to: &mentions) }
    }

    /// The header row of a table.
    public static func header(_ table: CSVTable) -> [UInt8] {
        var e = CSVEncoder()
        e.row(table.header)
        return e.bytes
    }

    /// The rows of the dataset-wide entities table.
    public static func entities(_ entities: [EntityRecord]) -> [UInt8] {
        var e = CSVEncoder(capacity: entities.count * 80)
        for x in entities { RecordTables.entities.write(x, to: &e) }
        return e.bytes
    }
}
