import CLibXML2
import ScriptoriumModel

/// Writes one TEI P5 document per input document through libxml2. (Stub: the TEI issue fills this in.)
public final class TEIWriter: @unchecked Sendable {
    public init(dataset: DatasetMetadata) throws {}

    /// The TEI document for `records`, validated against the project's RELAX NG schema, serialised as UTF-8.
    public func write(_ records: DocumentRecords) throws -> [UInt8] { [] }
}
