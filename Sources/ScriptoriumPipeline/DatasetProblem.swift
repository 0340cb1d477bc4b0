import ScriptoriumValidate

/// One problem `validate` found in a dataset, as data: a stable code, the file (relative to `data/`), where in it,
/// and what is wrong. The command line puts it into words (`description`) or prints it as JSON (`validate --json`);
/// nothing downstream has to parse a message to learn what happened.
public struct DatasetProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where in the file.
    public enum Location: Sendable, Equatable {
        /// The file as a whole (or a member of it that `detail` names).
        case file
        /// A row of a table, counting the records after the header.
        case row(Int)
        /// A cell: its row when known, the record's id when the problem is about a record, and the column.
        case cell(row: Int?, id: String?, column: String)
        /// A place a checker of another format has already put into words (a TEI line and XPath, a JSON-LD
        /// node's JSON Pointer, a JSON line and column): `detail` is the whole message.
        case described
    }

    public var code: ProblemCode
    public var path: String
    public var location: Location
    /// What is wrong, in words, after the location.
    public var detail: String
    /// The value the dataset's own description expects, and the one found, when the problem is a mismatch of two
    /// values (a hash, a size, a count).
    public var expected: String?
    public var found: String?

    public init(_ code: ProblemCode, _ path: String, _ location: Location, _ detail: String,
                expected: String? = nil, found: String? = nil) {
        self.code = code
        self.path = path
        self.location = location
        self.detail = detail
        self.expected = expected
        self.found = found
    }

    /// A problem with the file as a whole.
    public init(_ code: ProblemCode, _ path: String, _ detail: String, expected: String? = nil, found: String? = nil) {
        self.init(code, path, .file, detail, expected: expected, found: found)
    }

    /// The problem as one line: `csv/sentences.csv row 12 column position: "x" is not an integer`.
    public var description: String {
        switch location {
        case .file: "\(path): \(detail)"
        case .row(let row): "\(path) row \(row): \(detail)"
        case .cell(let row, let id, let column):
            "\(path) \(row.map { "row \($0) " } ?? "")\(id.map { "(\($0)) " } ?? "")column \(column): \(detail)"
        case .described: detail
        }
    }
}
