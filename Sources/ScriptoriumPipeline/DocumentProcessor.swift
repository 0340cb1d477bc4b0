import Foundation
import ScriptoriumExtract
import ScriptoriumModel
import ScriptoriumNormalize
import ScriptoriumValidate
import ScriptoriumBag

/// Extract → normalize → validate for one document. Pure apart from reading the input file, so documents can
/// be processed on several cores at once.
public struct DocumentProcessor: Sendable {
    public let dataset: DatasetMetadata
    public let normalizer: DocumentNormalizer

    public init(dataset: DatasetMetadata, matcher: EntityMatcher) {
        self.dataset = dataset
        self.normalizer = DocumentNormalizer(matcher: matcher)
    }

    public struct Result: Sendable {
        public var records: DocumentRecords
        /// The file's bytes as read (with a BOM, if it had one): copied into the bag unchanged.
        public var fileBytes: [UInt8]
    }

    /// The bytes of `input` as read, and its checked text: every reason a file is not a document (unreadable, not
    /// UTF-8, binary, empty) is a `ScriptoriumError` naming it.
    /// `fileBytes`: the file's bytes when the caller has read them already (a cached build, for the key).
    public static func read(_ input: InputDocument, fileBytes given: [UInt8]? = nil,
                            clock: StageClock? = nil) throws -> (fileBytes: [UInt8], source: SourceText) {
        let fileBytes = try given ?? clock.measure(.read) { try bytes(of: input) }
        return (fileBytes, try clock.measure(.read) { try SourceText(fileBytes: fileBytes, path: input.url.path) })
    }

    /// The file's bytes; a file that cannot be read (or is not a regular file) is a `ScriptoriumError` naming it.
    static func bytes(of input: InputDocument) throws -> [UInt8] {
        do {
            return try RegularFile.bytes(at: input.url.path)
        } catch {
            if case .notRegular = error { throw ScriptoriumError(.input, path: input.url.path, error.description) }
            throw ScriptoriumError(.input, path: input.url.path, "cannot be read (\(error))")
        }
    }

    public func process(_ input: InputDocument, documentID: String, fileBytes given: [UInt8]? = nil,
                        clock: StageClock? = nil) throws -> Result {
        let shown = input.relativePath
        let (fileBytes, source) = try Self.read(input, fileBytes: given, clock: clock)
        let meta = try MetadataFiles.document(for: input.url)
        let document = DocumentRecord(
            id: documentID,
            title: meta.title ?? MetadataFiles.title(fromFileName: input.url.lastPathComponent),
            source: input.relativePath,
            sourceSHA256: clock.measure(.read) { SHA256Hex.of(fileBytes) },
            language: meta.language ?? "en",
            license: meta.license ?? dataset.license,
            creators: meta.creators ?? dataset.creators,
            description: meta.description,
            byteCount: fileBytes.count,
            codePointCount: source.index.codePointCount)
        let hints = meta.hints(for: input.relativePath)
        if meta.layout != nil, let problem = hints.problem(lineCount: LayoutHints.lineCount(of: source)) {
            throw ScriptoriumError(.input, path: MetadataFiles.sidecarURL(for: input.url).path, problem)
        }
        let extracted = clock.measure(.extract) { DocumentExtractor.extract(document: document, source: source, hints: hints) }
        if extracted.blocks.isEmpty {
            throw ScriptoriumError(.input, path: input.url.path, "has no paragraphs or list items (only headings)")
        }
        let records = clock.measure(.normalize) { normalizer.normalize(extracted) }
        let problems = clock.measure(.validate) { RecordValidator.validate(records, source: source.bytes, index: source.index) }
        if !problems.isEmpty {
            let listed = problems.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            throw ScriptoriumError(.validation, path: shown,
                                   "\(problems.count) record(s) failed validation:\n\(listed)")
        }
        return Result(records: records, fileBytes: fileBytes)
    }
}
