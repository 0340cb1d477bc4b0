import CLibXML2
import CSV
import Foundation
import Testing

/// The essay's TEI parsed back with libxml2 and its JSON-LD parsed back as JSON, each compared with the CSV:
/// the same sentence ids and texts, every mention marked up once with its entity, and the header's checksum.
@Suite(.serialized) struct CrossFormatTests {
    struct Built {
        var output: URL
        var sentences: [(id: String, text: String)]
        var mentions: [(id: String, entity: String)]
        var entities: [[String: String]]
        var sourceSHA256: String
    }

    func build(_ folder: URL) throws -> Built {
        let output = try buildEssay(into: folder)
        func rows(_ name: String) throws -> [[String: String]] {
            let reader = try CSVReader(string: try String(contentsOf: output.appendingPathComponent("data/csv/\(name).csv"), encoding: .utf8),
                                       hasHeaderRow: true)
            let header = reader.headerRow!
            var out: [[String: String]] = []
            while let row = reader.next() { out.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
            return out
        }
        return Built(output: output,
                     sentences: try rows("sentences").map { ($0["id"]!, $0["text"]!) },
                     mentions: try rows("mentions").map { ($0["id"]!, $0["entity_id"]!) },
                     entities: try rows("entities"),
                     sourceSHA256: try rows("documents")[0]["source_sha256"]!)
    }

    /// Elements of the TEI namespace with a given local name, in document order, from a libxml2 tree.
    func elements(_ node: xmlNodePtr?, named name: String, into out: inout [xmlNodePtr]) {
        var child = node
        while let n = child {
            if n.pointee.type == XML_ELEMENT_NODE, String(cString: n.pointee.name) == name { out.append(n) }
            elements(n.pointee.children, named: name, into: &out)
            child = n.pointee.next
        }
    }

    func attribute(_ node: xmlNodePtr, _ name: String, namespace: String? = nil) -> String? {
        let value = namespace.map { xmlGetNsProp(node, name, $0) } ?? xmlGetProp(node, name)
        guard let value else { return nil }
        defer { scriptorium_libxml_free(value) } // libxml2's own free: its allocator may not be libc's
        return String(cString: value)
    }

    func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { scriptorium_libxml_free(content) }
        return String(cString: content)
    }

    @Test func teiAgreesWithTheCSV() throws {
        let folder = try temporaryFolder("tei")
        defer { cleanup(folder) }
        let built = try build(folder)
        let data = try Data(contentsOf: built.output.appendingPathComponent("data/tei/us-japan-security-treaty.xml"))
        let doc = try #require(data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), "tei.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        })
        defer { xmlFreeDoc(doc) }
        let root = xmlDocGetRootElement(doc)
        let xmlNS = "http://www.w3.org/XML/1998/namespace"

        var s: [xmlNodePtr] = []
        elements(root, named: "s", into: &s)
        #expect(s.count == built.sentences.count)
        for (node, sentence) in zip(s, built.sentences) {
            #expect(attribute(node, "id", namespace: xmlNS) == sentence.id)
            #expect(text(node) == sentence.text)
        }

        // Every mention row is exactly one element in the body with @ref = "#" + its entity.
        var body: [xmlNodePtr] = []
        elements(root, named: "body", into: &body)
        var marked: [String: String] = [:]
        for name in ["placeName", "orgName", "name", "date"] {
            var found: [xmlNodePtr] = []
            elements(body.first?.pointee.children, named: name, into: &found)
            for node in found {
                if let id = attribute(node, "id", namespace: xmlNS), let ref = attribute(node, "ref") { marked[id] = ref }
            }
        }
        #expect(marked.count == built.mentions.count)
        for mention in built.mentions { #expect(marked[mention.id] == "#\(mention.entity)", "\(mention.id)") }

        // The header names the source's SHA-256.
        var idnos: [xmlNodePtr] = []
        elements(root, named: "idno", into: &idnos)
        #expect(idnos.contains { attribute($0, "type") == "sha256" && text($0) == built.sourceSHA256 })
    }

    @Test func jsonldAgreesWithTheCSV() throws {
        let folder = try temporaryFolder("jsonld")
        defer { cleanup(folder) }
        let built = try build(folder)
        var nodes: [String: [String: Any]] = [:]
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let id = object["@id"] as? String { nodes[id] = nodes[id] ?? object }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        for file in ["jsonld/us-japan-security-treaty.jsonld", "dataset.jsonld"] {
            collect(try JSONSerialization.jsonObject(with: Data(contentsOf: built.output.appendingPathComponent("data/\(file)"))))
        }
        for sentence in built.sentences { #expect(nodes[sentence.id]?["text"] as? String == sentence.text, "\(sentence.id)") }
        for mention in built.mentions { #expect(nodes[mention.id] != nil, "\(mention.id)") }
        for entity in built.entities where !(entity["wikidata"] ?? "").isEmpty {
            let sameAs = nodes[entity["id"]!]?["sameAs"]
            let links = (sameAs as? [String]) ?? [(sameAs as? String) ?? ""]
            #expect(links.contains("https://www.wikidata.org/entity/\(entity["wikidata"]!)"), "\(entity["id"]!)")
        }
    }
}
