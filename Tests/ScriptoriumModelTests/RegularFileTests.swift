import Foundation
import Testing
@testable import ScriptoriumModel

/// Only regular files are read: a named pipe, a device or a folder is refused before anything is read from it.
@Suite struct RegularFileTests {
    @Test func readsARegularFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regular-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(bytes).write(to: url)
        #expect(try RegularFile.bytes(at: url.path) == bytes)
        var pieces: [UInt8] = []
        try RegularFile(path: url.path).forEachChunk(size: 4096) { pieces += $0 }
        #expect(pieces == bytes)
    }

    @Test func refusesANamedPipeWithoutBlocking() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(mkfifo(url.path, 0o644) == 0)
        #expect(throws: RegularFile.Problem.notRegular(what: "a named pipe")) { try RegularFile.bytes(at: url.path) }
    }

    @Test func refusesDevicesAndFolders() {
        #expect(throws: RegularFile.Problem.notRegular(what: "a character device")) { try RegularFile.bytes(at: "/dev/zero") }
        #expect(throws: RegularFile.Problem.notRegular(what: "a folder")) { try RegularFile.bytes(at: "/tmp") }
    }

    @Test func aMissingFileSaysSo() {
        do {
            _ = try RegularFile.bytes(at: "/nonexistent-\(UUID().uuidString)")
            Issue.record("no error")
        } catch {
            #expect(error.isMissing)
        }
    }
}
