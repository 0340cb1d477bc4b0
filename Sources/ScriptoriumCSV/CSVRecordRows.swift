import ScriptoriumModel

/// The CSV rows of one document's records, one byte buffer per table, in the column order of `DatasetTables`.
/// Built per document (in parallel), then appended to the table files in document order.
public struct CSVRecordRows: Sendable {
    public var documents = CSVEncoder()
    public var sections = CSVEncoder()
    public var blocks = CSVEncoder()
    public var sentences = CSVEncoder()
    public var mentions = CSVEncoder()

    public init(_ r: DocumentRecords) {
        let d = r.document
        for value in [d.id, d.title, d.source, d.sourceSHA256, d.language, d.license, d.creators.joined(separator: "; ")] {
            documents.field(value)
        }
        documents.field(d.byteCount)
        documents.field(d.codePointCount)
        documents.endRow()

        sections = CSVEncoder(capacity: r.sections.count * 80)
        for s in r.sections {
            sections.field(s.id); sections.field(s.documentID); sections.field(s.position); sections.field(s.level)
            sections.field(s.heading); sections.field(s.span.start); sections.field(s.span.end); sections.field(s.number)
            sections.endRow()
        }
        blocks = CSVEncoder(capacity: r.blocks.reduce(0) { $0 + $1.text.utf8.count + 80 })
        for b in r.blocks {
            blocks.field(b.id); blocks.field(b.documentID); blocks.field(b.sectionID); blocks.field(b.position)
            blocks.field(b.kind.rawValue); blocks.field(b.text); blocks.field(b.span.start); blocks.field(b.span.end)
            blocks.field(b.marker)
            blocks.endRow()
        }
        sentences = CSVEncoder(capacity: r.sentences.reduce(0) { $0 + $1.text.utf8.count + 80 })
        for s in r.sentences {
            sentences.field(s.id); sentences.field(s.documentID); sentences.field(s.blockID); sentences.field(s.position)
            sentences.field(s.text); sentences.field(s.span.start); sentences.field(s.span.end)
            sentences.endRow()
        }
        mentions = CSVEncoder(capacity: r.mentions.count * 90)
        for m in r.mentions {
            mentions.field(m.id); mentions.field(m.documentID); mentions.field(m.sentenceID); mentions.field(m.entityID)
            mentions.field(m.text); mentions.field(m.span.start); mentions.field(m.span.end)
            mentions.endRow()
        }
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
        for x in entities {
            e.field(x.id); e.field(x.name); e.field(x.type.rawValue); e.field(x.wikidata); e.field(x.mentions)
            e.field(x.aliases.joined(separator: " | "))
            e.field(x.geonames)
            e.endRow()
        }
        return e.bytes
    }
}
