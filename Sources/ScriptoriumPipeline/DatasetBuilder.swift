import Foundation
import ScriptoriumBag
import ScriptoriumCSV
import ScriptoriumJSONLD
import ScriptoriumModel
import ScriptoriumNormalize
import ScriptoriumTEI

/// What `scriptorium build` was asked to do.
public struct BuildOptions: Sendable {
    public var inputs: [String]
    public var output: String
    public var jobs: Int
    /// A lexicon file; nil means `lexicon.json` in the (first) input folder, if there is one.
    public var lexicon: String?
    /// Called with progress lines (the command line shows them only on a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// Build the documents that can be built and list the others, with their reasons, in `data/build.json`
    /// (`--keep-going`); by default any bad input fails the whole build and nothing is written.
    public var keepGoing = false
    /// When set, CPU time per stage is added up here (`build --timings`).
    public var clock: StageClock?

    public init(inputs: [String], output: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                lexicon: String? = nil, progress: (@Sendable (String) -> Void)? = nil) {
        self.inputs = inputs
        self.output = output
        self.jobs = max(1, jobs)
        self.lexicon = lexicon
        self.progress = progress
    }
}

/// What a finished build reports.
public struct BuildSummary: Sendable {
    public var documents: Int
    public var inputBytes: Int
    public var recordCounts: [(table: String, count: Int)]
    public var files: Int
    /// Inputs skipped by a `--keep-going` build, with their reasons (empty otherwise).
    public var skipped: [SkippedInput] = []
    /// How many lexicon entries the build matched against (0: no lexicon was found, only dates are recognised).
    public var lexiconEntries = 0
}

/// Runs the whole pipeline: inputs → records (extract, normalize, validate; one document at a time, several in
/// parallel) → CSV tables, TEI and JSON-LD files, source copies → data package, manifest, bag → swap into place.
public enum DatasetBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildSummary {
        let (inputs, unusable) = InputCollector.gather(options.inputs)
        guard !inputs.isEmpty else {
            if !unusable.isEmpty { throw InputProblems(unusable.map(\.error)) }
            throw ScriptoriumError(.input, path: options.inputs.joined(separator: " "), "holds no .txt or .md documents")
        }
        let root = inputs[0].root
        let modified = SourceDateEpoch.iso8601()
        let dataset = try MetadataFiles.dataset(root: root, modified: modified)
        let lexicon = try loadLexicon(options.lexicon, root: root)
        let ids = try documentIDs(inputs)
        var options = options
        options.jobs = try MemoryLimit.jobs(for: inputs, sizes: inputs.map { Self.fileSize($0.url) }, asked: options.jobs)

