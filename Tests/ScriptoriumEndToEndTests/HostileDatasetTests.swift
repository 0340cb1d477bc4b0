import Foundation
import Testing
@testable import ScriptoriumPipeline

/// `validate` on datasets that were tampered with or never were whole: a missing or empty `manifest.json` fails,
/// a table replaced by a named pipe is reported (never opened for reading), and a `data` folder that is a
/// symbolic link is refused, never walked.
@Suite(.serialized) struct HostileDatasetTests {
    /// A built dataset of the essay and a note, in a fresh folder (removed by the caller).
    private func built() throws -> (folder: URL, output: URL) {
        let folder = try temporaryFolder("hostile-dataset")
        let output = folder.appendingPathComponent("out")
        let run = try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, output)
    }

    @Test func aMissingOrEmptyManifestFailsValidation() throws {
        let (folder, output) = try built()
        defer { cleanup(folder) }
        let manifest = output.appendingPathComponent("data/manifest.json")
        #expect(try runTool(["validate", output.path]).status == 0)
        for content in [nil, "{}", "[]", "{\"tool\": {\"name\": \"scriptorium\", \"version\": \"0\"}}"] as [String?] {
            try? FileManager.default.removeItem(at: manifest)
            if let content { try Data(content.utf8).write(to: manifest) }
            let run = try runTool(["validate", output.path])
            #expect(run.status == 1, "validate passed with manifest.json = \(content ?? "(missing)")")
            #expect(run.stdout.contains("manifest.json"), "\(run.stdout)")
        }
    }

    @Test func aManifestThatDisagreesWithTheBagFails() throws {
        let (folder, output) = try built()
        defer { cleanup(folder) }
        let manifest = output.appendingPathComponent("data/manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        // One record fewer than the table holds.
        let edited = text.replacingOccurrences(of: #""documents":2"#, with: #""documents":1"#)
        #expect(edited != text)
        try Data(edited.utf8).write(to: manifest)
        let run = try runTool(["validate", output.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("manifest.json: records.documents is 1, the table has 2 rows"), "\(run.stdout)")
    }

    @Test func aTableThatIsANamedPipeIsReportedNotRead() throws {
        let (folder, output) = try built()
        defer { cleanup(folder) }
        let table = output.appendingPathComponent("data/csv/blocks.csv")
        try FileManager.default.removeItem(at: table)
        #expect(mkfifo(table.path, 0o644) == 0)
        let run = try runTool(["validate", output.path], timeout: 60) // reading the pipe would block for ever
        #expect(run.status == 1)
        #expect(run.stdout.contains("csv/blocks.csv: is a named pipe, not a regular file"), "\(run.stdout)")
        let verify = try runTool(["verify", output.path], timeout: 60)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("data/csv/blocks.csv (is a named pipe"), "\(verify.stdout)")
    }

    @Test func aDataFolderThatLinksOutOfTheBagIsNotWalked() throws {
        let (folder, output) = try built()
        defer { cleanup(folder) }
        let data = output.appendingPathComponent("data")
        try FileManager.default.removeItem(at: data)
        try FileManager.default.createSymbolicLink(atPath: data.path, withDestinationPath: "/")
        let validate = try runTool(["validate", output.path], timeout: 60)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("symbolic link"), "\(validate.stderr)")
        let verify = try runTool(["verify", output.path], timeout: 60)
        #expect(verify.status == 1)
        #expect(verify.stdout.split(separator: "\n").count < 40, "verify walked the link: \(verify.stdout.prefix(500))")
    }

    @Test(arguments: [#"{"base_iri": "https://e.org/\"<>/"}"#, #"{"base_iri": "rel/"}"#, #"{"license_url": "rel/"}"#,
                      #"{"license_url": "https://e.org/a b"}"#, #"{"license": "https://e.org/{x}"}"#])
    func anIRIThatIsNotAbsoluteIsRefusedByName(dataset: String) throws {
        let folder = try temporaryFolder("hostile-iri")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("A paragraph about the treaty.\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        try Data(dataset.utf8).write(to: input.appendingPathComponent("dataset.json"))
        let output = folder.appendingPathComponent("out")
        let run = try runTool(["build", input.path, "--output", output.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("dataset.json") && run.stderr.contains("is not an absolute IRI"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aTitleWithLineBreaksAndNULsCannotForgeBagInfo() throws {
        let folder = try temporaryFolder("hostile-baginfo")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("A paragraph about the treaty.\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        try Data(#"{"title": "Forged\nPayload-Oxum: 1.1\u0000\r\nBagging-Date: 1999-01-01", "publisher": "P\n\u0000Q"}"#.utf8)
            .write(to: input.appendingPathComponent("dataset.json"))
        let output = folder.appendingPathComponent("out")
        let run = try runTool(["build", input.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let info = try String(contentsOf: output.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.components(separatedBy: "\n").filter { $0.hasPrefix("Payload-Oxum:") }.count == 1, "\(info)")
        // A Bagging-Date line of the tool's own is there when SOURCE_DATE_EPOCH is set; the forged one never is.
        #expect(info.components(separatedBy: "\n").filter { $0.hasPrefix("Bagging-Date:") }.count <= 1, "\(info)")
        #expect(!info.contains("\nBagging-Date: 1999-01-01") && !info.contains("\u{0}"), "\(info)")
        #expect(info.contains("External-Description: Forged Payload-Oxum: 1.1 Bagging-Date: 1999-01-01\n"), "\(info)")
        #expect(try runTool(["verify", output.path]).status == 0)
        #expect(try runTool(["validate", output.path]).status == 0)
    }

    /// Write-protection is honoured: a build over a read-only previous output fails, names it, and leaves
    /// no hidden staging folder. Root may write anywhere, so as root the tool runs as `nobody` (setpriv).
    @Test func aReadOnlyPreviousOutputIsRefusedAndNothingIsLeftBehind() throws {
        var wrapper: [String] = []
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            wrapper = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let folder = try temporaryFolder("hostile-readonly")
        defer {
            _ = runSystem("/bin/chmod", ["-R", "u+w", folder.path])
            cleanup(folder)
        }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("A paragraph about the treaty.\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        _ = runSystem("/bin/chmod", ["-R", "a+rwX", folder.path])
        let output = folder.appendingPathComponent("out")
        let first = try runTool(["build", input.path, "--output", output.path], wrapper: wrapper)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try snapshot(output)
        for target in [output.path, output.appendingPathComponent("data/csv").path] {
            _ = runSystem("/bin/chmod", ["-R", "u+w", output.path])
            _ = runSystem("/bin/chmod", ["a-w", target])
            let again = try runTool(["build", input.path, "--output", output.path], wrapper: wrapper)
            #expect(again.status == 1)
            #expect(again.stderr.contains("write-protected"), "\(again.stderr)")
            #expect(leftovers(beside: output).isEmpty, "\(leftovers(beside: output))")
            #expect(try snapshot(output) == before)
        }
    }

    /// Under a virtual-memory limit too small for the build, the build refuses before it starts, naming the
    /// document and the sizes, instead of dying in the runtime's allocation failure; the previous output stays.
    @Test func aMemoryLimitTooSmallIsRefusedClearly() throws {
        // Under AddressSanitizer (swift test --sanitize=address) the program maps terabytes of shadow memory at
        // start, so no address-space limit can be tested there.
        if ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil { return }
        let folder = try temporaryFolder("hostile-ulimit")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        let input = try goodCorpus(in: folder)
        #expect(try runTool(["build", input.path, "--output", output.path]).status == 0)
        let before = try snapshot(output)
        let limited = ["/bin/sh", "-c", "ulimit -v 120000 && exec \"$0\" \"$@\""]
        let run = try runTool(["build", input.path, "--output", output.path], wrapper: limited)
        #expect(run.status == 1 && !run.signalled, "\(run)")
        #expect(run.stderr.contains("us-japan-security-treaty.txt: is 19 KB; building it needs about"), "\(run.stderr)")
        #expect(run.stderr.contains("(ulimit -v)"), "\(run.stderr)")
        #expect(try snapshot(output) == before)
        #expect(leftovers(beside: output).isEmpty)
    }

    @Test func theMemoryEstimateGrowsWithTheDocumentsBuiltAtOnce() {
        #expect(MemoryLimit.need(sizes: [10, 1 << 20, 5 << 20], jobs: 1) == MemoryLimit.baseBytes + MemoryLimit.bytesPerInputByte * (5 << 20))
        #expect(MemoryLimit.need(sizes: [10, 1 << 20, 5 << 20], jobs: 2)
                == MemoryLimit.baseBytes + MemoryLimit.bytesPerInputByte * (6 << 20))
    }
}
