import Foundation
import Testing

/// The tool as a user runs it: exit codes, one-line messages that name the file, no stack traces.
@Suite(.serialized) struct CommandLineTests {
    @Test func helpAndVersion() throws {
        let version = try runCLI(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("scriptorium "))
        for command in [[], ["build"], ["validate"], ["verify"], ["sentences"], ["outline"]] {
            let help = try runCLI(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test func badInputsGetAClearMessageAndExit1() throws {
        let folder = try temporaryFolder("cli")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data([0xC3, 0x28]).write(to: input.appendingPathComponent("latin1.txt"))
        let result = try runCLI(["build", input.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("latin1.txt: not valid UTF-8"))
        #expect(!result.stderr.contains("Stack") && !result.stderr.contains("Fatal"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        let missing = try runCLI(["build", folder.appendingPathComponent("nowhere").path, "--output", folder.appendingPathComponent("out").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nowhere: no such file or folder"))

        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let unwritable = try runCLI(["build", inputFolder.path, "--output", file.path])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("a-file: exists and is not a folder"))
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func verifyExitCodes() throws {
        let folder = try temporaryFolder("cli")
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        #expect(try runCLI(["verify", output.path]).status == 0)
        #expect(try runCLI(["validate", output.path]).status == 0)
        try Data("tampered".utf8).write(to: output.appendingPathComponent("data/source/us-japan-security-treaty.txt"))
        let tampered = try runCLI(["verify", output.path])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("modified: data/source/us-japan-security-treaty.txt"))
        let notABag = try runCLI(["verify", folder.path])
        #expect(notABag.status == 1)
        #expect(notABag.stderr.contains("not a BagIt bag"))
    }

    @Test func outlineShowsHowADocumentWasReadAndTheSidecarCorrectsIt() throws {
        let folder = try temporaryFolder("cli")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let doc = input.appendingPathComponent("notes.txt")
        try Data("Release Notes\n=============\n\n2.1. Fixes\n\nThe parser no longer crashes.\n\nSee\n\n(a) one item\n".utf8).write(to: doc)
        let outline = try runCLI(["outline", doc.path])
        #expect(outline.status == 0)
        #expect(outline.stdout == """
            1\theading\t1\t\tRelease Notes
            4\theading\t2\t2.1\tFixes
            6\tparagraph\t\t\tThe parser no longer crashes.
            8\tparagraph\t\t\tSee
            10\tlist_item\t\t(a)\tone item

            """)
        // Corrections by line number, without touching the text: line 8 a heading, line 4 text, line 6 verbatim.
        try Data(#"{"layout": {"headings": {"8": 2}, "text": [4], "verbatim": ["6-6"]}}"#.utf8)
            .write(to: input.appendingPathComponent("notes.meta.json"))
        let corrected = try runCLI(["outline", doc.path])
        #expect(corrected.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false)[1] }
                == ["heading", "paragraph", "verbatim", "heading", "list_item"])
        let output = folder.appendingPathComponent("out")
        #expect(try runCLI(["build", input.path, "--output", output.path]).status == 0)
        #expect(try runCLI(["validate", output.path]).status == 0)
        let sections = try String(contentsOf: output.appendingPathComponent("data/csv/sections.csv"), encoding: .utf8)
        #expect(sections.contains(",See,") && !sections.contains("Fixes"))

        // A correction that does not fit the document is an error naming the sidecar; nothing is written.
        try Data(#"{"layout": {"headings": {"80": 1}}}"#.utf8).write(to: input.appendingPathComponent("notes.meta.json"))
        let bad = try runCLI(["build", input.path, "--output", folder.appendingPathComponent("out2").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("notes.meta.json: layout: line 80 is not a line of the document (it has 10)"))
        try Data(#"{"layout": {"heading": {"8": 1}}}"#.utf8).write(to: input.appendingPathComponent("notes.meta.json"))
        let typo = try runCLI(["outline", doc.path])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("notes.meta.json: \"layout\": unknown key \"heading\""))
    }

    @Test func sentencesCommandSplitsEachLine() throws {
        let result = try runCLI(["sentences"], stdin: Data("I live in the U.S. How about you?\n\n  Second   paragraph here. Another one.\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "I live in the U.S.\nHow about you?\n\nSecond paragraph here.\nAnother one.\n\n")
    }
}
