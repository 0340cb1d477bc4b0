import Foundation
import ScriptoriumModel

/// The six tables of the dataset (SPEC §3), each declared once in `RecordTables`: its Frictionless schema
/// (columns, types, constraints, keys) and how a record is written to its cells and read back from them. The CSV
/// encoder, the data package, `validate`'s column checks and its reader of records all derive from there, so the
/// header row, the schema and the rows cannot drift apart.
public struct CSVColumn: Sendable, Equatable {
    public enum Kind: String, Sendable { case string, integer }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var description: String
    /// A regular expression the value must match (Frictionless `pattern` constraint), if any.
    public var pattern: String?
    /// The allowed values (Frictionless `enum` constraint), if any.
    public var allowed: [String]?

    public init(_ name: String, _ kind: Kind, required: Bool = true, _ description: String,
                pattern: String? = nil, allowed: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.required = required
        self.description = description
        self.pattern = pattern
        self.allowed = allowed
    }
}

public struct CSVForeignKey: Sendable, Equatable {
    public var field: String
    public var table: String
    public var referencedField: String
}

public struct CSVTable: Sendable, Equatable {
    public var name: String
    public var description: String
    public var columns: [CSVColumn]
    public var foreignKeys: [CSVForeignKey]
    public var primaryKey: String { "id" }
    /// Path inside the bag's `data/` folder.
    public var path: String { "csv/\(name).csv" }

    public var header: [String] { columns.map(\.name) }
}

/// One column of a table: its schema, the record's value it holds, and how that value is written to a cell and
/// read back from one.
public struct RecordColumn<Record>: Sendable {
    public let schema: CSVColumn
    @usableFromInline let access: Access

    /// The record's value, by its kind. One plain function per direction and no captured state: the encoder
    /// calls a column's getter once per cell of every row a build writes.
    @usableFromInline enum Access: Sendable {
        case text(@Sendable (Record) -> String, @Sendable (inout Record, String) -> Void)
        /// nil is written as an empty cell, and an empty cell reads as nil (the data package's `missingValues`).
        case optional(@Sendable (Record) -> String?, @Sendable (inout Record, String?) -> Void)
        /// A cell that is not an integer reads as -1, which no count, position or offset is; the column checks
        /// report the cell itself.
        case integer(@Sendable (Record) -> Int, @Sendable (inout Record, Int) -> Void)
        /// A list in one cell, its items joined by the separator.
        case list(separator: String, @Sendable (Record) -> [String], @Sendable (inout Record, [String]) -> Void)

        @inlinable
        func write(_ record: Record, to encoder: inout CSVEncoder) {
            switch self {
            case .text(let get, _): encoder.field(get(record))
            case .optional(let get, _): encoder.field(get(record))
            case .integer(let get, _): encoder.field(get(record))
            case .list(let separator, let get, _): encoder.field(get(record).joined(separator: separator))
            }
        }

        @inlinable
        func read(_ field: String, into record: inout Record) {
            switch self {
            case .text(_, let set): set(&record, field)
            case .optional(_, let set): set(&record, field.isEmpty ? nil : field)
            case .integer(_, let set): set(&record, Int(field) ?? -1)
            case .list(let separator, _, let set): set(&record, RecordColumn.items(field, separator))
            }
        }
    }

    static func text(_ schema: CSVColumn, _ get: @escaping @Sendable (Record) -> String,
                     _ set: @escaping @Sendable (inout Record, String) -> Void) -> Self {
        Self(schema: schema, access: .text(get, set))
    }

    static func optional(_ schema: CSVColumn, _ get: @escaping @Sendable (Record) -> String?,
                         _ set: @escaping @Sendable (inout Record, String?) -> Void) -> Self {
        Self(schema: schema, access: .optional(get, set))
    }

    static func integer(_ schema: CSVColumn, _ get: @escaping @Sendable (Record) -> Int,
                        _ set: @escaping @Sendable (inout Record, Int) -> Void) -> Self {
        Self(schema: schema, access: .integer(get, set))
    }

    static func list(_ schema: CSVColumn, separator: String, _ get: @escaping @Sendable (Record) -> [String],
                     _ set: @escaping @Sendable (inout Record, [String]) -> Void) -> Self {
        Self(schema: schema, access: .list(separator: separator, get, set))
    }

