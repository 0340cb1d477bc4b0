import Foundation
import Testing
import ScriptoriumBag
import ScriptoriumModel
@testable import ScriptoriumPipeline

/// Inputs whose names or links try to get something into the bag that does not belong there, or to break it:
/// documents named like the dataset's own files, names that differ only in Unicode normalisation, links out of
/// the input folder, names a manifest cannot carry, very long names, and names whose ids used to collide.
@Suite struct HostileNameTests {
    /// Writes a small document at `relative` (bytes, so a name need not be UTF-8) below `dir`.
    static func document(_ dir: URL, _ relative: [UInt8], _ words: String = "a paragraph") throws {
        let path = Array(dir.path.utf8) + [UInt8(ascii: "/")] + relative
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Each folder on the way, by its bytes.
        var folder = Array(dir.path.utf8)
        for component in relative.split(separator: UInt8(ascii: "/")).dropLast() {
            folder += [UInt8(ascii: "/")] + component
            _ = RawPath.withCString(folder) { mkdir($0, 0o755) }
        }
        let text = Array("A Heading\n\nThis is \(words), written for the test.\n".utf8)
        let fd = RawPath.withCString(path) { open($0, O_CREAT | O_WRONLY | O_TRUNC, 0o644) }
        try #require(fd >= 0, "cannot create \(String(decoding: relative, as: UTF8.self))")
        defer { close(fd) }
        #expect(text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.count)
    }

    static func document(_ dir: URL, _ relative: String, _ words: String = "a paragraph") throws {
        try document(dir, Array(relative.utf8), words)
    }

    static func build(_ input: URL, _ output: URL, keepGoing: Bool = false) throws -> BuildSummary {
        var options = BuildOptions(inputs: [input.path], output: output.path, jobs: 2)
        options.keepGoing = keepGoing
        return try DatasetBuilder.build(options)
    }

