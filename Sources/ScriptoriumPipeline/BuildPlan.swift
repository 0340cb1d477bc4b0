import Foundation
import ScriptoriumBag
import ScriptoriumModel
import ScriptoriumNormalize

/// Everything a build decides before it processes a document: the inputs (and those that cannot be used), the
/// dataset metadata, the lexicon, each document's id and size, the jobs that fit in memory, and the fingerprint
/// of what the records depend on. Every shard of a sharded build computes the same plan from the same inputs.
struct BuildPlan {
    var options: BuildOptions
    let inputs: [InputDocument]
    let unusable: [SkippedInput]
    let dataset: DatasetMetadata
    let lexicon: Lexicon
    let ids: [String]
    let sizes: [Int]
    let fingerprint: PartFingerprint

    init(_ options: BuildOptions) throws {
        (inputs, unusable) = InputCollector.gather(options.inputs)
        guard !inputs.isEmpty else {
            if !unusable.isEmpty { throw InputProblems(unusable.map(\.error)) }
            throw ScriptoriumError(.input, path: options.inputs.joined(separator: " "), "holds no .txt or .md documents")
        }
        let root = inputs[0].root
        dataset = try MetadataFiles.dataset(root: root, modified: SourceDateEpoch.iso8601())
        ids = try DatasetBuilder.documentIDs(inputs)
        sizes = inputs.map { DatasetBuilder.fileSize($0.url) }
        self.options = options
        // Before the lexicon is loaded: a build that will not fit is refused before it allocates much.
        self.options.jobs = try MemoryLimit.jobs(for: inputs, sizes: sizes, asked: options.jobs)
        let lexiconFile: URL?
        (lexicon, lexiconFile) = try DatasetBuilder.loadLexicon(options.lexicon, root: root, noDefault: options.noDefaultLexicon,
                                                                shown: inputs[0].shown)
        // Only a cache or a part keeps the fingerprint: a plain build hashes neither its own executable nor the
        // default lexicon inside it (400 KB on every run).
        let kept = options.cache != nil || options.shard != nil
        fingerprint = PartFingerprint(
            tool: kept ? Self.tool : "\(ScriptoriumInfo.name) \(ScriptoriumInfo.version)",
            // The user's file and the default lexicon both decide the records (a new release may change the latter).
            lexicon: (try lexiconFile.map { SHA256Hex.of(try RegularFile.bytes(at: $0.path)) } ?? "")
                + (options.noDefaultLexicon ? "" : "+" + (kept ? SHA256Hex.of(Array(DefaultLexicon.bytes)) : "default")),
            dataset: Self.hash(dataset),
            keepGoing: options.keepGoing,
            inputs: SHA256Hex.of(Array((zip(inputs, sizes).map { "\($0.0.relativePath)\u{0}\($0.1)" }
                                        + unusable.map { "\($0.source)\u{0}-" }).joined(separator: "\n").utf8)))
    }

    /// The tool as the fingerprint names it: its version, and the SHA-256 of the running executable, since the
    /// version number does not change with every change of the code, and a cache entry made by another build of
    /// the tool must never be reused (nor parts from two builds of it merged).
    static let tool: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let digest = (try? RegularFile.bytes(at: executable)).map { String(SHA256Hex.of($0).prefix(16)) } ?? "unknown"
        return "\(ScriptoriumInfo.name) \(ScriptoriumInfo.version) (build \(digest))"
    }()

    /// The dataset metadata as the build uses it, hashed field by field (with a separator no value can hold).
    static func hash(_ d: DatasetMetadata) -> String {
        let fields = [d.id, d.title, d.description, d.license, d.licenseURL, d.creators.joined(separator: "\u{1}"), d.publisher,
                      d.version, d.keywords.joined(separator: "\u{1}"), d.baseIRI, d.modified ?? "-",
                      d.datePublished ?? "-"]
        return SHA256Hex.of(Array(fields.joined(separator: "\u{0}").utf8))
    }
}
