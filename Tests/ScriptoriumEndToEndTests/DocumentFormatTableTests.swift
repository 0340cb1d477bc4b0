import Foundation
import Testing
import ScriptoriumBag
import ScriptoriumModel
@testable import ScriptoriumPipeline

/// An output format defined in the test alone: every sentence of the document on a line of its own, in the order
/// of the document tree. It is what the README's "to add an output format" asks for, and nothing more.
private struct SentenceLines: DocumentFormat {
    static let name = "sentences"
    static let label = "sentences"
    static let folder = "sentences"
    static let fileExtension = "txt"
    static let mediaType = "text/plain"
    static let formatName = "txt"

    init(_ context: FormatContext) {}

    func recordCount(_ tree: DocumentTree) -> Int { tree.records.sentences.count }

    func write<R>(_ tree: DocumentTree, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        var blocks = Array(tree.preamble)
        for k in tree.records.sections.indices { blocks += tree.blocks(ofSection: k) }
        var text = ""
        for b in blocks {
            for s in tree.sentences(ofBlock: b) { text += tree.records.sentences[s].text + "\n" }
        }
        return try Array(text.utf8).withUnsafeBytes(body)
    }

    static func check(_ bytes: [UInt8], path: String, records: DocumentRecords) -> [String] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return Set(lines) == Set(records.sentences.map(\.text)) ? [] : ["\(path): not the document's sentences"]
    }
}

@Suite struct DocumentFormatTableTests {
    /// A format added to the table goes through the same path as TEI and JSON-LD: its folder made, its file
    /// written from the tree, hashed into both manifests, listed in the data package with its media type and
    /// record count, and the bag still verifies; the built-in formats' files do not change.
    @Test func aFormatAddedToTheTableIsWrittenHashedAndListed() throws {
        let folder = try temporaryFolder("format-table")
        defer { cleanup(folder) }
        let plain = try buildEssay(into: folder, jobs: 1)
        var options = BuildOptions(inputs: [inputFolder.path], output: folder.appendingPathComponent("extra").path, jobs: 1)
        options.formats = DocumentFormats.all + [SentenceLines.self]
        _ = try DatasetBuilder.build(options)
        let output = URL(fileURLWithPath: options.output)

        let path = "sentences/us-japan-security-treaty.txt"
        let bytes = try Array(Data(contentsOf: output.appendingPathComponent("data/" + path)))
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 140 + 1) // the essay's 140 sentences, each ending in a line break
        #expect(lines.dropLast().allSatisfy { !$0.isEmpty })

        let payloadManifest = try String(contentsOf: output.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        #expect(payloadManifest.contains("  data/\(path)\n"))
        #expect(try BagVerifier.verify(bag: output).isValid)

        let package = try JSONSerialization.jsonObject(
            with: Data(contentsOf: output.appendingPathComponent("data/datapackage.json"))) as? [String: Any]
        let resources = package?["resources"] as? [[String: Any]] ?? []
        let listed = try #require(resources.first { $0["path"] as? String == path })
        #expect(listed["mediatype"] as? String == "text/plain")
        #expect(listed["format"] as? String == "txt")
        #expect(listed["bytes"] as? Int == bytes.count)

        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: output.appendingPathComponent("data/manifest.json"))) as? [String: Any]
        let files = manifest?["files"] as? [[String: Any]] ?? []
        #expect(files.first { $0["path"] as? String == path }?["records"] as? Int == 140)

        for builtIn in ["tei/us-japan-security-treaty.xml", "jsonld/us-japan-security-treaty.jsonld"] {
            #expect(try Data(contentsOf: output.appendingPathComponent("data/" + builtIn))
                    == Data(contentsOf: plain.appendingPathComponent("data/" + builtIn)), "\(builtIn)")
        }
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("data/sentences").path))
    }
}
