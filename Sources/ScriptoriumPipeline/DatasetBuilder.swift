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
    /// Build only this shard's documents, into a part (`build --shard K/N`), for `merge`.
    public var shard: Shard?
    /// The per-document cache folder (`build --cache DIR`), or nil for none.
    public var cache: String?
    /// Leave out the default lexicon and gazetteer that ship with the tool (`--no-default-lexicon`).
    public var noDefaultLexicon = false
    /// The formats each document is written in. Always `DocumentFormats.all` for the command line; a test may add
    /// a format of its own to see it go through the same path (written, hashed, listed) as the built-in ones.
    var formats: [any DocumentFormat.Type] = DocumentFormats.all

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
    /// Documents copied from the cache rather than processed (`--cache`).
    public var cached = 0
    /// The lexicons the build used, in the order they were merged, with how many entries each gave.
    public var lexicons: [(name: String, entries: Int)] = []
}

/// Runs the whole pipeline: inputs → records (extract, normalize, validate; one document at a time, several in
/// parallel) → CSV tables, TEI and JSON-LD files, source copies → data package, manifest, bag → swap into place.
public enum DatasetBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildSummary {
        let plan = try BuildPlan(options)
        let output = try AtomicOutput(target: options.output)
        do {
            var summary = try plan.options.shard.map { try writePart(plan, shard: $0, into: output.staging) }
                ?? writeDataset(plan, into: output.staging)
            try options.clock.measure(.finish) { try output.commit() }
            summary.lexiconEntries = plan.lexicon.entities.count
            summary.lexicons = plan.lexicon.sources
            return summary
        } catch {
            output.discard()
            throw output.explain(error)
        }
    }

    /// A whole dataset: every document, then the dataset-wide files and the bag.
    private static func writeDataset(_ plan: BuildPlan, into staging: URL) throws -> BuildSummary {
        var assembly = try DatasetAssembly(layout: OutputLayout(bag: staging), formats: plan.options.formats)
        let (problems, cached) = try process(plan, indices: Array(plan.inputs.indices), layout: assembly.layout) { _, contribution in
            try assembly.add(contribution, clock: plan.options.clock)
        }
        var summary = try assembly.finish(skipped: problems, keepGoing: plan.options.keepGoing, inputs: plan.options.inputs,
                                          dataset: plan.dataset, clock: plan.options.clock)
        summary.cached = cached
        return summary
    }

    /// A part: the documents of one shard, their rows and what the dataset-wide files need of them (`PartFolder`).
    private static func writePart(_ plan: BuildPlan, shard: Shard, into staging: URL) throws -> BuildSummary {
        let layout = OutputLayout(bag: staging)
        try layout.createFolders(formats: plan.options.formats)
        var part = try PartWriter(folder: staging)
        let shardOf = ShardPlan.assign(sizes: plan.sizes, paths: plan.inputs.map(\.relativePath), shards: shard.count)
        let mine = plan.inputs.indices.filter { shardOf[$0] == shard.index }
        // Inputs that could not even be collected are every shard's to see; the first shard reports them.
        var (problems, cached) = try process(plan, indices: mine, layout: layout, reportUnusable: shard.index == 1) { i, contribution in
            try part.add(order: i, contribution)
        }
        problems.sort { PathOrder.less($0.source, $1.source) }
        if !problems.isEmpty && !plan.options.keepGoing { throw InputProblems(problems.map(\.error)) }
        let order = Dictionary(plan.inputs.enumerated().map { (Array($0.element.relativePath.utf8), $0.offset) }) { a, _ in a }
        try part.finish(fingerprint: plan.fingerprint, dataset: plan.dataset, shard: shard, skipped: problems.map {
            PartFolder.Skipped(order: order[Array($0.source.utf8)] ?? -1, source: $0.source, kind: $0.error.kind.rawValue,
                               path: $0.error.path, message: $0.error.message)
        })
        var counts: [String: Int] = [:]
        for entry in part.entries { for (table, range) in entry.rows { counts[table, default: 0] += range.count } }
        counts[DatasetTables.entities.name] = Set(part.entries.flatMap { $0.entities.map(\.id) }).count
        var summary = BuildSummary(documents: part.entries.count, inputBytes: part.entries.reduce(0) { $0 + $1.document.byteCount },
                                   recordCounts: DatasetTables.all.map { ($0.name, counts[$0.name] ?? 0) },
                                   files: part.entries.reduce(0) { $0 + $1.files.count })
        summary.skipped = problems
        summary.cached = cached
        return summary
    }

    /// Processes the inputs at `indices` on `jobs` threads, or copies them from the cache, and hands each
    /// document's contribution to `add` in input order, while later documents are still being processed. The
    /// window ahead of `add` is bounded by input bytes (a large document does not stall the other threads;
    /// memory stays flat however large the corpus). Returns the inputs that could not be built (without
    /// `--keep-going`, the first one stops `add` from being called again; every input is still checked), and how
    /// many documents came from the cache.
    private static func process(_ plan: BuildPlan, indices: [Int], layout: OutputLayout, reportUnusable: Bool = true,
                                add: (Int, DocumentContribution) throws -> Void) throws -> (skipped: [SkippedInput], cached: Int) {
        let options = plan.options
        let processor = DocumentProcessor(dataset: plan.dataset, matcher: EntityMatcher(lexicon: plan.lexicon))
        let context = FormatContext(dataset: plan.dataset, formats: options.formats)
        let formats = try options.formats.map { try $0.init(context) }
        let cache = try options.cache.map { try DocumentCache(path: $0) }
        var problems: [SkippedInput] = reportUnusable ? plan.unusable : []
        var done = 0
        var cached = 0
        try OrderedStream.run(count: indices.count, jobs: options.jobs, weight: indices.map { plan.sizes[$0] }, budget: Self.windowBytes,
                              maxAhead: 4096) { k -> Swift.Result<(DocumentContribution, fromCache: Bool), Error> in
            let i = indices[k]
            return Swift.Result {
                // With a cache, the document is read once: for its key, and on a miss for processing.
                let fileBytes = try cache.map { _ in try DocumentProcessor.bytes(of: plan.inputs[i]) }
                let key = try fileBytes.map {
                    try DocumentCache.key(fingerprint: plan.fingerprint, input: plan.inputs[i], documentID: plan.ids[i], fileBytes: $0)
                }
                if let cache, let key, let hit = cache.reuse(key: key, into: layout) { return (hit, true) }
                let result = try processor.process(plan.inputs[i], documentID: plan.ids[i], fileBytes: fileBytes, clock: options.clock)
                let contribution = DocumentContribution(try DocumentOutput(result, formats: formats, layout: layout,
                                                                           clock: options.clock, jobs: options.jobs))
                if let cache, let key { cache.store(contribution, key: key, from: layout, fingerprint: plan.fingerprint, dataset: plan.dataset) }
                return (contribution, false)
            }
        } consume: { k, result in
            let i = indices[k]
            done += 1
            options.progress?("[\(done)/\(indices.count)] \(plan.inputs[i].relativePath)")
            switch result {
            case .failure(let error):
                problems += try BuildReport.skipped(error, input: plan.inputs[i]) // a write failure ends the build here
            case .success(let (contribution, fromCache)):
                guard problems.isEmpty || options.keepGoing else { return }
                try add(i, contribution)
                if fromCache { cached += 1 }
            }
        }
        return (problems, cached)
    }

    /// The lexicon: the default one that ships with the tool (unless `noDefault`), with the user's file added
    /// (`path`, or `lexicon.json` in the input folder, if any); and the file (nil when there is none).
    /// `shown` turns a path below the input root into the path as the user named it (for the build's report).
    static func loadLexicon(_ path: String?, root: URL, noDefault: Bool = false,
                            shown: (String) -> String = { $0 }) throws -> (Lexicon, URL?) {
        let base = noDefault ? Lexicon.empty : DefaultLexicon.lexicon
        var url: URL?
        if let path {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ScriptoriumError(.input, path: path, "no such lexicon file")
            }
            url = URL(fileURLWithPath: path)
        } else {
            let inInput = root.appendingPathComponent("lexicon.json")
            if FileManager.default.fileExists(atPath: inInput.path) { url = inInput }
        }
        guard let url else { return (base, nil) }
        return (base.adding(try Lexicon(contentsOf: url), name: path ?? shown(url.path)), url)
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

    /// Input bytes that may be in flight ahead of the writer (always at least one document, however large).
    static let windowBytes = 16 << 20

    /// The size of an input file, for the window; 0 when it cannot be read (processing reports why).
    static func fileSize(_ url: URL) -> Int {
        var info = stat()
        return stat(url.path, &info) == 0 ? Int(info.st_size) : 0
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
