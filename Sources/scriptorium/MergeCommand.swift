import ArgumentParser
import Foundation
import ScriptoriumPipeline

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the parts of a sharded build (build --shard K/N) into one dataset.",
        discussion: """
            The result is byte-identical to `scriptorium build` of the same inputs with the same options. Documents \
            are not processed again; every copied byte is checked against the part's hashes. Parts built with \
            another tool version, lexicon, dataset metadata, options or inputs are refused, naming the part.

            Exit status: 0 merged; 1 nothing was written (a part is missing, damaged or does not belong); 3 merged, \
            but some inputs were skipped by a --keep-going build; 64 wrong usage.
            """)

    @Argument(help: "The parts, one per shard.")
    var parts: [String]

    @Option(name: .shortAndLong, help: "The output folder (a BagIt bag).")
    var output = "output"

    func run() throws {
        try reportingErrors(merge)
    }

    private func merge() throws {
        let started = Date()
        var progress: (@Sendable (String) -> Void)? = nil
        if Terminal.isInteractive { progress = { line in Terminal.progress(line) } }
        let summary = try DatasetMerger.merge(parts: parts, output: output, progress: progress)
        Terminal.progress("")
        let counts = summary.recordCounts.map { "\($0.count) \($0.table)" }.joined(separator: ", ")
        Terminal.note("merged \(parts.count) part(s) into \(output): \(counts); \(summary.files) files in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        if !summary.skipped.isEmpty {
            for skipped in summary.skipped { Terminal.warning("\(skipped.error.description) (skipped)") }
            Terminal.warning("\(summary.skipped.count) input(s) skipped; see \(output)/data/build.json")
            throw ExitCode(3)
        }
    }
}
