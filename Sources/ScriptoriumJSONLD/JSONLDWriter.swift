import ScriptoriumModel

/// Writes JSON-LD 1.1 with schema.org terms. (Stub: the JSON-LD issue fills this in.)
public enum JSONLDWriter {
    public static let contextFileName = "context.jsonld"
    public static func context() -> [UInt8] { [] }
    public static func document(_ records: DocumentRecords, dataset: DatasetMetadata) -> [UInt8] { [] }
    public static func dataset(_ dataset: DatasetMetadata, documents: [DocumentRecord], entities: [EntityRecord], files: [PayloadFile]) -> [UInt8] { [] }
}
