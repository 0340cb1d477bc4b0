import ScriptoriumModel

/// TEI P5 as one of the document formats the pipeline writes (`DocumentFormat`): `data/tei/<document id>.xml`,
/// written by `TEIWriter` and checked by `TEIChecker`. One `TEIFormat` per build shares the compiled schema.
public struct TEIFormat: DocumentFormat {
    public static let name = "tei"
    public static let label = "TEI"
    public static let folder = "tei"
    public static let fileExtension = "xml"
    public static let mediaType = "application/tei+xml"
    public static let formatName = "xml"

    private let writer: TEIWriter

    public init(_ context: FormatContext) throws {
        writer = try TEIWriter(dataset: context.dataset)
    }

    /// The records the file describes, as the manifest counts them: its sentences.
    public func recordCount(_ tree: DocumentTree) -> Int { tree.records.sentences.count }

    public func write<R>(_ tree: DocumentTree, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try writer.write(tree) { try body(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ tree: DocumentTree, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try writer.write(tree, to: sink)
    }

    public static func check(_ bytes: [UInt8], path: String, records: DocumentRecords) -> [String] {
        TEIChecker.check(fileBytes: bytes, path: path, records: records)
    }
}
