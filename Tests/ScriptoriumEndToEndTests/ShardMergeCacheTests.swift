import Foundation
import Testing
@testable import ScriptoriumPipeline

/// Past one machine and past full rebuilds: parts built shard by shard merge into a bag byte-identical to a
/// build on one machine; a cached rebuild is byte-identical to a clean build whatever changed; and anything that
/// does not belong together, or was damaged, is refused or rebuilt, never published.
@Suite(.serialized) struct ShardMergeCacheTests {
    /// The essay, a note, a document in a subfolder, and several real documents of different sizes.
    private func corpus(in folder: URL) throws -> URL {
        let input = try goodCorpus(in: folder, name: "in")
        let real = repositoryRoot.appendingPathComponent("Tests/RealDocuments")
        for name in ["apache-2.0", "cc0-1.0", "grep-news", "sed-man", "yq-readme"] {
            try FileManager.default.copyItem(at: real.appendingPathComponent("\(name).txt"), to: input.appendingPathComponent("\(name).txt"))
        }
        try FileManager.default.createDirectory(at: input.appendingPathComponent("part two"), withIntermediateDirectories: true)
        try Data("A Chapter\n\nThe treaty was signed in 1951 in San Francisco.\n".utf8)
            .write(to: input.appendingPathComponent("part two/Chapter 1.txt"))
        return input
    }

    private func build(_ arguments: [String]) throws -> ToolRun {
        let run = try runTool(arguments)
        #expect(run.status == 0 || run.status == 3, "\(arguments): \(run.stderr)")
        return run
    }

    @Test func mergedPartsAreByteIdenticalToABuild() throws {
        let folder = try temporaryFolder("shards")
        defer { cleanup(folder) }
        let input = try corpus(in: folder)
        let whole = folder.appendingPathComponent("whole")
        _ = try build(["build", input.path, "--output", whole.path])
        for n in [1, 3, 4] {
            let parts = (1...n).map { folder.appendingPathComponent("part-\($0)-of-\(n)").path }
            for (k, part) in parts.enumerated() { _ = try build(["build", input.path, "--shard", "\(k + 1)/\(n)", "--output", part]) }
            let merged = folder.appendingPathComponent("merged-\(n)")
            _ = try build(["merge"] + parts.reversed() + ["--output", merged.path]) // any order of parts
            #expect(try snapshot(merged) == snapshot(whole), "\(n) shards")
        }
    }

    @Test func keepGoingPartsMergeIntoTheSameReport() throws {
        let folder = try temporaryFolder("shards-keep-going")
        defer { cleanup(folder) }
        let input = try corpus(in: folder)
        try Data([0x41, 0xFF, 0x0A]).write(to: input.appendingPathComponent("latin1.txt"))
        let whole = folder.appendingPathComponent("whole")
        #expect(try runTool(["build", input.path, "--output", whole.path, "--keep-going"]).status == 3)
        let parts = (1...2).map { folder.appendingPathComponent("p\($0)").path }
        for (k, part) in parts.enumerated() {
            #expect([0, 3].contains(try runTool(["build", input.path, "--shard", "\(k + 1)/2", "--output", part, "--keep-going"]).status))
        }
        let merged = folder.appendingPathComponent("merged")
        let run = try runTool(["merge"] + parts + ["--output", merged.path])
        #expect(run.status == 3 && run.stderr.contains("latin1.txt"), "\(run.stderr)")
        #expect(try snapshot(merged) == snapshot(whole))
    }