    /// The items of a list cell (none in an empty one).
    @usableFromInline
    static func items(_ field: String, _ separator: String) -> [String] {
        field.isEmpty ? [] : field.components(separatedBy: separator)
    }
}

/// A table of records: its schema and columns, and the record that reading starts from (values that are not
/// columns: a mention's place in its sentence's text, a document's description, which the tables do not carry).
public struct RecordTable<Record: Sendable>: Sendable {
    public let table: CSVTable
    public let columns: [RecordColumn<Record>]
    /// The columns' accessors alone, in their order: what writing and reading a row goes through (a column's schema
    /// is not copied for every cell).
    @usableFromInline let accessors: [RecordColumn<Record>.Access]
    @usableFromInline let blank: Record

    init(name: String, description: String, blank: Record, columns: [RecordColumn<Record>], foreignKeys: [CSVForeignKey] = []) {
        table = CSVTable(name: name, description: description, columns: columns.map(\.schema), foreignKeys: foreignKeys)
        self.columns = columns
        accessors = columns.map(\.access)
        self.blank = blank
    }

    /// Appends the row of `record`. Inlinable, as `read` is: a caller in another module then runs it specialised
    /// for its record type, without looking up generic metadata for every row.
    @inlinable
    public func write(_ record: Record, to encoder: inout CSVEncoder) {
        accessors.withUnsafeBufferPointer { for access in $0 { access.write(record, to: &encoder) } }
        encoder.endRow()
    }

    /// The record a row holds; `fields` are in the order of the columns (a header the caller has checked).
    @inlinable
    public func read(_ fields: [String]) -> Record {
        var record = blank
        for (access, field) in zip(accessors, fields) { access.read(field, into: &record) }
        return record
    }
}

private protocol IdentifiedRecord: Sendable { var id: String { get set } }
private protocol DocumentPart: IdentifiedRecord { var documentID: String { get set }; var span: Span { get set } }
extension DocumentRecord: IdentifiedRecord {}
extension EntityRecord: IdentifiedRecord {}
extension SectionRecord: DocumentPart {}
extension BlockRecord: DocumentPart {}
extension SentenceRecord: DocumentPart {}
extension MentionRecord: DocumentPart {}

/// The six tables, each declared once: column by column, its schema and the record's field it holds.
public enum RecordTables {
    static let idColumn = CSVColumn("id", .string, "Record id, unique in the dataset; also the TEI xml:id and the JSON-LD @id fragment.",
                                    pattern: "[A-Za-z_][A-Za-z0-9_.-]*")
    static let startColumn = CSVColumn("start", .integer, "Start offset in Unicode code points into the source (the file read as UTF-8, BOM dropped, newlines kept).")
    static let endColumn = CSVColumn("end", .integer, "End offset (exclusive) in code points into the source.")
    static let documentIDColumn = CSVColumn("document_id", .string, "The document the record belongs to.")
    static func positionColumn(_ within: String) -> CSVColumn { CSVColumn("position", .integer, "1-based position within its \(within), in source order.") }
    static let ownedByDocument = CSVForeignKey(field: "document_id", table: "documents", referencedField: "id")

    // The columns every record has (its id), and those of a document's parts: its document, start and end.
    private static func id<R: IdentifiedRecord>(_: R.Type) -> RecordColumn<R> { .text(idColumn, { $0.id }, { $0.id = $1 }) }
    private static func documentID<R: DocumentPart>(_: R.Type) -> RecordColumn<R> {
        .text(documentIDColumn, { $0.documentID }, { $0.documentID = $1 })
    }
    private static func spanColumns<R: DocumentPart>(_: R.Type) -> [RecordColumn<R>] {
        [.integer(startColumn, { $0.span.start }, { $0.span.start = $1 }), .integer(endColumn, { $0.span.end }, { $0.span.end = $1 })]
    }

