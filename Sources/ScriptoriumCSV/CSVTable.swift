import ScriptoriumModel

/// The six tables of the dataset (SPEC §3) as Frictionless table schemas: columns, types, keys.
/// The CSV encoder writes these columns in this order, and the data package describes them from here,
/// so the header row and the schema cannot drift apart.
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

public enum DatasetTables {
    static let idColumn = CSVColumn("id", .string, "Record id, unique in the dataset; also the TEI xml:id and the JSON-LD @id fragment.",
                                    pattern: "[A-Za-z_][A-Za-z0-9_.-]*")
    static let start = CSVColumn("start", .integer, "Start offset in Unicode code points into the source (the file read as UTF-8, BOM dropped, newlines kept).")
    static let end = CSVColumn("end", .integer, "End offset (exclusive) in code points into the source.")
    static func documentID() -> CSVColumn { CSVColumn("document_id", .string, "The document the record belongs to.") }
    static func position(_ within: String) -> CSVColumn { CSVColumn("position", .integer, "1-based position within its \(within), in source order.") }

    public static let documents = CSVTable(
        name: "documents", description: "One row per input document.",
        columns: [
            idColumn,
            CSVColumn("title", .string, "Title, from the document's metadata sidecar or its file name."),
            CSVColumn("source", .string, "Path of the source file relative to the input folder; a copy is in the bag under data/source/."),
            CSVColumn("source_sha256", .string, "SHA-256 of the source file's bytes.", pattern: "[0-9a-f]{64}"),
            CSVColumn("language", .string, "BCP 47 language tag."),
            CSVColumn("license", .string, "Licence of the document."),
            CSVColumn("creator", .string, required: false, "Creators, separated by '; '."),
            CSVColumn("bytes", .integer, "Size of the source file in bytes."),
            CSVColumn("characters", .integer, "Length of the source in code points (BOM dropped)."),
        ],
        foreignKeys: [])

    public static let sections = CSVTable(
        name: "sections", description: "Headings; a section's span is its heading line.",
        columns: [idColumn, documentID(), position("document"),
                  CSVColumn("level", .integer, "Heading level, 1 for plain-text headings."),
                  CSVColumn("heading", .string, "Normalised heading text, without its number."), start, end,
                  CSVColumn("number", .string, required: false,
                            "The heading's number as written (2.1, IV, § 2, 5 for 'Article 5'), out of the heading text; empty when it has none.")],
        foreignKeys: [CSVForeignKey(field: "document_id", table: "documents", referencedField: "id")])

    public static let blocks = CSVTable(
        name: "blocks",
        description: "Paragraphs, list items and verbatim blocks (text that is not prose: code, tables, commands, field lists, lone URLs); a list item's span leaves out its marker.",
        columns: [idColumn, documentID(),
                  CSVColumn("section_id", .string, required: false, "The section the block is in; empty before the first heading."),
                  position("document"),
                  CSVColumn("kind", .string, "paragraph, list_item, or verbatim for text that is not prose (never split into sentences).",
                            allowed: BlockKind.allCases.map(\.rawValue)),
                  CSVColumn("text", .string, "Normalised text of the span; for a verbatim block the span as written (line ends as LF, characters XML forbids as U+FFFD, NFC)."),
                  start, end,
                  CSVColumn("marker", .string, required: false,
                            "A list item's marker as written, less a trailing full stop (iv, (a), 1), -, *); empty for paragraphs and verbatim blocks.")],
        foreignKeys: [CSVForeignKey(field: "document_id", table: "documents", referencedField: "id"),
                      CSVForeignKey(field: "section_id", table: "sections", referencedField: "id")])

    public static let sentences = CSVTable(
        name: "sentences", description: "Sentences of each block.",
        columns: [idColumn, documentID(),
                  CSVColumn("block_id", .string, "The block the sentence is in."),
                  position("block"),
                  CSVColumn("text", .string, "Normalised text of the span."), start, end],
        foreignKeys: [CSVForeignKey(field: "document_id", table: "documents", referencedField: "id"),
                      CSVForeignKey(field: "block_id", table: "blocks", referencedField: "id")])

    public static let entities = CSVTable(
        name: "entities", description: "Entities from the lexicon and dates, with their number of mentions in the dataset.",
        columns: [idColumn,
                  CSVColumn("name", .string, "Canonical name; for a date, its ISO 8601 value."),
                  CSVColumn("type", .string, "Entity type.", allowed: ["place", "organization", "legal_instrument", "event", "person", "date"]),
                  CSVColumn("wikidata", .string, required: false, "Wikidata id (Q…) where known for certain; empty otherwise.", pattern: "Q[1-9][0-9]*"),
                  CSVColumn("mentions", .integer, "Number of mentions in the dataset."),
                  CSVColumn("aliases", .string, required: false, "Other names matched in the text, separated by ' | '."),
                  CSVColumn("geonames", .string, required: false, "GeoNames id (https://sws.geonames.org/ID/) where known; empty otherwise.", pattern: "[1-9][0-9]*")],
        foreignKeys: [])

    public static let mentions = CSVTable(
        name: "mentions", description: "Each place an entity or date is mentioned; text is exactly the source text of the span.",
        columns: [idColumn, documentID(),
                  CSVColumn("sentence_id", .string, "The sentence the mention is in."),
                  CSVColumn("entity_id", .string, "The entity mentioned."),
                  CSVColumn("text", .string, "Exact source text of the span."), start, end],
        foreignKeys: [CSVForeignKey(field: "document_id", table: "documents", referencedField: "id"),
                      CSVForeignKey(field: "sentence_id", table: "sentences", referencedField: "id"),
                      CSVForeignKey(field: "entity_id", table: "entities", referencedField: "id")])

    /// In the order they are listed in the data package (referenced tables first).
    public static let all: [CSVTable] = [documents, sections, blocks, sentences, entities, mentions]
}
