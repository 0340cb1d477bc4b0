import Foundation
import Testing
import ScriptoriumPipeline

/// The files for publishing in a real build: the landing page, the reading views and the RO-Crate are payload
/// files like any other (in both manifests, the data package and the RO-Crate, with the hashes `sha256sum` would
/// give), the RO-Crate's sizes and hashes are the files', and `validate` notices a reading view that lost a sentence.
@Suite struct PublishedFilesTests {
    /// `data/…` path → SHA-256, as the bag's own manifest (checked by `sha256sum -c` elsewhere) states them.
    func bagManifest(_ output: URL) throws -> [String: String] {
        let text = try String(contentsOf: output.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            out[parts[1].trimmingCharacters(in: .whitespaces)] = parts[0]
        }
        return out
    }

    @Test func everyPublishedFileIsListedEverywhereWithItsHash() throws {
        let folder = try temporaryFolder("publish")
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        let data = output.appendingPathComponent("data")
        let manifest = try bagManifest(output)
        let published = ["index.html", "ro-crate-metadata.json", "html/us-japan-security-treaty.html"]
        for path in published { #expect(manifest["data/" + path] != nil, "\(path) not in manifest-sha256.txt") }

        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("datapackage.json"))) as? [String: Any])
        let resources = Set(((package["resources"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
        #expect(resources.contains("index.html") && resources.contains("html/us-japan-security-treaty.html"))
        let own = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("manifest.json"))) as? [String: Any])
        let listed = Set(((own["files"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
        for path in published { #expect(listed.contains(path), "\(path) not in manifest.json") }

        // Every File of the RO-Crate: size and hash as the bag manifest and the file system give them; every payload
        // file but the crate's own is one.
        let crate = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("ro-crate-metadata.json"))) as? [String: Any])
        let files = ((crate["@graph"] as? [[String: Any]]) ?? []).filter { $0["@type"] as? String == "File" }
        var described = Set<String>()
        for file in files {
            let path = try #require((file["@id"] as? String)?.removingPercentEncoding)
            described.insert(path)
            guard let hash = file["sha256"] as? String else { #expect(path == "manifest.json"); continue }
            #expect(hash == manifest["data/" + path], "\(path)")
            let size = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent(path).path)[.size] as? Int
            #expect(file["contentSize"] as? String == size.map(String.init), "\(path)")
        }
        let payload = Set(manifest.keys.map { String($0.dropFirst("data/".count)) })
        #expect(payload.subtracting(described) == ["ro-crate-metadata.json"])
        #expect(try DatasetValidator.validate(bag: output).problems == [])
    }

    @Test func validateFindsAReadingViewThatLostASentenceOrItsSyntax() throws {
        let folder = try temporaryFolder("publish-tamper")
        defer { cleanup(folder) }
        let output = try buildEssay(into: folder)
        let page = output.appendingPathComponent("data/html/us-japan-security-treaty.html")
        var text = try String(contentsOf: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "id=\"us-japan-security-treaty.b1.s1\"", with: "id=\"x\"")
            .replacingOccurrences(of: "</main>", with: "")
        try Data(text.utf8).write(to: page)
        let problems = try DatasetValidator.validate(bag: output).problems
        #expect(problems.contains { $0.code == .htmlInvalid
            && $0.description.contains("no element with the id of sentence us-japan-security-treaty.b1.s1") }, "\(problems)")
        #expect(problems.contains { $0.code == .htmlInvalid && $0.description.hasPrefix("html/us-japan-security-treaty.html: line")
            && $0.description.contains("</body>") }, "\(problems)")
        #expect(problems.contains { $0.code == .rocrateHashMismatch && $0.path == "html/us-japan-security-treaty.html" }, "\(problems)")
    }

    @Test func aPublicationDateThatIsNotADateIsRefusedByName() throws {
        let folder = try temporaryFolder("publish-date")
        defer { cleanup(folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("A paragraph about the treaty.\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        try Data(#"{"date_published": "2024-13-01"}"#.utf8).write(to: input.appendingPathComponent("dataset.json"))
        let run = try runTool(["build", input.path, "--output", folder.appendingPathComponent("out").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("dataset.json") && run.stderr.contains("date_published"), "\(run.stderr)")
    }
}
