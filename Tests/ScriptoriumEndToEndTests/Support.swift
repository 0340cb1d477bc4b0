import Foundation
import ScriptoriumPipeline

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let inputFolder = repositoryRoot.appendingPathComponent("input")

/// A fresh temporary folder, removed by `cleanup`.
func temporaryFolder(_ name: String = "e2e") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scriptorium-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func cleanup(_ url: URL) { try? FileManager.default.removeItem(at: url) }

/// Builds the repository's input/ into `folder/output` and returns the output folder.
@discardableResult
func buildEssay(into folder: URL, jobs: Int = 2) throws -> URL {
    let output = folder.appendingPathComponent("output")
    _ = try DatasetBuilder.build(BuildOptions(inputs: [inputFolder.path], output: output.path, jobs: jobs))
    return output
}

/// Every file below `root`, relative path → bytes.
func snapshot(_ root: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in enumerator {
        guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
        let relative = String(url.path.dropFirst(root.path.count + 1))
        out[relative] = try Data(contentsOf: url)
    }
    return out
}

/// The source as Python reads it with `open(path, encoding="utf-8-sig", newline="")`: code points, BOM dropped.
func pythonStyleText(_ data: Data) -> [Unicode.Scalar] {
    var bytes = Array(data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
}

/// Runs the command-line tool built beside the test bundle.
func runCLI(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = scriptoriumBinary()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

func scriptoriumBinary() -> URL {
    // `swift test` runs the test bundle from the build folder that also holds the executable.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("scriptorium")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/scriptorium")
}
