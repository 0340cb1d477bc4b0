import Foundation
import Testing
import ScriptoriumBag

/// A build killed with SIGKILL at any moment leaves the previous output intact and verifiable; what it left
/// behind is removed by the next build.
@Suite(.serialized) struct ReliabilityKillTests {
    /// A corpus large enough that a build takes a good second: `count` copies of the essay, and the lexicon.
    static func largeCorpus(in folder: URL, count: Int) throws -> URL {
        let dir = folder.appendingPathComponent("large")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: inputFolder.appendingPathComponent("lexicon.json"), to: dir.appendingPathComponent("lexicon.json"))
        let essay = try Data(contentsOf: inputFolder.appendingPathComponent("us-japan-security-treaty.txt"))
        for k in 1...count {
            try (Data("Copy \(k)\n\n".utf8) + essay).write(to: dir.appendingPathComponent("essay-\(k).txt"))
        }
        return dir
    }

    /// Starts a build, kills it with SIGKILL once `when` says so (or it ends), and says whether it was still running.
    static func buildAndKill(_ corpus: URL, output: URL, when: (TimeInterval) -> Bool) throws -> Bool {
        let process = Process()
        process.executableURL = scriptoriumBinary()
        process.arguments = ["build", corpus.path, "--output", output.path, "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        while process.isRunning && !when(Date().timeIntervalSince(started)) { usleep(2_000) }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning
    }

    @Test func aKilledBuildLeavesThePreviousOutputAndTheNextBuildCleansUp() throws {
        let folder = try temporaryFolder("kill")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        let small = try goodCorpus(in: folder)
        let documents = 150
        let large = try Self.largeCorpus(in: folder, count: documents)
        #expect(try runTool(["build", small.path, "--output", output.path]).status == 0)
        let before = try snapshot(output)
        let stagingPrefix = ".out.building-"

        // Kill while starting (at fractions of a whole build's time), then at moments found by watching the
        // staging folder, which do not depend on how fast the machine is: while documents are being written (a
        // quarter, half, three quarters, nearly all of their TEI files there), and when the bag manifest appears,
        // just before the swap.
        let started = Date()
        #expect(try runTool(["build", large.path, "--output", folder.appendingPathComponent("timing").path]).status == 0)
        let whole = Date().timeIntervalSince(started)
        print("kill test: a whole build of the large corpus takes \(String(format: "%.2f", whole)) s")
        var moments: [(String, (TimeInterval) -> Bool)] = [0.0, 0.05].map { fraction in
            let delay = whole * fraction
            return ("after \(String(format: "%.2f", delay)) s", { $0 >= delay })
        }
        for share in [0.25, 0.5, 0.75, 0.95] {
            let wanted = Int(Double(documents) * share)
            moments.append(("when \(wanted) TEI files are written", { _ in
                leftovers(beside: output).contains { name in
                    name.hasPrefix(stagingPrefix) && ((try? FileManager.default.contentsOfDirectory(
                        atPath: folder.appendingPathComponent("\(name)/data/tei").path).count) ?? 0) >= wanted
                }
            }))
        }
        moments.append(("when the bag manifest is being written", { _ in
            leftovers(beside: output).contains { name in
                name.hasPrefix(stagingPrefix)
                    && FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name)/manifest-sha256.txt").path)
            }
        }))
        var killedWhileRunning = 0
        var leftBehind = 0
        for (moment, when) in moments {
            let wasRunning = try Self.buildAndKill(large, output: output, when: when)
            if wasRunning { killedWhileRunning += 1 }
            // Each build removes what the killed ones before it left: never more than the last one's folder.
            let left = leftovers(beside: output)
            #expect(left.count <= 1, "\(moment): \(left)")
            if !left.isEmpty { leftBehind += 1 }
            let now = try snapshot(output)
            print("kill \(moment): \(wasRunning ? "killed while running" : "had ended"), output \(now == before ? "unchanged" : "replaced by the finished build"), left \(left)")
            if now != before {
                // Too late to kill: the build had swapped its complete output in, which must then verify.
                #expect(!wasRunning || moment.hasPrefix("when"), "\(moment): the output changed while the build was running")
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/source/essay-120.txt").path))
            }
            let report = try BagVerifier.verify(bag: output)
            #expect(report.isValid, "\(moment): \(report.findings)")
            if now != before {
                // Put the previous output back for the next kill.
                #expect(try runTool(["build", small.path, "--output", output.path]).status == 0)
            }
        }
        #expect(killedWhileRunning >= 5, "the builds ended before they could be killed: make the corpus larger")
        #expect(leftBehind >= 1, "a killed build leaves its staging folder (until the next build)")

        // The next build removes what the killed builds left, and succeeds.
        let next = try runTool(["build", small.path, "--output", output.path])
        #expect(next.status == 0, "\(next)")
        #expect(leftovers(beside: output) == [])
        #expect(try snapshot(output) == before)
    }

    @Test func aKilledFirstBuildLeavesNoOutput() throws {
        let folder = try temporaryFolder("kill-first")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        let large = try Self.largeCorpus(in: folder, count: 60)
        #expect(try Self.buildAndKill(large, output: output, when: { $0 >= 0.1 && !leftovers(beside: output).isEmpty }))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(leftovers(beside: output).count == 1)
        // A failed build also cleans up what a killed one left.
        try Data().write(to: large.appendingPathComponent("empty.txt"))
        #expect(try runTool(["build", large.path, "--output", output.path]).status == 1)
        #expect(leftovers(beside: output) == [])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aPreviousOutputLeftAsideByAKilledSwapIsPutBack() throws {
        // Where the kernel has no atomic exchange, the swap moves the old output to `.out.old-PID` and then the
        // new one in; a build killed between the two leaves no `out`. The next build puts the old one back.
        let folder = try temporaryFolder("kill-swap")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        let small = try goodCorpus(in: folder)
        #expect(try runTool(["build", small.path, "--output", output.path]).status == 0)
        let before = try snapshot(output)
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try FileManager.default.moveItem(at: output, to: folder.appendingPathComponent(".out.old-\(dead.processIdentifier)"))
        // This build fails (a bad input), so what is left afterwards is what it found and restored.
        try Data([0xFF]).write(to: small.appendingPathComponent("bad.txt"))
        #expect(try runTool(["build", small.path, "--output", output.path]).status == 1)
        #expect(try snapshot(output) == before)
        #expect(leftovers(beside: output) == [])
    }
}
