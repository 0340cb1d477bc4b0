import Foundation
import Testing

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT end a build cleanly wherever it is: one line on stderr, no crash report,
/// the status of that signal, no staging folder left behind, the previous output exactly as it was.
@Suite(.serialized) struct HostileSignalTests {
    @Test(arguments: [SIGQUIT, SIGTERM, SIGINT, SIGHUP])
    func aSignalEndsABuildCleanly(signal: Int32) throws {
        let folder = try temporaryFolder("signal")
        defer { cleanup(folder) }
        let output = folder.appendingPathComponent("out")
        #expect(try runTool(["build", try goodCorpus(in: folder).path, "--output", output.path]).status == 0)
        let before = try snapshot(output)
        let large = try ReliabilityKillTests.largeCorpus(in: folder, count: 150)

        let process = Process()
        process.executableURL = scriptoriumBinary()
        process.arguments = ["build", large.path, "--output", output.path, "--jobs", "2"]
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Signal once documents are being written (the staging folder holds TEI files), whatever the machine's speed.
        let deadline = Date().addingTimeInterval(120)
        var writing = false
        while process.isRunning && Date() < deadline && !writing {
            writing = leftovers(beside: output).contains { staging in
                let tei = folder.appendingPathComponent(staging).appendingPathComponent("data/tei")
                return ((try? FileManager.default.contentsOfDirectory(atPath: tei.path)) ?? []).count > 10
            }
            usleep(2_000)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        print("signal test: \(signal) sent while the build was running: \(wasRunning)")
        guard wasRunning else { return } // finished before it could be signalled: nothing to check
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        if process.terminationReason == .uncaughtSignal {
            #expect(process.terminationStatus == signal)
        } else {
            #expect(process.terminationStatus == 128 + signal)
        }
        #expect(stderr.contains("stopped by a signal"), "\(stderr)")
        #expect(!stderr.contains("crash") && !stderr.contains("Backtrace"), "\(stderr)")
        #expect(leftovers(beside: output).isEmpty, "\(leftovers(beside: output))")
        #expect(try snapshot(output) == before)
    }
}
