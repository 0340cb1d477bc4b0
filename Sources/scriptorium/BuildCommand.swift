import ArgumentParser
import Foundation
import ScriptoriumPipeline

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a dataset from text documents.",
        discussion: """
            PATHs are .txt/.md files or folders (walked recursively). The output folder is replaced only when the \
            whole build succeeds. Any bad input fails the build (every one is listed) unless --keep-going is given.

            Exit status: 0 built; 1 nothing was written (bad input, or the output cannot be written); \
            3 built with --keep-going, but some inputs were skipped (listed in data/build.json); 64 wrong usage.
            """)

    @Argument(help: "Input files or folders.")
    var paths: [String] = ["input"]

    @Option(name: .shortAndLong, help: "The output folder (a BagIt bag).")
    var output = "output"

    @Option(name: .shortAndLong, help: "Documents processed in parallel (the default is the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "A lexicon file added to the default one (default: lexicon.json in the input folder, if any); its entries replace default entries with the same key.")
    var lexicon: String?

    @Flag(help: "Leave out the default lexicon and gazetteer that ship with the tool: only your own lexicon (and dates).")
    var noDefaultLexicon = false

    @Flag(name: [.customShort("k"), .long],
          help: "Build the documents that can be built; skip bad inputs and list them in data/build.json (exit status 3 if any was skipped).")
    var keepGoing = false

    @Option(help: "Build only shard K of N (1 ≤ K ≤ N) into a part, for `scriptorium merge` (documents are shared out by size).")
    var shard: String?

    @Option(help: "A folder that keeps each document's results: a rebuild processes only the documents that changed.")
    var cache: String?

    @Flag(help: .hidden)
    var timings = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4") }
    }

    func run() throws {
        try reportingErrors(build)
    }

    private func build() throws {
        // Under a file-size limit (ulimit -f) a write fails with EFBIG and is reported like any failed write,
        // instead of the process being killed by SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        let started = Date()
        var options = BuildOptions(inputs: paths, output: output, jobs: jobs, lexicon: lexicon)
        options.keepGoing = keepGoing
        options.shard = shard.flatMap(Shard.init)
        options.cache = cache
        options.noDefaultLexicon = noDefaultLexicon
        if Terminal.isInteractive {
            options.progress = { line in Terminal.progress(line) }
        }
        if timings { options.clock = StageClock() }
        let summary = try DatasetBuilder.build(options)
        Terminal.progress("")
        if let clock = options.clock {
            // One line for `make bench`: CPU seconds per stage, summed over threads.
            let parts = clock.seconds.map { "\($0.stage.rawValue)=\(String(format: "%.3f", $0.seconds))" }
            Terminal.note("timings (CPU s): \(parts.joined(separator: " "))")
        }
        let seconds = Date().timeIntervalSince(started)
        let counts = summary.recordCounts.map { "\($0.count) \($0.table)" }.joined(separator: ", ")
        let fromCache = cache == nil ? "" : " (\(summary.cached) of \(summary.documents) documents from the cache)"
        Terminal.note("built \(output): \(counts); \(summary.files) files in \(String(format: "%.2f", seconds)) s\(fromCache)")
        if summary.lexiconEntries == 0 {
            Terminal.warning("no lexicon (--no-default-lexicon, and no lexicon.json in the input folder and no --lexicon): only dates were recognised")
        } else {
            Terminal.note("lexicons: " + summary.lexicons.map { "\($0.name): \($0.entries) entries" }.joined(separator: "; "))
        }
        if !summary.skipped.isEmpty {
            for skipped in summary.skipped { Terminal.warning("\(skipped.error.description) (skipped)") }
            Terminal.warning("\(summary.skipped.count) input(s) skipped; see \(output)/data/build.json")
            throw ExitCode(3)
        }
    }
}
