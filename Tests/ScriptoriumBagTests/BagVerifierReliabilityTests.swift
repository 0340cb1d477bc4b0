import Foundation
import Testing
import ScriptoriumModel
@testable import ScriptoriumBag

/// `verify` on damaged bags: every modified, missing and extra file (all of them), a missing or malformed
/// `bagit.txt` or manifest, manifest paths that escape the bag, and folders that are not bags.
@Suite struct BagVerifierReliabilityTests {
    private let dataset = DatasetMetadata(id: "t", title: "T", description: "", license: "CC0-1.0", licenseURL: "", creators: [],
                                          publisher: "Tests", version: "1", keywords: [], baseIRI: "https://example.org/", modified: nil)

    /// A bag with eight payload files in two folders.
    private func makeBag() throws -> URL {
        let bag = FileManager.default.temporaryDirectory.appendingPathComponent("bagverify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("data/a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("data/b"), withIntermediateDirectories: true)
        var files: [PayloadFile] = []
        for k in 1...4 {
            for folder in ["a", "b"] {
                let path = "\(folder)/file-\(k).txt"
                files.append(try HashingFileWriter.write(Array("file \(folder) \(k)\n".utf8), to: bag.appendingPathComponent("data/\(path)"),
                                                         path: path, mediaType: "text/plain", format: "txt"))
            }
        }
        try BagWriter.finish(bag: bag, payload: files, dataset: dataset)
        return bag
    }

    private func findings(_ bag: URL) throws -> Set<String> {
        Set(try BagVerifier.verify(bag: bag).findings.map { "\($0.kind.rawValue) \($0.path)" })
    }

    private func write(_ text: String, _ bag: URL, _ path: String) throws {
        try Data(text.utf8).write(to: bag.appendingPathComponent(path))
    }

