/// What kind of problem `validate` (or a build's own check) found, as a stable name a script can match on: the
/// wording of a message may change from release to release, its code does not. The README lists them all.
///
/// Codes are `area.what`: `record.*` for a record that breaks SPEC §3 (from `RecordValidator`), `table.*` and
/// `csv.*` for the tables as files, `datapackage.*`, `manifest.*` and `payload.*` for the files that describe the
/// bag, and `json.*`, `tei.*`, `jsonld.*` for the formats.
public enum ProblemCode: String, Sendable, CaseIterable, Codable {
    // One record against the contract.
    case recordIDNotNCName = "record.id-not-ncname"
    case recordDuplicateID = "record.duplicate-id"
    case recordEmpty = "record.empty"
    case recordMalformedValue = "record.malformed-value"
    case recordCountMismatch = "record.count-mismatch"
    case recordWrongDocument = "record.wrong-document"
    case recordWrongPosition = "record.wrong-position"
    case recordDanglingReference = "record.dangling-reference"
    case recordOutsideParent = "record.outside-parent"
    case recordInconsistent = "record.inconsistent"
    case recordBadSpan = "record.bad-span"
    case recordOutOfOrder = "record.out-of-order"
    case recordTextMismatch = "record.text-mismatch"
    // The tables as files, and their cells.
    case fileMissing = "file.missing"
    case fileUnreadable = "file.unreadable"
    case csvMalformed = "csv.malformed"
    case csvWrongHeader = "csv.wrong-header"
    case csvWrongFieldCount = "csv.wrong-field-count"
    case tableRequiredValueEmpty = "table.required-value-empty"
    case tableNotInteger = "table.not-integer"
    case tableNotAllowed = "table.not-allowed"
    case tableNotNCName = "table.not-ncname"
    case tablePatternMismatch = "table.pattern-mismatch"
    case tableDuplicateID = "table.duplicate-id"
    case tableSharedID = "table.shared-id"
    case tableDanglingReference = "table.dangling-reference"
    case tableMentionCount = "table.mention-count"
    case tableSourceMissing = "table.source-missing"
    case tableSourceHashMismatch = "table.source-hash-mismatch"
    // The files that describe the bag.
    case payloadUnreadableFolder = "payload.unreadable-folder"
    case payloadNotRegularFile = "payload.not-regular-file"
    case datapackageMalformed = "datapackage.malformed"
    case datapackageMissingResource = "datapackage.missing-resource"
    case datapackageSizeMismatch = "datapackage.size-mismatch"
    case datapackageHashMismatch = "datapackage.hash-mismatch"
    case manifestMissing = "manifest.missing"
    case manifestMalformed = "manifest.malformed"
    case manifestCountMismatch = "manifest.count-mismatch"
    case manifestInputMismatch = "manifest.input-mismatch"
    case manifestMissingFile = "manifest.missing-file"
    case manifestUnlistedFile = "manifest.unlisted-file"
    case manifestSizeMismatch = "manifest.size-mismatch"
    case manifestHashMismatch = "manifest.hash-mismatch"
    // The formats, each against its own rules and against the tables.
    case jsonSyntax = "json.syntax"
    case teiInvalid = "tei.invalid"
    case jsonldMismatch = "jsonld.mismatch"
    case htmlInvalid = "html.invalid"
    /// A format added to the table without a code of its own.
    case formatMismatch = "format.mismatch"
    // The files for publishing: the pages and the RO-Crate.
    case htmlBrokenLink = "html.broken-link"
    case htmlDatasetMismatch = "html.dataset-mismatch"
    case rocrateMalformed = "rocrate.malformed"
    case rocrateMissingFile = "rocrate.missing-file"
    case rocrateUnlistedFile = "rocrate.unlisted-file"
    case rocrateSizeMismatch = "rocrate.size-mismatch"
    case rocrateHashMismatch = "rocrate.hash-mismatch"
}

/// One broken invariant, located precisely enough to find: the document, the table, the record and the field.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    public var code: ProblemCode
    public var document: String
    public var table: String
    public var record: String
    public var field: String
    public var message: String

    public init(code: ProblemCode, document: String, table: String, record: String, field: String, message: String) {
        self.code = code
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
