import Foundation
import Testing

/// `scriptorium verify` as a user runs it: its findings on stdout, one per line, every one of them; a summary
/// on stderr; and the exit statuses the README documents.
@Suite(.serialized) struct ReliabilityVerifyTests {
    @Test func verifyListsEveryProblemAndExits1() throws {
        let folder = try temporaryFolder("verify")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path]).status == 0)
        let ok = try runTool(["verify", output.path])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("ok: "), "\(ok)")

        let data = output.appendingPathComponent("data")
        try Data("changed".utf8).write(to: data.appendingPathComponent("csv/sentences.csv"))
        try Data("changed".utf8).write(to: data.appendingPathComponent("tei/note.xml"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("source/note.txt"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("context.jsonld"))
        try Data("x".utf8).write(to: data.appendingPathComponent("csv/extra.csv"))
        try Data("x".utf8).write(to: data.appendingPathComponent("notes.txt"))
        try Data("BagIt-Version: 1.0\n".utf8).write(to: output.appendingPathComponent("bagit.txt"))
        let run = try runTool(["verify", output.path])
        #expect(run.status == 1)
        #expect(!run.signalled && run.stderrLines.count == 1 && run.stderrLines[0].hasPrefix("scriptorium: error: \(output.path): "), "\(run)")
        let lines = Set(run.stdout.split(separator: "\n").map { String($0.split(separator: " (")[0]) })
        #expect(lines.isSuperset(of: [
            "modified: data/csv/sentences.csv", "modified: data/tei/note.xml",
            "missing: data/source/note.txt", "missing: data/context.jsonld",
            "extra: data/csv/extra.csv", "extra: data/notes.txt",
            "malformed: bagit.txt", "modified: bagit.txt",
        ]), "\(run.stdout)")
    }

    @Test func notABagAndWrongUsageHaveTheirExitStatus() throws {
        let folder = try temporaryFolder("verify-none")
        defer { cleanup(folder) }
        let notABag = try runTool(["verify", folder.path])
        #expect(notABag.status == 1 && notABag.isCleanFailure, "\(notABag)")
        #expect(notABag.stderrLines == ["scriptorium: error: \(folder.path): not a BagIt bag: there is no bagit.txt and no manifest-sha256.txt"])
        let missing = try runTool(["verify", folder.appendingPathComponent("nowhere").path])
        #expect(missing.status == 1 && missing.stderr.contains("nowhere: no such folder"), "\(missing)")
        // Wrong usage: ArgumentParser's EX_USAGE, 64, for every command.
        for arguments in [["verify", "--bogus"], ["build", "--jobs", "0"], ["validate", "a", "b"], ["nosuch"]] {
            let usage = try runTool(arguments)
            #expect(usage.status == 64, "\(arguments): \(usage)")
            #expect(usage.stderr.hasPrefix("Error: "), "\(arguments): \(usage)")
        }
    }
}