    @Test func everyModifiedMissingAndExtraFileIsListed() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let fm = FileManager.default
        try write("changed\n", bag, "data/a/file-1.txt")
        try write("changed too\n", bag, "data/b/file-4.txt")
        try write("file a 2\n", bag, "data/a/file-3.txt") // same size, other bytes
        try fm.removeItem(at: bag.appendingPathComponent("data/a/file-2.txt"))
        try fm.removeItem(at: bag.appendingPathComponent("data/b/file-3.txt"))
        try write("new\n", bag, "data/b/new.txt")
        try write("hidden\n", bag, "data/.hidden")
        try fm.createDirectory(at: bag.appendingPathComponent("data/c/d"), withIntermediateDirectories: true)
        try write("deep\n", bag, "data/c/d/deep.txt")
        #expect(try findings(bag) == [
            "modified data/a/file-1.txt", "modified data/b/file-4.txt", "modified data/a/file-3.txt",
            "missing data/a/file-2.txt", "missing data/b/file-3.txt",
            "extra data/b/new.txt", "extra data/.hidden", "extra data/c/d/deep.txt",
        ])
    }

    @Test func aMissingOrMalformedBagitTxtIsReported() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        try FileManager.default.removeItem(at: bag.appendingPathComponent("bagit.txt"))
        let report = try BagVerifier.verify(bag: bag)
        #expect(report.findings.map(\.description) == ["missing: bagit.txt (every bag has one, with BagIt-Version and Tag-File-Character-Encoding)"])

        let malformed: [String: String] = [
            "BagIt-Version: one\nTag-File-Character-Encoding: UTF-8\n": "line 1: BagIt-Version \"one\" is not M.N",
            "Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n": "line 1 is not \"BagIt-Version: M.N\"",
            "BagIt-Version: 1.0\n": "has 1 lines, expected 2",
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: \n": "line 2 is not \"Tag-File-Character-Encoding: ENCODING\"",
            "": "has 0 lines",
        ]
        for (text, detail) in malformed {
            try write(text, bag, "bagit.txt")
            let found = try BagVerifier.verify(bag: bag).findings
            #expect(found.contains { $0.kind == .malformed && $0.path == "bagit.txt" && $0.detail.contains(detail) }, "\(text): \(found)")
            #expect(found.contains { $0.kind == .modified && $0.path == "bagit.txt" }, "the tag manifest catches it too")
        }
        try Data([0x42, 0xFF, 0x0A]).write(to: bag.appendingPathComponent("bagit.txt"))
        #expect(try BagVerifier.verify(bag: bag).findings.contains { $0.path == "bagit.txt" && $0.detail == "cannot be read as UTF-8" })
    }

    @Test func aMissingOrMalformedManifestIsReported() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let manifestURL = bag.appendingPathComponent("manifest-sha256.txt")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        try FileManager.default.removeItem(at: manifestURL)
        #expect(try findings(bag) == ["missing manifest-sha256.txt"])

        let first = manifest.split(separator: "\n")[0]
        let broken = manifest
            + "no-checksum-here\n"
            + "abc123  data/a/short-hash.txt\n"
            + String(repeating: "0", count: 64) + "  \n"
            + first + "\n"
        try write(broken, bag, "manifest-sha256.txt")
        let details = try BagVerifier.verify(bag: bag).findings.filter { $0.path == "manifest-sha256.txt" }.map(\.detail)
        #expect(details.contains("line 9 has no checksum and path"))
        #expect(details.contains("line 10 is not 'sha256  path'"))
        #expect(details.contains("line 11 is not 'sha256  path'"))
        #expect(details.contains("line 12: data/a/file-1.txt is listed twice"))
    }

    @Test func manifestPathsThatEscapeTheBagAreRefused() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let outside = bag.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).txt")
        try Data("secret\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let zero = String(repeating: "0", count: 64)
        var manifest = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        for path in ["data/../../etc/passwd", "/etc/passwd", "../\(outside.lastPathComponent)", "data\\..\\..\\x", "data/link.txt"] {
            manifest += "\(zero)  \(path)\n"
        }
        try write(manifest, bag, "manifest-sha256.txt")
        // A symbolic link inside data/ that points out of the bag: listed, but never read.
        try FileManager.default.createSymbolicLink(atPath: bag.appendingPathComponent("data/link.txt").path, withDestinationPath: outside.path)
        // A link loop inside data/ is not followed either.
        try FileManager.default.createSymbolicLink(atPath: bag.appendingPathComponent("data/loop").path, withDestinationPath: ".")
        let found = try BagVerifier.verify(bag: bag).findings
        for line in 9...12 {
            #expect(found.contains { $0.path == "manifest-sha256.txt" && $0.detail.hasPrefix("line \(line): ") && $0.detail.hasSuffix("escapes the bag") },
                    "line \(line): \(found)")
        }
        #expect(found.contains { $0.kind == .malformed && $0.path == "data/link.txt" && $0.detail.hasPrefix("a symbolic link out of the bag") })
        #expect(found.contains { $0.kind == .extra && $0.path == "data/loop" })
        #expect(found.filter { $0.path.hasPrefix("data/loop/") }.isEmpty)
    }

    @Test func payloadOxumIsChecked() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let infoURL = bag.appendingPathComponent("bag-info.txt")
        let info = try String(contentsOf: infoURL, encoding: .utf8)
        #expect(info.contains("Payload-Oxum: 72.8\n"))
        try write(info.replacingOccurrences(of: "Payload-Oxum: 72.8", with: "Payload-Oxum: 73.8"), bag, "bag-info.txt")
        let found = try BagVerifier.verify(bag: bag).findings.map(\.description)
        #expect(found.contains("malformed: bag-info.txt (Payload-Oxum is 73.8, the payload has 72.8 (bytes.files))"))
    }

    @Test func foldersThatAreNotBagsAreErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("notabag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func message(_ url: URL) -> String? {
            do {
                _ = try BagVerifier.verify(bag: url)
                return nil
            } catch let error as ScriptoriumError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message(dir) == "not a BagIt bag: there is no bagit.txt and no manifest-sha256.txt")
        #expect(message(dir.appendingPathComponent("nowhere")) == "no such folder")
        try write("x", dir, "file")
        #expect(message(dir.appendingPathComponent("file")) == "is a file, not a bag (a folder)")
    }
}