    public static let documents = RecordTable<DocumentRecord>(
        name: "documents", description: "One row per input document.",
        blank: DocumentRecord(id: "", title: "", source: "", sourceSHA256: "", language: "", license: "", creators: [],
                              byteCount: -1, codePointCount: -1),
        columns: [
            id(DocumentRecord.self),
            .text(CSVColumn("title", .string, "Title, from the document's metadata sidecar or its file name."), { $0.title }, { $0.title = $1 }),
            .text(CSVColumn("source", .string, "Path of the source file relative to the input folder; a copy is in the bag under data/source/."),
                  { $0.source }, { $0.source = $1 }),
            .text(CSVColumn("source_sha256", .string, "SHA-256 of the source file's bytes.", pattern: "[0-9a-f]{64}"),
                  { $0.sourceSHA256 }, { $0.sourceSHA256 = $1 }),
            .text(CSVColumn("language", .string, "BCP 47 language tag."), { $0.language }, { $0.language = $1 }),
            .text(CSVColumn("license", .string, "Licence of the document."), { $0.license }, { $0.license = $1 }),
            .list(CSVColumn("creator", .string, required: false, "Creators, separated by '; '."), separator: "; ",
                  { $0.creators }, { $0.creators = $1 }),
            .integer(CSVColumn("bytes", .integer, "Size of the source file in bytes."), { $0.byteCount }, { $0.byteCount = $1 }),
            .integer(CSVColumn("characters", .integer, "Length of the source in code points (BOM dropped)."),
                     { $0.codePointCount }, { $0.codePointCount = $1 }),
        ])

    public static let sections = RecordTable<SectionRecord>(
        name: "sections", description: "Headings; a section's span is its heading line.",
        blank: SectionRecord(id: "", documentID: "", position: -1, level: -1, heading: "", span: Span(start: -1, end: -1)),
        columns: [id(SectionRecord.self), documentID(SectionRecord.self),
                  .integer(positionColumn("document"), { $0.position }, { $0.position = $1 }),
                  .integer(CSVColumn("level", .integer, "Heading level, 1 for plain-text headings."), { $0.level }, { $0.level = $1 }),
                  .text(CSVColumn("heading", .string, "Normalised heading text, without its number."), { $0.heading }, { $0.heading = $1 })]
            + spanColumns(SectionRecord.self)
            + [.optional(CSVColumn("number", .string, required: false,
                                   "The heading's number as written (2.1, IV, § 2, 5 for 'Article 5'), out of the heading text; empty when it has none."),
                         { $0.number }, { $0.number = $1 })],
        foreignKeys: [ownedByDocument])

    public static let blocks = RecordTable<BlockRecord>(
        name: "blocks",
        description: "Paragraphs, list items and verbatim blocks (text that is not prose: code, tables, commands, field lists, lone URLs); a list item's span leaves out its marker.",
        blank: BlockRecord(id: "", documentID: "", sectionID: nil, position: -1, kind: .paragraph, text: "", span: Span(start: -1, end: -1)),
        columns: [id(BlockRecord.self), documentID(BlockRecord.self),
                  .optional(CSVColumn("section_id", .string, required: false, "The section the block is in; empty before the first heading."),
                            { $0.sectionID }, { $0.sectionID = $1 }),
                  .integer(positionColumn("document"), { $0.position }, { $0.position = $1 }),
                  // A kind outside the enumeration is reported by the column checks; the record reads as a paragraph.
                  .text(CSVColumn("kind", .string, "paragraph, list_item, or verbatim for text that is not prose (never split into sentences).",
                                  allowed: BlockKind.allCases.map(\.rawValue)),
                        { $0.kind.rawValue }, { $0.kind = BlockKind(rawValue: $1) ?? .paragraph }),
                  .text(CSVColumn("text", .string, "Normalised text of the span; for a verbatim block the span as written (line ends as LF, characters XML forbids as U+FFFD, NFC)."),
                        { $0.text }, { $0.text = $1 })]
            + spanColumns(BlockRecord.self)
            + [.optional(CSVColumn("marker", .string, required: false,
                                   "A list item's marker as written, less a trailing full stop (iv, (a), 1), -, *); empty for paragraphs and verbatim blocks."),
                         { $0.marker }, { $0.marker = $1 })],
        foreignKeys: [ownedByDocument, CSVForeignKey(field: "section_id", table: "sections", referencedField: "id")])