        let output = try AtomicOutput(target: options.output)
        do {
            var summary = try write(inputs: inputs, unusable: unusable, ids: ids, dataset: dataset, lexicon: lexicon,
                                    into: output.staging, options: options)
            try options.clock.measure(.finish) { try output.commit() }
            summary.lexiconEntries = lexicon.entities.count
            return summary
        } catch {
            output.discard()
            throw output.explain(error)
        }
    }

    static func loadLexicon(_ path: String?, root: URL) throws -> Lexicon {
        if let path {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ScriptoriumError(.input, path: path, "no such lexicon file")
            }
            return try Lexicon(contentsOf: URL(fileURLWithPath: path))
        }
        let url = root.appendingPathComponent("lexicon.json")
        return FileManager.default.fileExists(atPath: url.path) ? try Lexicon(contentsOf: url) : .empty
    }

    /// Each input's id, which depends on its own relative path only (`RecordID.document`), so adding or removing
    /// a document never changes another's. Paths are compared as bytes: `café.txt` in NFC and in NFD are two
    /// files, and two documents. Two inputs with one relative path (from two PATHs), or two paths whose hashed
    /// ids meet (48 bits of SHA-256 alike), are an error naming both; nothing is ever renamed to make room.
    static func documentIDs(_ inputs: [InputDocument],
                            id documentID: (String) -> String = RecordID.document(sourcePath:)) throws -> [String] {
        var byID: [String: InputDocument] = [:]
        var byPath: [[UInt8]: InputDocument] = [:]
        var problems: [ScriptoriumError] = []
        let ids = inputs.map { input in
            let id = documentID(input.relativePath)
            if let other = byPath.updateValue(input, forKey: Array(input.relativePath.utf8)) {
                problems.append(ScriptoriumError(.input, path: input.shownPath ?? input.url.path,
                    "has the same relative path, \(input.relativePath), as \(other.shownPath ?? other.url.path); build them separately"))
            } else if let other = byID.updateValue(input, forKey: id) {
                problems.append(ScriptoriumError(.input, path: input.shownPath ?? input.url.path,
                    "has the same document id, \(id), as \(other.shownPath ?? other.url.path) (a SHA-256 collision); rename one of them"))
            }
            return id
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return ids
    }

    private static func write(inputs: [InputDocument], unusable: [SkippedInput], ids: [String], dataset: DatasetMetadata,
                              lexicon: Lexicon, into staging: URL, options: BuildOptions) throws -> BuildSummary {
        let layout = OutputLayout(bag: staging)
        try layout.createFolders()
        let processor = DocumentProcessor(dataset: dataset, matcher: EntityMatcher(lexicon: lexicon))
        let tei = try TEIWriter(dataset: dataset)
        var tables = try CSVTableFiles(layout: layout)
        var files: [PayloadFile] = []
        var manifestInputs: [DatasetManifest.Input] = []
        var documents: [DocumentRecord] = []
        var entities: [String: EntityRecord] = [:]
        var problems: [SkippedInput] = unusable
        var inputBytes = 0

        // Documents are processed on `jobs` threads and their results written here in input order, while later
        // documents are still being processed. The window ahead of the writer is bounded by input bytes (a large
        // document does not stall the other threads; memory stays flat however large the corpus).
        let sizes = inputs.map { Self.fileSize($0.url) }
        var done = 0
        try OrderedStream.run(count: inputs.count, jobs: options.jobs, weight: sizes, budget: Self.windowBytes,
                              maxAhead: 4096) { i -> Swift.Result<DocumentOutput, Error> in
            Swift.Result {
                let result = try processor.process(inputs[i], documentID: ids[i], clock: options.clock)
                return try DocumentOutput(result, tei: tei, dataset: dataset, layout: layout, clock: options.clock,
                                          jobs: options.jobs)
            }
        } consume: { i, result in
            done += 1
            options.progress?("[\(done)/\(inputs.count)] \(inputs[i].relativePath)")
            switch result {
            case .failure(let error):
                problems += try BuildReport.skipped(error, input: inputs[i]) // a write failure ends the build here
            case .success(let out):
                // Without --keep-going, keep checking the rest after a bad input, but write nothing more.
                guard problems.isEmpty || options.keepGoing else { return }
                try options.clock.measure(.write) { try tables.append(out.rows) }
                files += out.files
                documents.append(out.document)
                inputBytes += out.document.byteCount
                manifestInputs.append(.init(source: out.document.source, documentID: out.document.id,
                                            sha256: out.document.sourceSHA256, bytes: out.document.byteCount))
                for entity in out.entities {
                    entities[entity.id, default: EntityRecord(id: entity.id, name: entity.name, type: entity.type, wikidata: entity.wikidata,
                                                              aliases: entity.aliases, mentions: 0)].mentions += entity.mentions
                }
            }
        }
        problems.sort { PathOrder.less($0.source, $1.source) }
        if !problems.isEmpty && (!options.keepGoing || documents.isEmpty) {
            throw InputProblems(problems.map(\.error) + (options.keepGoing
                ? [ScriptoriumError(.input, path: options.inputs.joined(separator: " "), "no document could be built")] : []))
        }
        if options.keepGoing {
            files.append(try BuildReport.write(documents: documents.count, skipped: problems, layout: layout))
        }

        var summary = try options.clock.measure(.finish) {
            try finish(tables: &tables, files: files, entities: entities, documents: documents, inputs: manifestInputs,
                       dataset: dataset, layout: layout, staging: staging, inputBytes: inputBytes)
        }
        summary.skipped = problems
        return summary
    }

    /// Input bytes that may be in flight ahead of the writer (always at least one document, however large).
    static let windowBytes = 16 << 20

    /// The size of an input file, for the window; 0 when it cannot be read (processing reports why).
    static func fileSize(_ url: URL) -> Int {
        var info = stat()
        return stat(url.path, &info) == 0 ? Int(info.st_size) : 0
    }

    private static func finish(tables: inout CSVTableFiles, files: [PayloadFile], entities: [String: EntityRecord],
                               documents: [DocumentRecord], inputs manifestInputs: [DatasetManifest.Input],
                               dataset: DatasetMetadata, layout: OutputLayout, staging: URL, inputBytes: Int) throws -> BuildSummary {
        var files = files
        let entityList = entities.keys.sorted().map { entities[$0]! }
        let tableFiles = try tables.finish(entities: entityList)
        files += tableFiles.map(\.1)
        files += try DatasetFiles.writeShared(layout: layout, dataset: dataset, documents: documents, entities: entityList,
                                              files: files, tables: tableFiles)
        let counts = tables.counts
        let manifest = DatasetManifest.json(dataset: dataset, files: files, inputs: manifestInputs, recordCounts: counts)
        files.append(try HashingFileWriter.write(manifest, to: layout.data.appendingPathComponent(DatasetManifest.path),
                                                 path: DatasetManifest.path, mediaType: "application/json", format: "json"))
        try BagWriter.finish(bag: staging, payload: files, dataset: dataset)
        return BuildSummary(documents: documents.count, inputBytes: inputBytes, recordCounts: counts, files: files.count)
    }
}

/// `SOURCE_DATE_EPOCH` as an ISO 8601 UTC timestamp; nil when unset, so builds carry no clock time.
enum SourceDateEpoch {
    static func iso8601() -> String? {
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(raw) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
