import Foundation
import ScriptoriumJSONLD
import ScriptoriumModel
import XCTest

/// `ro-crate-metadata.json` read back with Foundation's JSON parser: the RO-Crate 1.1 descriptor and root, every
/// file with the size and hash it was given, the links from tables to their schemas and from derived files to
/// their sources, and the build as a `CreateAction`.
final class ROCrateWriterTests: XCTestCase {
    static let dataset = DatasetMetadata(id: "d", title: "T \"q\" </script>", description: "D", license: "CC-BY-4.0",
                                         licenseURL: "https://creativecommons.org/licenses/by/4.0/", creators: ["Ann"],
                                         publisher: "P", version: "1.0", keywords: ["a", "b"], baseIRI: "https://example.org/d/",
                                         modified: "2023-11-14T22:13:20Z")
    static let files = [
        PayloadFile(path: "csv/sentences.csv", bytes: 120, sha256: "aa", mediaType: "text/csv", format: "csv", records: 3),
        PayloadFile(path: "html/e.html", bytes: 50, sha256: "bb", mediaType: "text/html", format: "html"),
        PayloadFile(path: "source/my notes.txt", bytes: 10, sha256: "cc", mediaType: "text/plain", format: "txt"),
        PayloadFile(path: "tei/e.xml", bytes: 70, sha256: "dd", mediaType: "application/tei+xml", format: "xml"),
        PayloadFile(path: "tei/scriptorium-tei.rng", bytes: 30, sha256: "ee", mediaType: "application/xml", format: "rng"),
    ]

    func graph() throws -> [String: [String: Any]] {
        let bytes = ROCrateWriter.write(
            Self.dataset, files: Self.files,
            documents: [.init(source: "source/my notes.txt", derived: ["tei/e.xml", "html/e.html"])],
            tables: [TableSummary(name: "sentences", path: "csv/sentences.csv", description: "", columns: [], rows: 3)],
            teiSchema: "tei/scriptorium-tei.rng", later: ["manifest.json"])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual(root["@context"] as? String, "https://w3id.org/ro/crate/1.1/context")
        let nodes = try XCTUnwrap(root["@graph"] as? [[String: Any]])
        return Dictionary(nodes.map { ($0["@id"] as! String, $0) }, uniquingKeysWith: { a, _ in XCTFail("two nodes \(a)"); return a })
    }

    func id(_ value: Any?) -> String? { (value as? [String: Any])?["@id"] as? String }

    func testDescriptorAndRoot() throws {
        let g = try graph()
        let descriptor = try XCTUnwrap(g["ro-crate-metadata.json"])
        XCTAssertEqual(id(descriptor["conformsTo"]), "https://w3id.org/ro/crate/1.1")
        XCTAssertEqual(id(descriptor["about"]), "./")
        let root = try XCTUnwrap(g["./"])
        XCTAssertEqual(root["@type"] as? String, "Dataset")
        XCTAssertEqual(root["name"] as? String, Self.dataset.title)
        XCTAssertEqual(root["datePublished"] as? String, "2023-11-14") // SOURCE_DATE_EPOCH's day, never the clock
        XCTAssertEqual(id(root["license"]), Self.dataset.licenseURL)
        XCTAssertEqual((g[try XCTUnwrap(id(root["author"]))])?["name"] as? String, "Ann")
        let parts = try XCTUnwrap(root["hasPart"] as? [[String: Any]]).compactMap { $0["@id"] as? String }
        XCTAssertEqual(parts, ["csv/sentences.csv", "html/e.html", "source/my%20notes.txt", "tei/e.xml",
                               "tei/scriptorium-tei.rng", "manifest.json"])
        // Every data entity the root lists is described in the graph.
        for part in parts { XCTAssertEqual(g[part]?["@type"] as? String, "File", part) }
    }

    func testFilesCarrySizeHashAndLinks() throws {
        let g = try graph()
        for file in Self.files {
            let node = try XCTUnwrap(g[RelativeURL.reference(to: file.path, up: false)], file.path)
            XCTAssertEqual(node["contentSize"] as? String, String(file.bytes))
            XCTAssertEqual(node["sha256"] as? String, file.sha256)
            XCTAssertEqual(node["encodingFormat"] as? String, file.mediaType)
        }
        XCTAssertNil(g["manifest.json"]?["sha256"]) // written after the crate: its hash is in the bag's manifest
        let schema = try XCTUnwrap(id(g["csv/sentences.csv"]?["conformsTo"]))
        XCTAssertEqual(id(g[schema]?["isPartOf"]), "datapackage.json")
        XCTAssertEqual(id(g["tei/e.xml"]?["conformsTo"]), "tei/scriptorium-tei.rng")
        XCTAssertEqual(id(g["tei/e.xml"]?["isBasedOn"]), "source/my%20notes.txt")
        XCTAssertEqual(id(g["html/e.html"]?["isBasedOn"]), "source/my%20notes.txt")
        let action = try XCTUnwrap(g["#build"])
        XCTAssertEqual(action["@type"] as? String, "CreateAction")
        XCTAssertEqual(id(action["object"]), "source/my%20notes.txt")
        XCTAssertEqual(g[try XCTUnwrap(id(action["instrument"]))]?["@type"] as? String, "SoftwareApplication")
        let results = try XCTUnwrap(action["result"] as? [[String: Any]]).compactMap { $0["@id"] as? String }
        XCTAssertFalse(results.contains("source/my%20notes.txt"))
        XCTAssertTrue(results.contains("html/e.html"))
    }
}
