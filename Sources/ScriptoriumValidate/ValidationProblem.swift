/// One broken invariant, located precisely enough to find: the document, the table, the record and the field.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    public var document: String
    public var table: String
    public var record: String
    public var field: String
    public var message: String

    public init(document: String, table: String, record: String, field: String, message: String) {
        self.document = document
        self.table = table
        self.record = record
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(document): \(table) \(record.isEmpty ? "" : "\(record) ")\(field): \(message)"
    }
}
