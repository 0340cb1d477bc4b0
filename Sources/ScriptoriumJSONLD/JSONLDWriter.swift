import ScriptoriumModel

/// Writes the dataset's JSON-LD 1.1 (schema.org, plus the project namespace `https://scriptorium.example/ns#`
/// for what schema.org has no term for; see `JSONLDContext`). Pure: records in, bytes out; the pipeline owns
/// the files, and places them so (the references between them are relative):
///
/// - `data/context.jsonld` (`context()`), which the other files reference relatively, so nothing is fetched;
/// - `data/jsonld/<document id>.jsonld` (`document(_:dataset:)`), one per document, in a folder that holds
///   nothing else (its context is `../context.jsonld`, its source `../source/…`);
/// - `data/dataset.jsonld` (`dataset(_:documents:entities:files:)`), beside the context.
///
/// Every record is a node whose `@id` is `dataset.baseIRI` + its id. Output is deterministic: keys in a fixed
/// order, arrays in the order given.
public enum JSONLDWriter {
    public static let contextFileName = "context.jsonld"
    public static let datasetFileName = "dataset.jsonld"
    /// How a document's file, one folder below the context, refers to it.
    public static let documentContextReference = "../" + contextFileName
    /// The project's own vocabulary namespace.
    public static let namespace = JSONLDContext.namespace

    /// The shared context document, `data/context.jsonld`.
    public static func context() -> [UInt8] { JSONLDContext.document() }

    /// One document's JSON-LD, `data/jsonld/<document id>.jsonld`. Throws `DocumentTree.MisplacedRecord` for
    /// records that do not fit in a tree.
    public static func document(_ records: DocumentRecords, dataset: DatasetMetadata) throws -> [UInt8] {
        JSONLDDocumentWriter.write(try DocumentTree(records), dataset: dataset)
    }

    /// The same bytes as `document(_:dataset:)`, lent to `body` without being copied into an array.
    public static func withDocument<R>(_ tree: DocumentTree, dataset: DatasetMetadata,
                                       _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try JSONLDDocumentWriter.build(tree, dataset: dataset).finish(body)
    }

    /// The same bytes as `withDocument`, handed to `sink` in pieces of about a megabyte as they are made: the whole
    /// document's JSON-LD (four times its text and more) is never in memory at once.
    public static func writeDocument(_ tree: DocumentTree, dataset: DatasetMetadata,
                                     to sink: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try JSONLDDocumentWriter.build(tree, dataset: dataset, drain: sink).finishDraining()
    }

    /// The dataset's JSON-LD, `data/dataset.jsonld`. `documents` and `entities` in the order the CSV
    /// tables list them (entities with their dataset-wide `mentions`); `files` are the payload files to list
    /// as `distribution`, which cannot include `dataset.jsonld` itself (nor anything hashed after it).
    /// `tables` give `variableMeasured` (every column). `embedded` writes the context inline rather than by
    /// reference, for the landing page's `<script type="application/ld+json">`: otherwise the same bytes, so the
    /// page and `dataset.jsonld` describe one dataset.
    public static func dataset(_ dataset: DatasetMetadata, documents: [DocumentRecord], entities: [EntityRecord],
                               files: [PayloadFile], tables: [TableSummary] = [], embedded: Bool = false) -> [UInt8] {
        JSONLDDatasetWriter.write(dataset, documents: documents, entities: entities, files: files, tables: tables,
                                  embedded: embedded)
    }

    /// `dataset(…)` and `dataset(…, embedded: true)` from one writing of the description: what the build writes to
    /// `dataset.jsonld` and embeds in the landing page.
    public static func datasetBoth(_ dataset: DatasetMetadata, documents: [DocumentRecord], entities: [EntityRecord],
                                   files: [PayloadFile], tables: [TableSummary] = []) -> (file: [UInt8], embedded: [UInt8]) {
        JSONLDDatasetWriter.writeBoth(dataset, documents: documents, entities: entities, files: files, tables: tables)
    }

    /// Record nodes in `document(records, …)`: the document, its sections, blocks, sentences, mentions and
    /// the entities it mentions (blank nodes such as the source file's description are not counted).
    public static func nodeCount(_ records: DocumentRecords) -> Int {
        JSONLDDocumentWriter.nodeCount(records)
    }

    /// Record nodes in `dataset(…)`: the dataset, its documents and its entities (not the `DataDownload`s).
    public static func nodeCount(documents: [DocumentRecord], entities: [EntityRecord]) -> Int {
        JSONLDDatasetWriter.nodeCount(documents: documents, entities: entities)
    }
}
