import Foundation
import Testing
import ScriptoriumModel
@testable import ScriptoriumBag

@Suite struct BagTests {
    private let dataset = DatasetMetadata(id: "t", title: "T", description: "", license: "CC0-1.0", licenseURL: "", creators: [],
                                          publisher: "Tests", version: "1", keywords: [], baseIRI: "https://example.org/", modified: nil)

    /// A bag with two payload files in a fresh temporary folder.
    private func makeBag() throws -> URL {
        let bag = FileManager.default.temporaryDirectory.appendingPathComponent("bagtest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("data/sub"), withIntermediateDirectories: true)
        let a = try HashingFileWriter.write(Array("alpha\n".utf8), to: bag.appendingPathComponent("data/a.txt"), path: "a.txt",
                                            mediaType: "text/plain", format: "txt")
        let b = try HashingFileWriter.write(Array(repeating: 7, count: 600_000), to: bag.appendingPathComponent("data/sub/b.bin"),
                                            path: "sub/b.bin", mediaType: "application/octet-stream", format: "bin")
        try BagWriter.finish(bag: bag, payload: [a, b], dataset: dataset)
        return bag
    }

    @Test func hashWhileWritingEqualsHashOfTheFile() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let onDisk = try SHA256Hex.ofFile(bag.appendingPathComponent("data/sub/b.bin"))
        #expect(onDisk.bytes == 600_000)
        #expect(onDisk.sha256 == SHA256Hex.of(Array(repeating: 7, count: 600_000)))
        #expect(SHA256Hex.of(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func bagFilesFollowBagIt() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let bagit = try String(contentsOf: bag.appendingPathComponent("bagit.txt"), encoding: .utf8)
        #expect(bagit == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Payload-Oxum: 600006.2\n"))
        let manifest = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").map { $0.split(separator: " ").last! } == ["data/a.txt", "data/sub/b.bin"])
        #expect(try BagVerifier.verify(bag: bag).isValid)
    }

    @Test func verifyNamesModifiedMissingAndExtraFiles() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        try Data("changed\n".utf8).write(to: bag.appendingPathComponent("data/a.txt"))
        try FileManager.default.removeItem(at: bag.appendingPathComponent("data/sub/b.bin"))
        try Data("new".utf8).write(to: bag.appendingPathComponent("data/sub/extra.txt"))
        let report = try BagVerifier.verify(bag: bag)
        let found = Set(report.findings.map { "\($0.kind.rawValue) \($0.path)" })
        #expect(found == ["modified data/a.txt", "missing data/sub/b.bin", "extra data/sub/extra.txt"])
    }

    @Test func verifyCatchesTagFileChangesAndEscapingPaths() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let manifestURL = bag.appendingPathComponent("manifest-sha256.txt")
        var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        manifest += String(repeating: "0", count: 64) + "  data/../../etc/passwd\n"
        try Data(manifest.utf8).write(to: manifestURL)
        let report = try BagVerifier.verify(bag: bag)
        #expect(report.findings.contains { $0.kind == .malformed && $0.detail.contains("escapes the bag") })
        #expect(report.findings.contains { $0.kind == .modified && $0.path == "manifest-sha256.txt" })
    }

    @Test func aFolderThatIsNotABagIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("notabag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ScriptoriumError.self) { try BagVerifier.verify(bag: dir) }
    }
}
