import ScriptoriumModel

/// JSON-LD as one of the document formats the pipeline writes (`DocumentFormat`):
/// `data/jsonld/<document id>.jsonld`, written by `JSONLDDocumentWriter` and checked by `JSONLDChecker`.
public struct JSONLDFormat: DocumentFormat {
    public static let name = "jsonld"
    public static let label = "JSON-LD"
    public static let folder = "jsonld"
    public static let fileExtension = "jsonld"
    public static let mediaType = "application/ld+json"
    public static let formatName = "jsonld"

    private let dataset: DatasetMetadata

    public init(_ context: FormatContext) {
        dataset = context.dataset
    }

    public func recordCount(_ tree: DocumentTree) -> Int { JSONLDWriter.nodeCount(tree.records) }

    public func write<R>(_ tree: DocumentTree, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try JSONLDWriter.withDocument(tree, dataset: dataset) { try body(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ tree: DocumentTree, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try JSONLDWriter.writeDocument(tree, dataset: dataset) { try sink(UnsafeRawBufferPointer($0)) }
    }

    public static func check(_ bytes: [UInt8], path: String, records: DocumentRecords) -> [String] {
        JSONLDChecker.check(fileBytes: bytes, path: path, records: records)
    }
}