    public static let sentences = RecordTable<SentenceRecord>(
        name: "sentences", description: "Sentences of each block.",
        blank: SentenceRecord(id: "", documentID: "", blockID: "", position: -1, text: "", span: Span(start: -1, end: -1)),
        columns: [id(SentenceRecord.self), documentID(SentenceRecord.self),
                  .text(CSVColumn("block_id", .string, "The block the sentence is in."), { $0.blockID }, { $0.blockID = $1 }),
                  .integer(positionColumn("block"), { $0.position }, { $0.position = $1 }),
                  .text(CSVColumn("text", .string, "Normalised text of the span."), { $0.text }, { $0.text = $1 })]
            + spanColumns(SentenceRecord.self),
        foreignKeys: [ownedByDocument, CSVForeignKey(field: "block_id", table: "blocks", referencedField: "id")])

    public static let entities = RecordTable<EntityRecord>(
        name: "entities", description: "Entities: places, organisations, instruments and events from the lexicons, names recognised by their form (a treaty, a council, a force), and dates; with their number of mentions in the dataset.",
        blank: EntityRecord(id: "", name: "", type: .place, wikidata: nil, aliases: [], mentions: -1),
        columns: [
            id(EntityRecord.self),
            .text(CSVColumn("name", .string, "Canonical name; for a date, its ISO 8601 value."), { $0.name }, { $0.name = $1 }),
            // A type outside the enumeration is reported by the column checks; the record reads as a place.
            .text(CSVColumn("type", .string, "Entity type.", allowed: ["place", "organization", "legal_instrument", "event", "person", "date", "name"]),
                  { $0.type.rawValue }, { $0.type = EntityType(rawValue: $1) ?? .place }),
            .optional(CSVColumn("wikidata", .string, required: false, "Wikidata id (Q…) where known for certain; empty otherwise.", pattern: "Q[1-9][0-9]*"),
                      { $0.wikidata }, { $0.wikidata = $1 }),
            .integer(CSVColumn("mentions", .integer, "Number of mentions in the dataset."), { $0.mentions }, { $0.mentions = $1 }),
            .list(CSVColumn("aliases", .string, required: false, "Other names matched in the text, separated by ' | '."), separator: " | ",
                  { $0.aliases }, { $0.aliases = $1 }),
            .optional(CSVColumn("geonames", .string, required: false, "GeoNames id (https://sws.geonames.org/ID/) where known; empty otherwise.", pattern: "[1-9][0-9]*"),
                      { $0.geonames }, { $0.geonames = $1 }),
        ])

    /// A mention's place in its sentence's text is not a column: a record read back has the empty range there.
    public static let mentions = RecordTable<MentionRecord>(
        name: "mentions", description: "Each place an entity or date is mentioned; text is exactly the source text of the span.",
        blank: MentionRecord(id: "", documentID: "", sentenceID: "", entityID: "", text: "", span: Span(start: -1, end: -1), rangeInSentence: 0..<0),
        columns: [id(MentionRecord.self), documentID(MentionRecord.self),
                  .text(CSVColumn("sentence_id", .string, "The sentence the mention is in."), { $0.sentenceID }, { $0.sentenceID = $1 }),
                  .text(CSVColumn("entity_id", .string, "The entity mentioned."), { $0.entityID }, { $0.entityID = $1 }),
                  .text(CSVColumn("text", .string, "Exact source text of the span."), { $0.text }, { $0.text = $1 })]
            + spanColumns(MentionRecord.self),
        foreignKeys: [ownedByDocument, CSVForeignKey(field: "sentence_id", table: "sentences", referencedField: "id"),
                      CSVForeignKey(field: "entity_id", table: "entities", referencedField: "id")])
}

/// The tables' schemas, as the data package, `validate` and the table files list them.
public enum DatasetTables {
    public static let documents = RecordTables.documents.table
    public static let sections = RecordTables.sections.table
    public static let blocks = RecordTables.blocks.table
    public static let sentences = RecordTables.sentences.table
    public static let entities = RecordTables.entities.table
    public static let mentions = RecordTables.mentions.table

    /// In the order they are listed in the data package (referenced tables first).
    public static let all: [CSVTable] = [documents, sections, blocks, sentences, entities, mentions]
}
