import Foundation
import ScriptoriumHTML
import ScriptoriumJSONLD
import ScriptoriumModel
import XCTest

/// The landing page read back by libxml2's HTML parser and Foundation's JSON parser: a title or description holding
/// `</script>`, `<!--`, `&` or quotes breaks neither the page nor its JSON-LD, and the JSON-LD is the description
/// in `dataset.jsonld`.
final class LandingPageTests: XCTestCase {
    static let title = "Treaties </script><script>alert(1)</script> & \"friends\" <!--"

    static let dataset = DatasetMetadata(
        id: "d", title: title, description: "Texts & <tables> </SCRIPT >", license: "CC-BY-4.0",
        licenseURL: "https://creativecommons.org/licenses/by/4.0/", creators: ["Ann <a@b>", "Bo"], publisher: "P & Q",
        version: "2.0", keywords: ["k"], baseIRI: "https://example.org/d/", modified: nil, datePublished: "2024-05-31")

    static let documents = [DocumentRecord(id: "essay", title: "E </script>", source: "e ssay.txt", sourceSHA256: "ab",
                                           language: "en", license: "", creators: [], byteCount: 10, codePointCount: 9)]
    static let tables = [TableSummary(name: "sentences", path: "csv/sentences.csv", description: "Sentences <s>.",
                                      columns: [.init(name: "id", description: "Id & key."), .init(name: "text", description: "Text.")],
                                      rows: 12)]
    static let files = [PayloadFile(path: "csv/sentences.csv", bytes: 120, sha256: "cd", mediaType: "text/csv", format: "csv", records: 12)]

    func jsonld(embedded: Bool) -> [UInt8] {
        JSONLDWriter.dataset(Self.dataset, documents: Self.documents, entities: [], files: Self.files, tables: Self.tables,
                             embedded: embedded)
    }

    func page() -> [UInt8] {
        LandingPage.page(dataset: Self.dataset,
                         documents: Self.documents.map {
                             .init(record: $0, page: "html/essay.html",
                                   files: [.init(label: "source", path: "source/e ssay.txt"), .init(label: "TEI", path: "tei/essay.xml"), .init(label: "JSON-LD", path: "jsonld/essay.jsonld")])
                         },
                         tables: Self.tables, files: 9, jsonld: jsonld(embedded: true))
    }

    func testPageParsesAndShowsTheTitleAsText() throws {
        let parsed = try XCTUnwrap(ParsedHTML(page()))
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.elements.first { $0.name == "title" }?.text, Self.title)
        XCTAssertEqual(parsed.elements.first { $0.name == "h1" }?.text, Self.title)
        XCTAssertEqual(parsed.elements.filter { $0.name == "script" }.count, 1)
        let hrefs = Set(parsed.elements.compactMap { $0.attributes["href"] })
        XCTAssertTrue(hrefs.isSuperset(of: ["html/essay.html", "source/e%20ssay.txt", "tei/essay.xml", "jsonld/essay.jsonld",
                                            "csv/sentences.csv", "datapackage.json", "ro-crate-metadata.json"]), "\(hrefs)")
        XCTAssertEqual(HTMLCheck.check(page()).problems, [])
    }

    /// The embedded JSON-LD, as a parser reads it out of the page, is `dataset.jsonld`'s object but for the context.
    func testEmbeddedJSONLDIsTheDatasetDescription() throws {
        let parsed = try XCTUnwrap(ParsedHTML(page()))
        let script = try XCTUnwrap(parsed.elements.first { $0.name == "script" })
        XCTAssertEqual(script.attributes["type"], "application/ld+json")
        var embedded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any])
        var file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(jsonld(embedded: false))) as? [String: Any])
        XCTAssertEqual(embedded["name"] as? String, Self.title)
        XCTAssertEqual(embedded["datePublished"] as? String, "2024-05-31")
        XCTAssertEqual((file["@context"] as? [Any])?.first as? String, "context.jsonld")
        // The page's context is inline (nothing to fetch); the file's refers to context.jsonld.
        let context = try XCTUnwrap(embedded["@context"] as? [Any])
        XCTAssertNotNil((context.first as? [String: Any])?["@vocab"])
        embedded["@context"] = nil
        file["@context"] = nil
        XCTAssertTrue(NSDictionary(dictionary: embedded).isEqual(to: file))
        let variables = try XCTUnwrap(file["variableMeasured"] as? [[String: Any]])
        XCTAssertEqual(variables.compactMap { $0["name"] as? String }, ["sentences.id", "sentences.text"])
        let distribution = try XCTUnwrap(file["distribution"] as? [[String: Any]])
        XCTAssertEqual(distribution.first?["contentUrl"] as? String, "csv/sentences.csv")
        XCTAssertEqual(distribution.first?["encodingFormat"] as? String, "text/csv")
    }

    func testCheckerFindsWhatWouldBreakOrFetch() {
        let head = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>t</title></head><body>"
        let cases: [(String, String)] = [
            ("<p>open", "does not close the element open here (p)"),
            ("<p>a</div>", "does not close"),
            ("<img src=\"x.png\" alt=\"\">", "fetch"),
            ("<script src=\"x.js\"></script>", "not JSON-LD"),
            ("<style>p{background:url(x.png)}</style>", "fetches"),
            ("<a href=\"#nowhere\">x</a>", "#nowhere"),
            ("<p id=\"a\">x</p><p id=\"a\">y</p>", "twice"),
            ("<p>a & b</p>", "&"),
            ("<p class=x>a</p>", "attribute"),
        ]
        for (body, expected) in cases {
            let problems = HTMLCheck.check(Array((head + body + "</body></html>").utf8)).problems
            XCTAssertTrue(problems.contains { $0.contains(expected) }, "\(body): \(problems)")
        }
        XCTAssertEqual(HTMLCheck.check(Array((head + "<p id=\"a\">x &amp; <a href=\"#a\">y</a></p></body></html>").utf8)).problems, [])
    }
}