    /// The bag passes the tool's own `verify` and `validate`, and `sha256sum -c` where it is installed.
    static func expectSound(_ output: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verified = try BagVerifier.verify(bag: output)
        #expect(verified.isValid, "\(verified.findings)", sourceLocation: sourceLocation)
        #expect(try DatasetValidator.validate(bag: output).problems == [], sourceLocation: sourceLocation)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = ["-c", "--quiet", "manifest-sha256.txt"]
            process.currentDirectoryURL = output
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "sha256sum -c failed", sourceLocation: sourceLocation)
        }
    }

    static func documentsTable(_ output: URL) throws -> [[String: String]] {
        try readCSVTable(output.appendingPathComponent("data/csv/documents.csv"))
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    // MARK: 1. The dataset's own files

    /// `context.txt` and `dataset.txt` used to be written over `jsonld/context.jsonld` and `jsonld/dataset.jsonld`.
    @Test func documentsNamedLikeTheSharedFilesCannotReplaceThem() throws {
        let folder = try temporaryFolder("hostile-shared")
        defer { cleanup(folder) }
        let input = try goodCorpus(in: folder)
        for name in ["context", "dataset", "datapackage", "manifest", "build", "scriptorium-tei"] {
            try Self.document(input, "\(name).txt", "the document called \(name)")
        }
        try Self.document(input, "jsonld/context.txt")
        let output = folder.appendingPathComponent("out")
        let summary = try Self.build(input, output)
        #expect(summary.documents == 9)
        try Self.expectSound(output)
        let data = output.appendingPathComponent("data")
        let context = try Self.json(data.appendingPathComponent("context.jsonld"))
        #expect(context["@context"] is [String: Any], "data/context.jsonld is the shared context")
        #expect(try Self.json(data.appendingPathComponent("dataset.jsonld"))["@type"] as? String == "Dataset")
        let document = try Self.json(data.appendingPathComponent("jsonld/context.jsonld"))
        #expect(document["@id"] as? String == "context")
        #expect((document["@context"] as? [Any])?.first as? String == "../context.jsonld")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("jsonld/jsonld--context.jsonld").path))
        // The per-document folders hold per-document files only (and the TEI schema, an .rng).
        let ids = Set(try Self.documentsTable(output).map { $0["id"]! })
        let jsonld = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("jsonld").path)
        #expect(Set(jsonld.map { String($0.dropLast(".jsonld".count)) }) == ids)
        let tei = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("tei").path)
        #expect(Set(tei.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(".xml".count)) }) == ids)
        #expect(tei.filter { !$0.hasSuffix(".xml") } == ["scriptorium-tei.rng"])
    }

    // MARK: 2. Names compared as bytes

    /// `café.txt` in NFC and in NFD are two files on Linux but one name to bagit-python, macOS and Windows:
    /// neither is dropped in silence, neither is chosen; both are refused, naming each other, and the rest builds.
    @Test func namesThatDifferOnlyInNormalisationAreBothRefused() throws {
        let folder = try temporaryFolder("hostile-nfd")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        let nfc = "caf\u{E9}.txt", nfd = "cafe\u{301}.txt"
        try Self.document(input, nfc, "the composed one")
        try Self.document(input, nfd, "the decomposed one")
        try Self.document(input, "sub/\(nfc)", "the composed one in a folder")
        let output = folder.appendingPathComponent("out")
        let failed = try runTool(["build", input.path, "--output", output.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("written in NFC, differs from caf\u{E9}.txt (NFD) only in Unicode normalisation"), "\(failed.stderr)")
        #expect(failed.stderr.contains("written in NFD, differs from caf\u{E9}.txt (NFC)"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        #expect(try Self.build(input, output, keepGoing: true).documents == 1)
        let rows = try Self.documentsTable(output)
        #expect(rows.map { Array($0["source"]!.utf8) } == [Array("sub/\(nfc)".utf8)])
        try Self.expectSound(output)
    }

    @Test func pathsAreSortedAndComparedAsBytes() {
        #expect(PathOrder.less("cafe\u{301}.txt", "caf\u{E9}.txt"))
        #expect(!PathOrder.same("cafe\u{301}.txt", "caf\u{E9}.txt"))
        #expect("cafe\u{301}.txt" == "caf\u{E9}.txt", "Swift's String equality is what the build must not use")
        let root = URL(fileURLWithPath: "/in")
        let inputs = ["caf\u{E9}.txt", "cafe\u{301}.txt"].map {
            InputDocument(url: root.appendingPathComponent($0), relativePath: $0, root: root)
        }
        let ids = try? DatasetBuilder.documentIDs(inputs)
        #expect(ids.map { Set($0).count } == 2)
    }

    // MARK: 3. Symbolic links out of the input folder

    @Test func linksOutOfTheInputFolderAreRefused() throws {
        let folder = try temporaryFolder("hostile-links")
        defer { cleanup(folder) }
        let input = try goodCorpus(in: folder, name: "in")
        let outside = folder.appendingPathComponent("outside")
        try Self.document(outside, "secret.txt", "a secret")
        try Self.document(outside, "deeper/more.txt", "another secret")
        try Self.document(input, ".hidden/inside.txt", "a document reached through a link")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("secret.txt").path, withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try fm.createDirectory(at: input.appendingPathComponent("sub/deep"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("sub/deep/linked").path, withDestinationPath: "../../../outside")
        // A link inside the folder is followed.
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("alias.txt").path, withDestinationPath: ".hidden/inside.txt")
        // A link whose first hop stays inside but whose target does not.
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("hop.txt").path, withDestinationPath: "secret.txt")

        let output = folder.appendingPathComponent("out")
        let refused = try runTool(["build", input.path, "--output", output.path])
        #expect(refused.status == 1 && refused.isCleanFailure, "\(refused)")
        for line in ["in/secret.txt: is a symbolic link to a file outside the input folder",
                     "in/hop.txt: is a symbolic link to a file outside the input folder",
                     "in/sub/deep/linked: is a symbolic link to a folder outside the input folder"] {
            #expect(refused.stderrLines.filter { $0.contains(line) }.count == 1, "\(line)\n\(refused)")
        }
        #expect(!fm.fileExists(atPath: output.path))

        let kept = try runTool(["build", input.path, "--output", output.path, "--keep-going"])
        #expect(kept.status == 3, "\(kept)")
        let report = try Self.json(output.appendingPathComponent("data/build.json"))
        let skipped = Set(((report["skipped"] as? [[String: String]]) ?? []).map { $0["source"]! })
        #expect(skipped == ["secret.txt", "hop.txt", "sub/deep/linked"])
        let sources = Set(try Self.documentsTable(output).map { $0["source"]! })
        #expect(sources == ["us-japan-security-treaty.txt", "note.txt", "alias.txt"])
        let copies = try snapshot(output.appendingPathComponent("data/source"))
        #expect(!copies.values.contains { String(decoding: $0, as: UTF8.self).contains("secret") })
        try Self.expectSound(output)

        // A file named on the command line: its folder is the input folder.
        let named = try runTool(["build", input.appendingPathComponent("secret.txt").path, "--output", folder.appendingPathComponent("out2").path])
        #expect(named.status == 1 && named.stderr.contains("secret.txt: is a symbolic link to a file outside the input folder"), "\(named)")
    }

    // MARK: 4. A skipped document leaves nothing behind

    /// Failures at each stage that can be provoked from outside: reading (not UTF-8), the sidecar (an unknown
    /// key, a language that is not a BCP 47 tag: this one used to pass until TEI validation, after the source
    /// copy was written), and extraction (only headings).
    @Test func aSkippedDocumentLeavesNoFileInTheBag() throws {
        let folder = try temporaryFolder("hostile-skip")
        defer { cleanup(folder) }
        let input = try goodCorpus(in: folder, name: "in")
        try Data([0x41, 0xFF, 0x0A]).write(to: input.appendingPathComponent("latin1.txt"))
        try Self.document(input, "typo.txt")
        try Data(#"{"titel": "A typo"}"#.utf8).write(to: input.appendingPathComponent("typo.meta.json"))
        try Data("# Only a heading\n".utf8).write(to: input.appendingPathComponent("headings.md"))
        for name in ["badlang", "nested/badlang"] {
            try Self.document(input, "\(name).txt")
            try Data(#"{"language": "not a language!"}"#.utf8).write(to: input.appendingPathComponent("\(name).meta.json"))
        }
        let output = folder.appendingPathComponent("out")
        let summary = try Self.build(input, output, keepGoing: true)
        #expect(summary.documents == 2)
        #expect(Set(summary.skipped.map(\.source)) == ["latin1.txt", "typo.txt", "headings.md", "badlang.txt", "nested/badlang.txt"])
        let files = try snapshot(output.appendingPathComponent("data")).keys
        for file in files where file.hasPrefix("source/") || file.hasPrefix("tei/") || file.hasPrefix("jsonld/") {
            #expect(["us-japan-security-treaty", "note", "scriptorium-tei"].contains { file.contains($0) }, "left behind: \(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("data/source/nested").path))
        try Self.expectSound(output)
        let run = try runTool(["verify", output.path])
        #expect(run.status == 0, "\(run)")
    }

    // MARK: 11. Names a manifest cannot carry

    @Test func namesTheBagCannotCarryAreRefusedByName() throws {
        let folder = try temporaryFolder("hostile-names")
        defer { cleanup(folder) }
        let input = try goodCorpus(in: folder, name: "in")
        let bad: [(name: [UInt8], shown: String, reason: String)] = [
            (Array(#"back\slash.txt"#.utf8), #"in/back\slash.txt"#, "the name contains a backslash, which BagIt and sha256sum read differently; rename the file"),
            (Array("100%.txt".utf8), "in/100%.txt", "the name contains a percent sign"),
            (Array("line\nbreak.txt".utf8), #"in/line\nbreak.txt"#, "the name contains a line break (LF)"),
            (Array("carriage\rreturn.txt".utf8), #"in/carriage\rreturn.txt"#, "the name contains a carriage return (CR)"),
            (Array("tab\there.txt".utf8), #"in/tab\there.txt"#, "the name contains a control character (U+0009)"),
            (Array("bell\u{7}.txt".utf8), #"in/bell\x07.txt"#, "the name contains a control character (U+0007)"),
            (Array("del\u{7F}.txt".utf8), #"in/del\x7F.txt"#, "the name contains a control character (U+007F)"),
            (Array("lat".utf8) + [0xE9] + Array(".txt".utf8), #"in/lat\xE9.txt"#, "the name is not valid UTF-8 (byte 0xE9 at byte 3); rename the file"),
            (Array(#"odd\folder/inside.txt"#.utf8), #"in/odd\folder/inside.txt"#, #"the name of its folder odd\folder contains a backslash"#),
            ([0xFF] + Array("dir/inside.txt".utf8), #"in/\xFFdir/inside.txt"#, #"the name of its folder \xFFdir is not valid UTF-8"#),
        ]
        for file in bad { try Self.document(input, file.name) }
        // Names that are fine, for contrast: spaces, quotes, non-ASCII letters.
        try Self.document(input, "it's a \"quoted\" name, é.txt")

        let output = folder.appendingPathComponent("out")
        let refused = try runTool(["build", input.path, "--output", output.path])
        #expect(refused.status == 1 && refused.isCleanFailure, "\(refused)")
        for file in bad {
            let line = "/\(file.shown): \(file.reason)"
            #expect(refused.stderrLines.filter { $0.hasPrefix("scriptorium: error: ") && $0.contains(line) }.count == 1,
                    "\(line)\n\(refused)")
        }
        #expect(refused.stderrLines.last == "scriptorium: error: \(bad.count) problems; nothing was written", "\(refused)")

        let kept = try runTool(["build", input.path, "--output", output.path, "-k"])
        #expect(kept.status == 3, "\(kept)")
        #expect(try Self.documentsTable(output).count == 3)
        let report = try Self.json(output.appendingPathComponent("data/build.json"))
        #expect((report["skipped"] as? [Any])?.count == bad.count)
        try Self.expectSound(output)
    }

    @Test func nameChecks() {
        #expect(NameCheck.problem(Array("a b/ç'\"!.txt".utf8)) == nil)
        #expect(NameCheck.problem(Array("a/b\\c.txt".utf8))?.hasPrefix("the name contains a backslash") == true)
        #expect(NameCheck.problem([0x61, 0xC3]) == "the name is not valid UTF-8 (byte 0xC3 at byte 1); rename the file")
        #expect(NameCheck.problem(Array("ok/\u{1B}x/a.txt".utf8)) == #"the name of its folder \x1Bx contains a control character (U+001B), which the manifests cannot carry; rename the folder"#)
        #expect(NameCheck.shown([0x61, 0x0A, 0xFF, 0x62]) == #"a\n\xFFb"#)
    }

    // MARK: 12. Long names

    /// A 255-byte name (the longest most file systems allow) used to fail on its `jsonld/NAME.jsonld`.
    @Test func aNameAsLongAsTheFileSystemAllowsBuilds() throws {
        let folder = try temporaryFolder("hostile-long")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        let name = String(repeating: "a", count: 251) + ".txt"
        let words = Array(repeating: "word", count: 50).joined(separator: " ") + ".md"
        try Self.document(input, name)
        try Self.document(input, words)
        let output = folder.appendingPathComponent("out")
        #expect(try Self.build(input, output).documents == 2)
        for row in try Self.documentsTable(output) {
            #expect(row["id"]!.utf8.count <= 120, "\(row["id"]!)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/source/\(row["source"]!)").path))
        }
        try Self.expectSound(output)
    }

    // MARK: 16. Ids that depend on the document's own path only

    /// `A b.txt` used to be `a-b`, and `a-b` when `a-b.txt` was added became `a-b-2`, or took `a-b` from it.
    @Test func addingADocumentNeverRenamesAnother() throws {
        let folder = try temporaryFolder("hostile-ids")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try Self.document(input, "A b.txt")
        try Self.document(input, "part-1/chapter.txt")
        let output = folder.appendingPathComponent("out")
        _ = try Self.build(input, output)
        let before = Dictionary(uniqueKeysWithValues: try Self.documentsTable(output).map { ($0["source"]!, $0["id"]!) })
        #expect(before["part-1/chapter.txt"] == "part-1--chapter")
        #expect(before["A b.txt"]?.hasPrefix("a-b_") == true)

        for name in ["a-b.txt", "a b.txt", "a_b.txt", "part-1-chapter.txt", "part-1/Chapter.txt", "0.txt"] {
            try Self.document(input, name)
        }
        _ = try Self.build(input, output)
        let after = Dictionary(uniqueKeysWithValues: try Self.documentsTable(output).map { ($0["source"]!, $0["id"]!) })
        for (source, id) in before { #expect(after[source] == id, "\(source)") }
        #expect(after["a-b.txt"] == "a-b")
        #expect(after["part-1-chapter.txt"] == "part-1-chapter")
        #expect(Set(after.values).count == after.count)
        #expect(after.values.allSatisfy { RecordID.isNCName($0) && !$0.contains(".") })
        try Self.expectSound(output)
    }

    /// Two paths whose hashed ids meet (48 bits of SHA-256) are an error naming both, never a silent rename.
    @Test func anIDCollisionNamesBothFiles() throws {
        let root = URL(fileURLWithPath: "/in")
        let inputs = ["x one.txt", "x two.txt"].map {
            InputDocument(url: root.appendingPathComponent($0), relativePath: $0, root: root, shownPath: "in/\($0)")
        }
        #expect(throws: InputProblems.self) { try DatasetBuilder.documentIDs(inputs, id: { _ in "x_000000000000" }) }
        do {
            _ = try DatasetBuilder.documentIDs(inputs, id: { _ in "x_000000000000" })
        } catch let problems as InputProblems {
            #expect(problems.description == "in/x two.txt: has the same document id, x_000000000000, as in/x one.txt (a SHA-256 collision); rename one of them")
        }
        #expect(try DatasetBuilder.documentIDs(inputs) == inputs.map { RecordID.document(sourcePath: $0.relativePath) })
    }
}
