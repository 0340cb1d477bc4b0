import Foundation
import Testing
import ScriptoriumBag

/// A dataset built from a good corpus, to be kept as it is by every failed build that follows (SPEC §4 "Atomic",
/// §5 "Bad input").
struct PreviousOutput {
    let folder: URL
    let output: URL
    let before: [String: Data]

    init(_ name: String) throws {
        folder = try temporaryFolder(name)
        output = folder.appendingPathComponent("out")
        let built = try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path, "--jobs", "2"])
        #expect(built.status == 0, "\(built)")
        before = try snapshot(output)
    }

    /// A folder `name` beside the output holding the essay and, from `files`, bad inputs (name → bytes).
    func corpus(_ name: String, _ files: [String: [UInt8]] = [:]) throws -> URL {
        let dir = try goodCorpus(in: folder, name: name)
        for (file, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(file)) }
        return dir
    }

    func build(_ paths: [URL], wrapper: [String] = [], extra: [String] = []) throws -> ToolRun {
        try runTool(["build"] + paths.map(\.path) + ["--output", output.path, "--jobs", "2"] + extra, wrapper: wrapper,
                    timeout: 120)
    }

    /// The run failed cleanly with one message per problem, each message contains one of `expected` (and each
    /// expected text is found), and the previous output is byte for byte as it was, with no leftovers beside it.
    func expectRefused(_ run: ToolRun, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.status == 1, "\(run)", sourceLocation: sourceLocation)
        #expect(run.isCleanFailure, "\(run)", sourceLocation: sourceLocation)
        for text in expected {
            #expect(run.stderrLines.filter { $0.contains(text) }.count == 1, "expected one line with \(text):\n\(run)",
                    sourceLocation: sourceLocation)
        }
        #expect(try snapshot(output) == before, "the previous output changed", sourceLocation: sourceLocation)
        #expect(leftovers(beside: output).isEmpty, "left behind: \(leftovers(beside: output))", sourceLocation: sourceLocation)
    }

    func remove() { cleanup(folder) }
}

@Suite(.serialized) struct BadInputTests {
    @Test func notUTF8NamesTheFileTheByteOffsetAndLineColumn() throws {
        let previous = try PreviousOutput("bad-utf8")
        defer { previous.remove() }
        let dir = try previous.corpus("in", [
            "latin1.txt": Array("Good line.\nab".utf8) + [0xFF] + Array("c more text here.\n".utf8),
            // After a BOM (3 bytes, counted in the offset) and multi-byte characters (one column each).
            "bom.txt": [0xEF, 0xBB, 0xBF] + Array("é€ ".utf8) + [0xC3, 0x28] + Array(" x.\n".utf8),
            "truncated.txt": Array("Ends in the middle of a character ".utf8) + [0xE2, 0x82],
        ])
        let run = try previous.build([dir])
        try previous.expectRefused(run, [
            "in/latin1.txt: not valid UTF-8: invalid byte 0xFF at byte offset 13 (line 2, column 3)",
            "in/bom.txt: not valid UTF-8: invalid sequence starting with byte 0xC3 at byte offset 9 (line 1, column 4)",
            "in/truncated.txt: not valid UTF-8: truncated sequence (byte 0xE2 at the end of the file) at byte offset 34 (line 1, column 35)",
        ])
        #expect(run.stderrLines.last == "scriptorium: error: 3 problems; nothing was written")
    }

    @Test func emptyBlankAndBinaryFilesAreNamed() throws {
        let previous = try PreviousOutput("bad-empty")
        defer { previous.remove() }
        let dir = try previous.corpus("in", [
            "empty.txt": [],
            "blank.txt": Array(" \n\t\r\n\u{00A0}\u{3000}\u{2028}\n".utf8),
            "nul.txt": Array("text\n".utf8) + [0] + Array("more".utf8),
            "image.txt": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            "archive.md": [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00],
            "utf16.txt": [0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00],
        ])
        try previous.expectRefused(try previous.build([dir]), [
            "in/empty.txt: the file is empty",
            "in/blank.txt: the file holds no text (only white space)",
            "in/nul.txt: this looks like a binary file: NUL byte at byte offset 5",
            "in/image.txt: this is a binary file (PNG image), not UTF-8 text",
            "in/archive.md: this is a binary file (ZIP archive), not UTF-8 text",
            "in/utf16.txt: this is a binary file (UTF-16 text), not UTF-8 text",
        ])
    }

