import Foundation
import Testing
import ScriptoriumBag
import ScriptoriumPipeline

/// A corpus with some bad files: by default the build fails and names every one; with `--keep-going` it builds
/// the rest, lists the skipped files with their reasons in `data/build.json` and exits 3.
@Suite(.serialized) struct BadInputCorpusTests {
    static let badFiles: [String: [UInt8]] = [
        "chapter-2.txt": Array("Chapter two\n\nIt was a d".utf8) + [0xE9] + Array("cision.\n".utf8), // Latin-1 é
        "empty.txt": [],
        "scan.txt": [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34], // a PDF
    ]
    static let reasons = [
        "chapter-2.txt": "not valid UTF-8: invalid sequence starting with byte 0xE9 at byte offset 23 (line 3, column 11)",
        "empty.txt": "the file is empty",
        "scan.txt": "this is a binary file (PDF), not UTF-8 text",
    ]

    @Test func theDefaultBuildNamesEveryBadFile() throws {
        let previous = try PreviousOutput("corpus-default")
        defer { previous.remove() }
        let dir = try previous.corpus("in", Self.badFiles)
        let run = try previous.build([dir])
        try previous.expectRefused(run, Self.reasons.map { "in/\($0.key): \($0.value)" })
        #expect(run.stderrLines.count == 4, "\(run)")
        #expect(run.stderrLines.last == "scriptorium: error: 3 problems; nothing was written")

        // The same through the library: InputProblems lists all three, in path order.
        do {
            _ = try DatasetBuilder.build(BuildOptions(inputs: [dir.path], output: previous.output.path, jobs: 2))
            Issue.record("the build should have failed")
        } catch let error as InputProblems {
            #expect(error.problems.map(\.message) == Self.reasons.keys.sorted().map { Self.reasons[$0]! })
        }
        #expect(try snapshot(previous.output) == previous.before)
    }

    @Test func keepGoingBuildsTheRestAndReportsTheSkippedFiles() throws {
        let previous = try PreviousOutput("corpus-keep-going")
        defer { previous.remove() }
        let dir = try previous.corpus("in", Self.badFiles)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("notes.txt"), withIntermediateDirectories: true)
        let run = try previous.build([dir], extra: ["--keep-going"])
        #expect(run.status == 3, "\(run)")
        #expect(!run.signalled && !run.stderr.contains("error:"), "\(run)")
        for (name, reason) in Self.reasons {
            #expect(run.stderr.contains("scriptorium: warning: \(dir.path)/\(name): \(reason) (skipped)"), "\(run)")
        }
        #expect(run.stderr.contains("4 input(s) skipped; see \(previous.output.path)/data/build.json"))

        // The report: skipped files with their reasons, sorted, and the number of documents built.
        let reportBytes = try Data(contentsOf: previous.output.appendingPathComponent("data/build.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: reportBytes) as? [String: Any])
        #expect(report["documents"] as? Int == 2)
        #expect(report["keep_going"] as? Bool == true)
        let skipped = try #require(report["skipped"] as? [[String: String]])
        var expected = Self.reasons.map { ["source": $0.key, "reason": $0.value] }
        expected.append(["source": "notes.txt", "reason": "is a folder, not a text file"])
        #expect(skipped == expected.sorted { $0["source"]! < $1["source"]! })
        #expect(!String(decoding: reportBytes, as: UTF8.self).contains(previous.folder.path), "no machine path in the dataset")

        // A payload file like any other: in the bag manifest, manifest.json and the data package.
        let output = previous.output
        #expect(try String(contentsOf: output.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8).contains("  data/build.json\n"))
        func listedPaths(_ file: String, _ key: String) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/\(file)"))) as? [String: Any]
            return (object?[key] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        }
        #expect(try listedPaths("manifest.json", "files").contains("build.json"))
        #expect(try listedPaths("datapackage.json", "resources").contains("build.json"))
        #expect(try BagVerifier.verify(bag: output).isValid)
        #expect(try DatasetValidator.validate(bag: output).problems == [])
        let documents = try String(contentsOf: output.appendingPathComponent("data/csv/documents.csv"), encoding: .utf8)
        #expect(documents.split(separator: "\r\n").count == 3) // header, note, essay
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("data/source/empty.txt").path))

        // Same input, same bytes: the report holds no clock time or machine path.
        let again = try runTool(["build", dir.path, "--output", previous.folder.appendingPathComponent("again").path, "-k", "-j", "1"])
        #expect(again.status == 3)
        #expect(try snapshot(previous.folder.appendingPathComponent("again")) == snapshot(output))
    }

    @Test func keepGoingWithNothingBuildableWritesNothing() throws {
        let previous = try PreviousOutput("corpus-nothing")
        defer { previous.remove() }
        let dir = previous.folder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in Self.badFiles { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let run = try previous.build([dir], extra: ["--keep-going"])
        try previous.expectRefused(run, Self.reasons.map { "bad/\($0.key): \($0.value)" } + ["no document could be built"])
    }

    @Test func keepGoingWithoutBadFilesExitsZeroWithAnEmptyReport() throws {
        let folder = try temporaryFolder("corpus-clean")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        let run = try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path, "--keep-going"])
        #expect(run.status == 0, "\(run)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/build.json"))) as? [String: Any]
        #expect(report?["skipped"] as? [Any] != nil && (report?["skipped"] as? [Any])!.isEmpty)
        #expect(try DatasetValidator.validate(bag: output).problems == [])
        // Without --keep-going there is no report at all.
        let plain = try runTool(["build", folder.appendingPathComponent("good").path, "--output", folder.appendingPathComponent("plain").path])
        #expect(plain.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain/data/build.json").path))
    }

    @Test(.enabled(if: Prlimit.available, "prlimit (util-linux) is not installed"))
    func aWriteFailureEndsAKeepGoingBuildToo() throws {
        // A failed write is not a bad input: --keep-going must not skip it and publish a dataset without it.
        let previous = try PreviousOutput("corpus-write-fault")
        defer { previous.remove() }
        let dir = try previous.corpus("in", Self.badFiles)
        let run = try previous.build([dir], wrapper: Prlimit.fileSize(4096), extra: ["--keep-going"])
        try previous.expectRefused(run, ["\(previous.output.path): cannot write data/"])
    }
}
