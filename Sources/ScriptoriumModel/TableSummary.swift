/// What the dataset-level descriptions (the schema.org `variableMeasured`, the landing page, the RO-Crate) say
/// about one CSV table: its file, its columns and its rows. A plain value, so that the writers of those files
/// need not depend on the CSV writer that defines the tables.
public struct TableSummary: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var name: String
        public var description: String

        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
    }

    public var name: String
    /// Path relative to `data/`, e.g. `csv/sentences.csv`.
    public var path: String
    public var description: String
    public var columns: [Column]
    public var rows: Int

    public init(name: String, path: String, description: String, columns: [Column], rows: Int) {
        self.name = name
        self.path = path
        self.description = description
        self.columns = columns
        self.rows = rows
    }
}