    @Test(.enabled(if: Privileges.canMakePermissionsApply,
                   "running as root without a working setpriv: root reads a chmod 000 file, so this case cannot be made"))
    func unreadableFileIsNamed() throws {
        let previous = try PreviousOutput("bad-unreadable")
        defer { previous.remove() }
        let dir = try previous.corpus("in", ["secret.txt": Array("A paragraph that nobody may read, here.\n".utf8)])
        let secret = dir.appendingPathComponent("secret.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: secret.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret.path) }
        // Named inside a folder, and named on its own.
        try previous.expectRefused(try previous.build([dir], wrapper: Privileges.permissionsApply!),
                                   ["in/secret.txt: cannot be read (permission denied)"])
        try previous.expectRefused(try previous.build([secret], wrapper: Privileges.permissionsApply!),
                                   ["in/secret.txt: cannot be read (permission denied)"])
    }

    @Test func aFolderNamedLikeADocumentIsNamed() throws {
        let previous = try PreviousOutput("bad-dir")
        defer { previous.remove() }
        let dir = try previous.corpus("in")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("chapter.txt"), withIntermediateDirectories: true)
        try previous.expectRefused(try previous.build([dir]), ["in/chapter.txt: is a folder, not a text file"])
    }

    @Test func symbolicLinkLoopsAndBrokenLinksAreNamed() throws {
        let previous = try PreviousOutput("bad-links")
        defer { previous.remove() }
        let dir = try previous.corpus("in")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("a.txt").path, withDestinationPath: "b.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("again").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
        try previous.expectRefused(try previous.build([dir]), [
            "in/a.txt: a symbolic link loop",
            "in/b.txt: a symbolic link loop",
            "in/again: a symbolic link loop (this folder was already read)",
            "in/gone.txt: a broken symbolic link (to nowhere.txt, which does not exist)",
        ])
        // A loop named on the command line.
        try previous.expectRefused(try previous.build([dir.appendingPathComponent("a.txt")]), ["in/a.txt: a symbolic link loop"])
    }

    @Test func aNamedPipeIsRefusedWithoutHanging() throws {
        let previous = try PreviousOutput("bad-fifo")
        defer { previous.remove() }
        let dir = try previous.corpus("in")
        let fifo = dir.appendingPathComponent("stream.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let run = try previous.build([dir])
        #expect(!run.timedOut, "the build hung on a named pipe")
        try previous.expectRefused(run, ["in/stream.txt: is a named pipe, not a text file"])
        try previous.expectRefused(try previous.build([fifo]), ["in/stream.txt: is a named pipe, not a text file"])
    }

    @Test func aMissingInputFolderIsNamed() throws {
        let previous = try PreviousOutput("bad-missing")
        defer { previous.remove() }
        let missing = previous.folder.appendingPathComponent("no-such-folder")
        try previous.expectRefused(try previous.build([missing]), ["no-such-folder: no such file or folder"])
        // Several PATHs, some missing: each is named.
        let run = try previous.build([try previous.corpus("in"), missing, previous.folder.appendingPathComponent("gone.txt")])
        try previous.expectRefused(run, ["no-such-folder: no such file or folder", "gone.txt: no such file or folder"])
        // An empty folder holds nothing to build.
        let empty = previous.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try previous.expectRefused(try previous.build([empty]), ["empty: holds no .txt or .md documents"])
    }

    @Test func anOutputPathThatIsAFileIsRefused() throws {
        let folder = try temporaryFolder("bad-outfile")
        defer { cleanup(folder) }
        let file = folder.appendingPathComponent("out")
        try Data("precious\n".utf8).write(to: file)
        let run = try runTool(["build", try goodCorpus(in: folder).path, "--output", file.path])
        #expect(run.status == 1 && run.isCleanFailure, "\(run)")
        #expect(run.stderrLines == ["scriptorium: error: \(file.path): exists and is not a folder"])
        #expect(try Data(contentsOf: file) == Data("precious\n".utf8))
        #expect(leftovers(beside: file).isEmpty)
        // Nor is a folder of someone else's files replaced.
        let theirs = folder.appendingPathComponent("theirs")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: theirs.appendingPathComponent("notes.txt"))
        let refused = try runTool(["build", folder.appendingPathComponent("good").path, "--output", theirs.path])
        #expect(refused.status == 1 && refused.isCleanFailure, "\(refused)")
        #expect(refused.stderr.contains("\(theirs.path): is a folder that is not a Scriptorium dataset"))
        #expect(try snapshot(theirs) == ["notes.txt": Data("mine\n".utf8)])
    }

