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
    init(dataset: DatasetMetadata) throws

    /// A short name, also the build's stage for timing (`StageClock`) when one is named alike: `tei`.
    static var name: String { get }
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
        try write(tree) { try sink($0) }
    }
}