    @Test func partsThatDoNotBelongTogetherAreRefusedByName() throws {
        let folder = try temporaryFolder("shards-refused")
        defer { cleanup(folder) }
        let input = try corpus(in: folder)
        func part(_ name: String, _ shard: String, _ extra: [String] = []) throws -> String {
            let path = folder.appendingPathComponent(name).path
            _ = try build(["build", input.path, "--shard", shard, "--output", path] + extra)
            return path
        }
        let p1 = try part("p1", "1/3"), p2 = try part("p2", "2/3"), p3 = try part("p3", "3/3")
        let out = folder.appendingPathComponent("out")
        func refused(_ parts: [String], _ message: String) throws {
            let run = try runTool(["merge"] + parts + ["--output", out.path])
            #expect(run.status == 1, "\(parts)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        try refused([p1, p2], "shard 3/3 missing")
        try refused([p1, p2, p3, try part("again", "2/3")], "is shard 2/3, like")
        try refused([p1, try part("of4", "2/4"), p3], "is shard 2/4, but")
        let lexicon = folder.appendingPathComponent("other-lexicon.json")
        try Data(#"{"entities": [{"key": "japan", "name": "Japan", "type": "place"}]}"#.utf8).write(to: lexicon)
        try refused([p1, try part("lex", "2/3", ["--lexicon", lexicon.path]), p3], "was built with another lexicon than")
        try refused([p1, p2, input.path], "not a part")

        // A damaged part: one byte of a document's TEI changed.
        let tei = try #require(FileManager.default.enumerator(atPath: p2 + "/data/tei")?.compactMap { $0 as? String }.first { $0.hasSuffix(".xml") })
        let url = URL(fileURLWithPath: p2 + "/data/tei/" + tei)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: url)
        try refused([p1, p2, p3], "differs from the hash")
    }

    @Test func aCachedRebuildIsByteIdenticalToACleanOne() throws {
        let folder = try temporaryFolder("cache")
        defer { cleanup(folder) }
        let input = try corpus(in: folder)
        let cache = folder.appendingPathComponent("cache").path
        func clean() throws -> [String: Data] {
            let out = folder.appendingPathComponent("clean")
            _ = try build(["build", input.path, "--output", out.path])
            return try snapshot(out)
        }
        func cached(_ name: String) throws -> [String: Data] {
            let out = folder.appendingPathComponent(name)
            _ = try build(["build", input.path, "--output", out.path, "--cache", cache])
            return try snapshot(out)
        }
        #expect(try cached("first") == clean())
        #expect(try cached("second") == clean())
        // One document changed, one deleted, one sidecar added, one document added.
        try (Data(contentsOf: input.appendingPathComponent("cc0-1.0.txt")) + Data("\nOne more paragraph.\n".utf8))
            .write(to: input.appendingPathComponent("cc0-1.0.txt"))
        try FileManager.default.removeItem(at: input.appendingPathComponent("sed-man.txt"))
        try Data(#"{"title": "The grep news"}"#.utf8).write(to: input.appendingPathComponent("grep-news.meta.json"))
        try Data("Added later.\n".utf8).write(to: input.appendingPathComponent("added.txt"))
        #expect(try cached("third") == clean())
        // Damaged entries (a file, the rows, the manifest) are found by their hashes and rebuilt.
        let entries = try #require(FileManager.default.enumerator(atPath: cache + "/entries")?.compactMap { $0 as? String })
        for suffix in [".xml", "rows/blocks.csv", "part.json"] {
            guard let path = entries.first(where: { $0.hasSuffix(suffix) }) else { continue }
            let url = URL(fileURLWithPath: cache + "/entries/" + path)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 3] ^= 0x01
            try bytes.write(to: url)
        }
        #expect(try cached("fourth") == clean())
    }

    @Test func twoBuildsCanShareACacheAtOnce() throws {
        let folder = try temporaryFolder("cache-concurrent")
        defer { cleanup(folder) }
        let input = try corpus(in: folder)
        let cache = folder.appendingPathComponent("cache").path
        let outputs = (1...3).map { folder.appendingPathComponent("out\($0)") }
        let processes = try outputs.map { out -> Process in
            let p = Process()
            p.executableURL = scriptoriumBinary()
            p.arguments = ["build", input.path, "--output", out.path, "--cache", cache]
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let clean = folder.appendingPathComponent("clean")
        _ = try build(["build", input.path, "--output", clean.path])
        for out in outputs { #expect(try snapshot(out) == snapshot(clean)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/tmp").isEmpty)
    }

    @Test func theShardPlanIsDeterministicAndBalancedByBytes() {
        let sizes = [900, 10, 500, 400, 300, 300, 200, 100, 100, 50]
        let paths = sizes.indices.map { "doc-\($0).txt" }
        let plan = ShardPlan.assign(sizes: sizes, paths: paths, shards: 3)
        #expect(plan == ShardPlan.assign(sizes: sizes, paths: paths, shards: 3))
        let loads = (1...3).map { k in zip(plan, sizes).filter { $0.0 == k }.map(\.1).reduce(0, +) }
        #expect(loads.max()! - loads.min()! <= sizes.max()!, "\(loads)")
        #expect(Set(plan) == [1, 2, 3])
        #expect(ShardPlan.assign(sizes: sizes, paths: paths, shards: 1).allSatisfy { $0 == 1 })
        #expect(Shard("2/4") == Shard(index: 2, count: 4))
        for bad in ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3", ""] { #expect(Shard(bad) == nil, "\(bad)") }
    }
}
