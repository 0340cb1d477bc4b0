import CSV
import Foundation
import Testing
import ScriptoriumBag
import ScriptoriumPipeline

/// Builds the essay into a temporary folder and re-reads every table with an independent parser, recomputes
/// every checksum with sha256sum, and checks every offset against the source as Python would slice it.
@Suite(.serialized) struct EssayDatasetTests {
    func readTable(_ output: URL, _ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: output.appendingPathComponent("data/csv/\(name).csv"), encoding: .utf8)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() {
            #expect(row.count == header.count, "\(name): \(row)")
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, row)))
        }
        return rows
    }

    @Test func essayBuildsIntoTheExpectedRecords() throws {
        let folder = try temporaryFolder()
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)

        let documents = try readTable(output, "documents")
        let sections = try readTable(output, "sections")
        let blocks = try readTable(output, "blocks")
        let sentences = try readTable(output, "sentences")
        let mentions = try readTable(output, "mentions")
        let entities = try readTable(output, "entities")
        #expect(documents.count == 1)
        #expect(sections.count == 16)
        #expect(blocks.filter { $0["kind"] == "paragraph" }.count == 54)
        #expect(blocks.filter { $0["kind"] == "list_item" }.count == 9)
        #expect(sentences.count == 140)
        #expect(blocks.prefix(2).allSatisfy { $0["section_id"] == "" })
        #expect(documents[0]["title"] == "The US-Japan Security Treaty")

        // Ids: unique across the dataset.
        let ids = (documents + sections + blocks + sentences + mentions + entities).map { $0["id"]! }
        #expect(Set(ids).count == ids.count)

        // Offsets, checked against the bag's own copy of the source.
        let source = pythonStyleText(try Data(contentsOf: output.appendingPathComponent("data/source/\(documents[0]["source"]!)")))
        func slice(_ row: [String: String]) throws -> String {
            let start = try #require(Int(row["start"]!)), end = try #require(Int(row["end"]!))
            #expect(0 <= start && start < end && end <= source.count)
            var s = String.UnicodeScalarView()
            s.append(contentsOf: source[start..<end])
            return String(s)
        }
        func collapsed(_ s: String) -> String {
            s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        for row in sections { #expect(collapsed(try slice(row)) == row["heading"]) }
        for row in blocks { #expect(collapsed(try slice(row)) == row["text"]) }
        for row in sentences { #expect(collapsed(try slice(row)) == row["text"]) }
        for row in mentions { #expect(try slice(row) == row["text"]) }

        // "U.S." ends a sentence only where a new sentence begins after it.
        for row in sentences {
            let text = row["text"]!
            #expect(!text.hasSuffix("U.S.") || text == sentences.first { $0["id"] == row["id"] }!["text"])
            #expect(text.first.map { !$0.isLowercase } ?? false, "\(row["id"]!): \(text)")
        }
    }

    @Test func everyChecksumRecomputesWithSha256sum() throws {
        let folder = try temporaryFolder()
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        for manifest in ["manifest-sha256.txt", "tagmanifest-sha256.txt"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sha256sum", "--check", "--strict", "--quiet", manifest]
            process.currentDirectoryURL = output
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(manifest)")
        }
        let listed = try String(contentsOf: output.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
            .split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) }
        let onDisk = try snapshot(output.appendingPathComponent("data")).keys.map { "data/\($0)" }
        #expect(Set(listed) == Set(onDisk))
        let info = try String(contentsOf: output.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        let totalBytes = try snapshot(output.appendingPathComponent("data")).values.reduce(0) { $0 + $1.count }
        #expect(info.contains("Payload-Oxum: \(totalBytes).\(onDisk.count)"))
    }

    @Test func buildsAreByteIdenticalWhateverTheJobs() throws {
        let a = try temporaryFolder(), b = try temporaryFolder()
        defer { cleanup(a); cleanup(b) }
        let one = try snapshot(try buildEssay(into: a, jobs: 1))
        let two = try snapshot(try buildEssay(into: b, jobs: 2))
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one { #expect(two[path] == data, "\(path) differs") }
    }

    @Test func verifyAndValidatePassThenCatchTampering() throws {
        let folder = try temporaryFolder()
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        #expect(try BagVerifier.verify(bag: output).isValid)
        #expect(try DatasetValidator.validate(bag: output).problems == [])

        let sentencesCSV = output.appendingPathComponent("data/csv/sentences.csv")
        var text = try String(contentsOf: sentencesCSV, encoding: .utf8)
        text = text.replacingOccurrences(of: "cornerstone of military", with: "keystone of military")
        try Data(text.utf8).write(to: sentencesCSV)
        try FileManager.default.removeItem(at: output.appendingPathComponent("data/csv/mentions.csv"))
        try Data("x".utf8).write(to: output.appendingPathComponent("data/stray.txt"))

        let findings = Set(try BagVerifier.verify(bag: output).findings.map { "\($0.kind.rawValue) \($0.path)" })
        #expect(findings == ["modified data/csv/sentences.csv", "missing data/csv/mentions.csv", "extra data/stray.txt"])
        let problems = try DatasetValidator.validate(bag: output).problems
        #expect(problems.contains {
            $0.code == .recordTextMismatch && $0.path == "csv/sentences.csv" && $0.description.contains("column text")
        })
        #expect(problems.contains { $0.code == .fileMissing && $0.path == "csv/mentions.csv" && $0.description == "csv/mentions.csv: missing" })
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let folder = try temporaryFolder()
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        let before = try snapshot(output)

        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: inputFolder.appendingPathComponent("us-japan-security-treaty.txt"),
                                         to: bad.appendingPathComponent("good.txt"))
        try Data([0x41, 0x42, 0xFF, 0x0A]).write(to: bad.appendingPathComponent("broken.txt"))
        try Data().write(to: bad.appendingPathComponent("empty.txt"))
        do {
            _ = try DatasetBuilder.build(BuildOptions(inputs: [bad.path], output: output.path, jobs: 2))
            Issue.record("the build should have failed")
        } catch let error as InputProblems {
            let text = error.description
            #expect(text.contains("broken.txt") && text.contains("byte offset 2"))
            #expect(text.contains("empty.txt"))
        }
        #expect(try snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }
}
