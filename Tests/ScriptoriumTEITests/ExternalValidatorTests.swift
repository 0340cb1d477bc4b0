import Foundation
import ScriptoriumModel
import Testing
import ScriptoriumTEI

/// Checks the written TEI and the project's schema with the validators users run: `xmllint --relaxng` with the
/// project's schema, and `jing` with the project's schema and with TEI P5 `tei_all` (from `../shared/schemas`, or
/// `TEI_ALL_RNG`). Each check is skipped when its tool or schema is not installed, so the suite passes without them.
/// Set `TEI_SAMPLE_DIR` to keep the files written.
@Suite struct ExternalValidatorTests {
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var teiAll: String? {
        if let path = ProcessInfo.processInfo.environment["TEI_ALL_RNG"] { return path }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/tei_all.rng").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Samples covering every element the writer can produce.
    static func samples() throws -> [String: [UInt8]] {
        let writer = try TEIWriter(dataset: Fixtures.dataset)
        var b = RecordsBuilder(documentID: "headings-only")
        b.heading("Only a heading")
        b.heading("A deeper one", level: 3)
        var c = RecordsBuilder(documentID: "forbidden-chars")
        c.paragraph([.init("Bell\u{7} and \u{FFFF} in Japan.", [("Japan", "ent.japan")])])
        var plain = Fixtures.dataset
        plain.modified = nil
        plain.licenseURL = ""
        let empty = RecordsBuilder(documentID: "empty").records(title: "", language: "", creators: [])
        return [
            "treaty.xml": try writer.write(Fixtures.essay()),
            "headings-only.xml": try writer.write(b.records()),
            "forbidden-chars.xml": try writer.write(c.records()),
            "structured.xml": try writer.write(Fixtures.structured()),
            "empty.xml": try TEIWriter(dataset: plain).write(empty),
        ]
    }

    /// Writes the samples and the schema into a fresh folder; returns it and the sample paths.
    static func writeSamples() throws -> (URL, [String]) {
        let dir: URL
        if let keep = ProcessInfo.processInfo.environment["TEI_SAMPLE_DIR"] {
            dir = URL(fileURLWithPath: keep)
        } else {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("scriptorium-tei-\(UUID().uuidString)")
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(TEISchema.bytes).write(to: dir.appendingPathComponent(TEISchema.fileName))
        var paths: [String] = []
        for (name, bytes) in try samples().sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            paths.append(url.path)
        }
        return (dir, paths)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// jing prints warnings about optional Java libraries; only other lines are findings.
    static func findings(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { !$0.contains("warning") && !$0.isEmpty }
    }

    static func cleanUp(_ dir: URL) {
        if ProcessInfo.processInfo.environment["TEI_SAMPLE_DIR"] == nil { try? FileManager.default.removeItem(at: dir) }
    }

    @Test(.enabled(if: executable("xmllint") != nil, "xmllint is not installed"))
    func xmllintAcceptsTheOutputWithTheProjectSchema() throws {
        let (dir, files) = try Self.writeSamples()
        defer { Self.cleanUp(dir) }
        let schema = dir.appendingPathComponent(TEISchema.fileName).path
        let result = try Self.run(Self.executable("xmllint")!, ["--noout", "--relaxng", schema] + files)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: executable("jing") != nil, "jing is not installed"))
    func jingAcceptsTheProjectSchemaAndTheOutput() throws {
        let (dir, files) = try Self.writeSamples()
        defer { Self.cleanUp(dir) }
        let schema = dir.appendingPathComponent(TEISchema.fileName).path
        let result = try Self.run(Self.executable("jing")!, [schema] + files)
        #expect(result.status == 0 && Self.findings(result.output).isEmpty, "\(result.output)")
    }

    @Test(.enabled(if: executable("jing") != nil && teiAll != nil, "jing or tei_all.rng is not available"))
    func outputIsValidTEIAll() throws {
        let (dir, files) = try Self.writeSamples()
        defer { Self.cleanUp(dir) }
        let result = try Self.run(Self.executable("jing")!, [Self.teiAll!] + files)
        #expect(result.status == 0 && Self.findings(result.output).isEmpty, "\(result.output)")
    }
}