    @Test(.enabled(if: Privileges.canMakePermissionsApply,
                   "running as root without a working setpriv: root writes into a chmod 555 folder, so this case cannot be made"))
    func anOutputFolderThatCannotBeWrittenIsNamed() throws {
        let previous = try PreviousOutput("bad-readonly")
        defer { previous.remove() }
        let corpus = try previous.corpus("in")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: previous.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: previous.folder.path) }
        let run = try previous.build([corpus], wrapper: Privileges.permissionsApply!)
        try previous.expectRefused(run, ["\(previous.output.path): cannot write in \(previous.folder.path) (Permission denied)"])
        // A new output in a folder that does not exist.
        let nowhere = previous.folder.appendingPathComponent("missing/out")
        let missing = try runTool(["build", corpus.path, "--output", nowhere.path])
        #expect(missing.status == 1 && missing.isCleanFailure, "\(missing)")
        #expect(missing.stderr.contains("\(nowhere.path): the folder it would go in, \(nowhere.deletingLastPathComponent().path), does not exist"))
    }

    @Test(.enabled(if: Tmpfs.available, "no tmpfs can be mounted here (needs root and mount permission)"))
    func aFullDiskLeavesThePreviousOutput() throws {
        // A real full disk: a tmpfs with room for one dataset but not for a second beside it.
        let sizing = try PreviousOutput("full-sizing")
        defer { sizing.remove() }
        let pages = sizing.before.values.reduce(0) { $0 + ($1.count + 4095) / 4096 * 4096 } + 8 * 4096
        let mountPoint = try temporaryFolder("full-disk")
        defer { cleanup(mountPoint) }
        try #require(Tmpfs.mount(at: mountPoint, bytes: pages * 5 / 4))
        defer { Tmpfs.unmount(mountPoint) }
        let output = mountPoint.appendingPathComponent("out")
        let corpus = sizing.folder.appendingPathComponent("good")
        let first = try runTool(["build", corpus.path, "--output", output.path])
        try #require(first.status == 0, "\(first)")
        let before = try snapshot(output)
        let second = try runTool(["build", corpus.path, "--output", output.path])
        #expect(second.status == 1 && second.isCleanFailure, "\(second)")
        #expect(second.stderrLines.count == 1, "\(second)")
        #expect(second.stderr.contains("scriptorium: error: \(output.path): cannot write data/"), "\(second)")
        #expect(second.stderr.contains(": No space left on device; the previous output was left as it was"), "\(second)")
        #expect(try snapshot(output) == before)
        #expect(leftovers(beside: output).isEmpty)
        #expect(try BagVerifier.verify(bag: output).isValid)
    }

    @Test(.enabled(if: Prlimit.available, "prlimit (util-linux) is not installed"))
    func aFailedWriteLeavesThePreviousOutput() throws {
        // `ulimit -f`: a write past the limit fails (EFBIG), as on a full disk. A small limit fails on the first
        // document's files, written on a worker thread; one just under the largest file fails on that file
        // alone, late in the build.
        let previous = try PreviousOutput("write-fault")
        defer { previous.remove() }
        let corpus = try previous.corpus("in")
        let largest = try #require(previous.before.max { $0.value.count < $1.value.count })
        for limit in [4096, largest.value.count - 1] {
            let run = try previous.build([corpus], wrapper: Prlimit.fileSize(limit))
            try previous.expectRefused(run, ["\(previous.output.path): cannot write data/"])
            #expect(run.stderrLines.count == 1, "limit \(limit): \(run)")
            #expect(run.stderr.contains(": File too large; the previous output was left as it was"), "limit \(limit): \(run)")
            if limit > 4096 { #expect(run.stderr.contains(largest.key), "limit \(limit): \(run)") }
        }
    }
}
