/// One output format of a document (TEI, JSON-LD, …): the shape every per-document writer has, so that the
/// pipeline writes, hashes, lists and checks every format the same way, from one table (`DocumentFormats` in the
/// pipeline). A format is a function of the document's `DocumentTree`, as pandoc's writers are of its AST; the
/// pipeline owns the files (where, streamed or whole, hashing, removing them when a document fails).
///
/// To add a format: one type conforming to this protocol, in the target of its writer (its checker beside it),
/// and one line in `DocumentFormats.all`.
public protocol DocumentFormat: Sendable {
    /// Made once per build and shared by the worker threads (`write` may be called on several documents at once):
    /// whatever is costly and the same for every document (TEI compiles its schema) is prepared here.
    init(_ context: FormatContext) throws

    /// A short name, also the build's stage for timing (`StageClock`) when one is named alike: `tei`.
    static var name: String { get }
    /// What a reader calls it, where pages link a document's files to each other: `TEI`.
    static var label: String { get }
    /// The folder under `data/` holding this format's files and nothing else (see `OutputLayout`): `tei`.
    static var folder: String { get }
    /// The extension of its files, without the dot: `xml`.
    static var fileExtension: String { get }
    /// The media type and the data package's `format` for its files: `application/tei+xml`, `xml`.
    static var mediaType: String { get }
    static var formatName: String { get }

    /// How many records the document's file describes (the data package's `records`).
    func recordCount(_ tree: DocumentTree) -> Int

    /// The document's file, serialised whole and lent to `body` (not kept after it returns).
    func write<R>(_ tree: DocumentTree, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R

    /// The same bytes, handed to `sink` in pieces as they are made, for large documents (a megabyte and more)
    /// whose file should never be in memory whole. The default serialises whole and hands that over once.
    func write(_ tree: DocumentTree, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws

    /// `validate`'s check of a file this format wrote (`bytes`, found at `path` under `data/`) against the
    /// document's records as the CSV tables give them: one line per problem, each naming `path`. It takes the
    /// records rather than a tree because they are read back from the CSV, where a record may lack its parent (the
    /// tables' own checks report that) and the file should still be compared with what the tables do say.
    static func check(_ bytes: [UInt8], path: String, records: DocumentRecords) -> [String]
}

extension DocumentFormat {
    /// Where a document's file goes, relative to `data/`: `tei/<document id>.xml`.
    public static func path(forDocument id: String) -> String { "\(folder)/\(id).\(fileExtension)" }

    public func write(_ tree: DocumentTree, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        // Not a trailing closure: that would match `to:` and call this very function again.
        try write(tree, { try sink($0) })
    }
}

/// What every format of a build is made with: the dataset's metadata, and where each document's files are in
/// every format of the build (a reading view links to the same document's source copy, TEI and JSON-LD, and the
/// landing page to all of them), so that a format never needs to know another format's type.
public struct FormatContext: Sendable {
    public let dataset: DatasetMetadata
    private let formats: [(label: String, folder: String, fileExtension: String)]

    /// The folder under `data/` holding the source copies, byte for byte, under their paths relative to the input.
    public static let sourceFolder = "source"

    public init(dataset: DatasetMetadata, formats: [any DocumentFormat.Type]) {
        self.dataset = dataset
        self.formats = formats.map { ($0.label, $0.folder, $0.fileExtension) }
    }

    /// A document's files, relative to `data/`: its source copy first, then one per format in table order.
    public func files(of document: DocumentRecord) -> [DocumentFile] {
        [DocumentFile(label: "source", path: "\(Self.sourceFolder)/\(document.source)")]
            + formats.map { DocumentFile(label: $0.label, path: "\($0.folder)/\(document.id).\($0.fileExtension)") }
    }
}

/// One file of a document, as pages link to it: `TEI` at `tei/essay.xml` (relative to `data/`).
public struct DocumentFile: Sendable, Hashable {
    public let label: String
    public let path: String

    public init(label: String, path: String) {
        self.label = label
        self.path = path
    }
}
