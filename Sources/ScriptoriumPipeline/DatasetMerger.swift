import Foundation
import ScriptoriumModel

/// `scriptorium merge PART... --output DIR`: joins the parts of a sharded build into one bag, byte-identical to
/// a build of the same inputs on one machine. Documents are never processed again: each one's files are copied
/// (hashed on the way and checked against the part), its rows appended in the inputs' order, and the
/// dataset-wide files written by the same code as a build (`DatasetAssembly`). Atomic like a build.
public enum DatasetMerger {
    public static func merge(parts paths: [String], output: String, progress: (@Sendable (String) -> Void)? = nil) throws -> BuildSummary {
        guard !paths.isEmpty else { throw ScriptoriumError(.input, path: "", "no parts to merge") }
        let parts = try paths.map { try PartReader(folder: URL(fileURLWithPath: $0).standardizedFileURL, shown: $0) }
        try checkTogether(parts)
        var entries: [(entry: PartFolder.Entry, part: PartReader)] = []
        for part in parts { entries += part.manifest.documents.map { ($0, part) } }
        entries.sort { $0.entry.order < $1.entry.order }
        for (a, b) in zip(entries, entries.dropFirst()) where a.entry.order == b.entry.order {
            throw ScriptoriumError(.input, path: b.part.shown, "holds \(b.entry.document.source), which \(a.part.shown) holds too")
        }
        let skipped = parts.flatMap(\.manifest.skipped).map {
            SkippedInput(source: $0.source, error: ScriptoriumError(ScriptoriumError.Kind(rawValue: $0.kind) ?? .input, path: $0.path, $0.message))
        }
        let first = parts[0].manifest
        let out = try AtomicOutput(target: output)
        do {
            var assembly = try DatasetAssembly(layout: OutputLayout(bag: out.staging))
            for (n, item) in entries.enumerated() {
                progress?("[\(n + 1)/\(entries.count)] \(item.entry.document.source)")
                try assembly.add(try DocumentContribution.copied(item.entry, from: item.part, into: assembly.layout))
            }
            let summary = try assembly.finish(skipped: skipped, keepGoing: first.fingerprint.keepGoing, inputs: paths,
                                              dataset: first.dataset)
            try out.commit()
            return summary
        } catch {
            out.discard()
            throw out.explain(error)
        }
    }

    /// The parts must come from one sharded build: the same tool, lexicon, dataset metadata, options and inputs,
    /// and each shard of the same N exactly once.
    static func checkTogether(_ parts: [PartReader]) throws {
        let first = parts[0]
        var problems: [ScriptoriumError] = []
        for part in parts.dropFirst() {
            let differences = part.manifest.fingerprint.differences(from: first.manifest.fingerprint)
            if !differences.isEmpty {
                problems.append(ScriptoriumError(.input, path: part.shown,
                    "was built with \(differences.joined(separator: ", ")) than \(first.shown); build every part with the same tool, lexicon, metadata, options and inputs"))
            }
        }
        let shards = parts.map { $0.manifest.shard.flatMap(Shard.init) }
        if let missing = zip(parts, shards).first(where: { $0.1 == nil }) {
            problems.append(ScriptoriumError(.input, path: missing.0.shown, "is not a shard of a build (build --shard K/N makes one)"))
        } else {
            let count = shards[0]!.count
            var holder: [Int: String] = [:]
            for (part, shard) in zip(parts, shards.map { $0! }) {
                if shard.count != count {
                    problems.append(ScriptoriumError(.input, path: part.shown, "is shard \(shard), but \(first.shown) is of \(count) shards"))
                } else if let other = holder.updateValue(part.shown, forKey: shard.index) {
                    problems.append(ScriptoriumError(.input, path: part.shown, "is shard \(shard), like \(other)"))
                }
            }
            let absent = (1...count).filter { holder[$0] == nil }
            if !absent.isEmpty && problems.isEmpty {
                problems.append(ScriptoriumError(.input, path: parts.map(\.shown).joined(separator: " "),
                    "shard\(absent.count > 1 ? "s" : "") \(absent.map { "\($0)/\(count)" }.joined(separator: ", ")) missing: a merge needs every part"))
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
    }
}
