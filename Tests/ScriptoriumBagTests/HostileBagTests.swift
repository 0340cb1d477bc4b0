import Foundation
import Testing
import ScriptoriumModel
@testable import ScriptoriumBag

/// Bags made by someone else, hostile or careless: `verify` must report, never hang on a named pipe or a device,
/// never walk what a symbolic link points to, and the bag writer must not let metadata forge tag-file lines.
@Suite struct HostileBagTests {
    private func dataset(title: String = "T", publisher: String = "Tests") -> DatasetMetadata {
        DatasetMetadata(id: "t", title: title, description: "", license: "CC0-1.0", licenseURL: "", creators: [],
                        publisher: publisher, version: "1", keywords: [], baseIRI: "https://example.org/", modified: nil)
    }

    private func makeBag(_ metadata: DatasetMetadata? = nil) throws -> URL {
        let bag = FileManager.default.temporaryDirectory.appendingPathComponent("hostilebag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("data/a"), withIntermediateDirectories: true)
        var files: [PayloadFile] = []
        for k in 1...3 {
            let path = "a/file-\(k).txt"
            files.append(try HashingFileWriter.write(Array("file \(k)\n".utf8), to: bag.appendingPathComponent("data/\(path)"),
                                                     path: path, mediaType: "text/plain", format: "txt"))
        }
        try BagWriter.finish(bag: bag, payload: files, dataset: metadata ?? dataset())
        return bag
    }

    /// Replaces a file of the bag with a named pipe that nobody writes to (reading it would block for ever).
    private func replaceWithPipe(_ bag: URL, _ path: String) throws {
        let url = bag.appendingPathComponent(path)
        try FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o644) == 0)
    }

    @Test(arguments: ["data/a/file-2.txt", "bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"])
    func aNamedPipeIsReportedNotRead(path: String) throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        try replaceWithPipe(bag, path)
        let report = try BagVerifier.verify(bag: bag) // hangs here if the pipe is opened for reading
        let finding = report.findings.first { $0.path == path }
        #expect(finding?.kind == .malformed)
        #expect(finding?.detail.contains("named pipe") == true)
        #expect(report.findings.filter { $0.path == path }.count == 1, "said once")
    }

    @Test func aPayloadFolderThatIsALinkIsNotWalked() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        try FileManager.default.removeItem(at: bag.appendingPathComponent("data"))
        try FileManager.default.createSymbolicLink(atPath: bag.appendingPathComponent("data").path, withDestinationPath: "/")
        let report = try BagVerifier.verify(bag: bag)
        #expect(report.findings.contains { $0.path == "data" && $0.kind == .malformed && $0.detail.contains("symbolic link") })
        // The three listed files and nothing of the file system's: no "extra" finding from walking `/`.
        #expect(!report.findings.contains { $0.kind == .extra })
        #expect(report.findings.count <= 4)
    }

    @Test func aListedFileThatLinksToADeviceIsNotRead() throws {
        let bag = try makeBag()
        defer { try? FileManager.default.removeItem(at: bag) }
        let url = bag.appendingPathComponent("data/a/file-1.txt")
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/zero")
        let report = try BagVerifier.verify(bag: bag) // reading /dev/zero would never end
        #expect(report.findings.contains { $0.path == "data/a/file-1.txt" && $0.kind == .malformed })
    }

    @Test func aHashOfADeviceIsRefused() {
        #expect(throws: RegularFile.Problem.notRegular(what: "a character device")) {
            try SHA256Hex.ofFile(URL(fileURLWithPath: "/dev/zero"))
        }
    }

    @Test(arguments: ["Title\nPayload-Oxum: 1.1", "Title\r\nPayload-Oxum: 1.1", "Title\u{0}Payload-Oxum: 1.1",
                      "Title\u{85}Payload-Oxum: 1.1", "Title\u{2028}Payload-Oxum: 1.1", "  Title\t\n "])
    func metadataCannotForgeABagInfoLine(title: String) throws {
        let bag = try makeBag(dataset(title: title, publisher: "Pub\nBagging-Date: 1999-01-01"))
        defer { try? FileManager.default.removeItem(at: bag) }
        let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        let lines = info.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.filter { $0.hasPrefix("Payload-Oxum:") }.count == 1)
        #expect(!lines.contains { $0.hasPrefix("Bagging-Date:") })
        #expect(lines.allSatisfy { line in line.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control } })
        #expect(lines.allSatisfy { $0.contains(": ") }, "every line is one Label: value element")
        #expect(try BagVerifier.verify(bag: bag).isValid)
    }
}
