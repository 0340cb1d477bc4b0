import Foundation
import ScriptoriumModel
import Testing
@testable import ScriptoriumJSONLD

@Suite struct JSONLDDocumentTests {
    let records = Fixtures.records()
    let dataset = Fixtures.dataset
    var base: String { dataset.baseIRI }

    private func parsed() throws -> (root: [String: Any], nodes: [String: [String: Any]]) {
        let root = try Parsed.jsonld(JSONLDWriter.document(records, dataset: dataset))
        return (root, try Parsed.nodes(root))
    }

    @Test func referencesTheLocalContextAndSetsTheBase() throws {
        let root = try Parsed.object(JSONLDWriter.document(records, dataset: dataset))
        let context = try #require(root["@context"] as? [Any])
        // A document's file is in data/jsonld/, the context in data/.
        #expect(context.first as? String == "../context.jsonld")
        #expect(JSONLDWriter.contextFileName == "context.jsonld")
        #expect((context.last as? [String: String]) == ["@base": dataset.baseIRI])
        // The raw file shows the CSV ids.
        #expect(root["@id"] as? String == records.document.id)
    }

    /// Where a base would not resolve to exactly `baseIRI` + id, IRIs are written in full and no `@base` is set.
    @Test func baseIRIsThatCannotBeRelative() throws {
        #expect(JSONLDNodes.relativeBase("https://data.example.org/scriptorium/")! == ("https://data.example.org/scriptorium/", ""))
        #expect(JSONLDNodes.relativeBase("https://example.org/")! == ("https://example.org/", ""))
        #expect(JSONLDNodes.relativeBase("http://example.org:8080/a/b#")! == ("http://example.org:8080/a/b", "#"))
        #expect(JSONLDNodes.relativeBase("https://example.org#")! == ("https://example.org", "#"))
        for bad in ["https://example.org/a/../b/", "https://example.org/./", "https://example.org/a//", "https://x.org/a?q=/",
                    "https://x.org/a#b/", "urn:example:set/", "https://x.org/a b/", "https://x.org/a\"b/", "https:///",
                    "https://x.org/a", "", "https://x.org/é/"] {
            #expect(JSONLDNodes.relativeBase(bad) == nil, "\(bad)")
        }
        var d = dataset
        d.baseIRI = "urn:example:scriptorium:"
        let raw = try Parsed.object(JSONLDWriter.document(records, dataset: d))
        #expect(raw["@context"] as? String == JSONLDWriter.documentContextReference)
        #expect(raw["@id"] as? String == "urn:example:scriptorium:" + records.document.id)
        let nodes = try Parsed.nodes(raw)
        for s in records.sentences { #expect(nodes["urn:example:scriptorium:" + s.id] != nil) }
        for m in records.mentions {
            #expect(nodes["urn:example:scriptorium:" + m.id]?["entity"] as? String == "urn:example:scriptorium:" + m.entityID)
        }
    }

    @Test func everySentenceIsANodeWithItsText() throws {
        let (_, nodes) = try parsed()
        #expect(records.sentences.count == 8)
        for s in records.sentences {
            let node = try #require(nodes[base + s.id], "sentence \(s.id) missing")
            let text = try #require(node["text"] as? String)
            #expect(Array(text.unicodeScalars) == Array(s.text.unicodeScalars))
            #expect(node["position"] as? Int == s.position)
            #expect(node["start"] as? Int == s.span.start)
            #expect(node["end"] as? Int == s.span.end)
            #expect(Parsed.list(node["@type"]) as? [String] == ["CreativeWork", "Sentence"])
        }
    }

    @Test func everyRecordIsANodeWithItsID() throws {
        let (root, nodes) = try parsed()
        #expect(root["@id"] as? String == base + Fixtures.documentID)
        var ids = [records.document.id]
        ids += records.sections.map(\.id) + records.blocks.map(\.id) + records.sentences.map(\.id)
        ids += records.mentions.map(\.id) + records.entities.map(\.id)
        for id in ids { #expect(nodes[base + id] != nil, "\(id) missing") }
        #expect(nodes.count == ids.count)
        #expect(JSONLDWriter.nodeCount(records) == ids.count)
    }

    @Test func nestingFollowsTheRecords() throws {
        let (root, nodes) = try parsed()
        func partIDs(_ node: [String: Any]) -> [String] {
            Parsed.list(node["hasPart"]).compactMap { ($0 as? [String: Any])?["@id"] as? String }
        }
        #expect(partIDs(root) == records.sections.map { base + $0.id })
        for section in records.sections {
            let expected = records.blocks.filter { $0.sectionID == section.id }.map { base + $0.id }
            #expect(partIDs(try #require(nodes[base + section.id])) == expected)
            #expect(nodes[base + section.id]?["headline"] as? String == section.heading)
        }
        for block in records.blocks {
            let node = try #require(nodes[base + block.id])
            #expect(partIDs(node) == records.sentences.filter { $0.blockID == block.id }.map { base + $0.id })
            #expect(node["blockKind"] as? String == block.kind.rawValue)
            #expect(node["text"] as? String == block.text)
        }
    }

    @Test func numbersMarkersAndVerbatimBlocks() throws {
        let (_, nodes) = try parsed()
        #expect(records.sections.compactMap(\.number) == ["2.1"], "the fixture has one numbered section")
        for section in records.sections {
            let node = try #require(nodes[base + section.id])
            #expect(node["number"] as? String == section.number)
            #expect(section.number != nil || node["number"] == nil, "no number key without a number")
        }
        #expect(records.blocks.compactMap(\.marker) == ["(a)", "(b)"])
        for block in records.blocks {
            let node = try #require(nodes[base + block.id])
            #expect(node["marker"] as? String == block.marker)
            #expect(block.marker != nil || node["marker"] == nil, "no marker key without a marker")
        }
        let verbatim = try #require(records.blocks.first { $0.kind == .verbatim })
        let node = try #require(nodes[base + verbatim.id])
        #expect(node["blockKind"] as? String == "verbatim")
        #expect(node["text"] as? String == "$ grep -c \"<b>\" a.txt && echo ok\n\tdone")
        #expect(node["hasPart"] == nil, "a verbatim block has no sentences")
    }

    @Test func newTermsExpandToTheProjectNamespace() throws {
        let context = try #require(try Parsed.object(JSONLDWriter.context())["@context"] as? [String: Any])
        #expect(context["number"] as? String == "scr:number")
        #expect(context["marker"] as? String == "scr:marker")
    }

    @Test func mentionsAreNodesInTheirSentences() throws {
        let (_, nodes) = try parsed()
        for m in records.mentions {
            let node = try #require(nodes[base + m.id])
            #expect(node["@type"] as? String == "Mention")
            #expect(node["entity"] as? String == base + m.entityID)
            #expect(node["mentionText"] as? String == m.text)
            #expect(node["start"] as? Int == m.span.start)
            #expect(node["end"] as? Int == m.span.end)
            let sentence = try #require(nodes[base + m.sentenceID])
            let inSentence = Parsed.list(sentence["hasMention"]).compactMap { ($0 as? [String: Any])?["@id"] as? String }
            #expect(inSentence.contains(base + m.id))
            #expect((Parsed.list(sentence["mentions"]) as? [String])?.contains(base + m.entityID) == true)
        }
        // A sentence that mentions Japan twice lists it once, in order of first mention.
        let s = try #require(records.sentences.first { $0.text.hasPrefix("On 8 September") })
        let entities = try #require(Parsed.list(nodes[base + s.id]?["mentions"]) as? [String])
        #expect(entities == ["date.1951-09-08", "ent.japan", "ent.treaty-of-san-francisco", "ent.san-francisco"]
            .map { base + $0 })
    }

    @Test func entitiesAreDescribedWithSameAsWhereKnown() throws {
        let (root, nodes) = try parsed()
        #expect(Parsed.list(root["mentions"]).count == records.entities.count)
        for e in records.entities {
            let node = try #require(nodes[base + e.id])
            #expect(node["name"] as? String == e.name)
            if let q = e.wikidata {
                #expect(node["sameAs"] as? String == "https://www.wikidata.org/entity/" + q)
            } else {
                #expect(node["sameAs"] == nil)
            }
            #expect((node["alternateName"] as? [String] ?? []) == e.aliases)
            #expect(node["mentionCount"] == nil, "per-document files leave counts to dataset.jsonld")
        }
        let types = Dictionary(uniqueKeysWithValues: records.entities.map { ($0.id, nodes[base + $0.id]?["@type"] as? String) })
        #expect(types["ent.japan"] == "Place")
        #expect(types["ent.u-s-senate"] == "Organization")
        #expect(types["ent.treaty-of-san-francisco"] == "Legislation")
        #expect(types["ent.korean-war"] == "Event")
        #expect(types["ent.john-foster-dulles"] == "Person")
        #expect(types["date.1972"] == "CalendarDate")
        let iso = try #require(nodes[base + "date.1951-09-08"]?["isoDate"] as? [String: String])
        #expect(iso == ["@value": "1951-09-08", "@type": "xsd:date"])
        #expect((nodes[base + "date.1972"]?["isoDate"] as? [String: String])?["@type"] == "xsd:gYear")
        #expect((nodes[base + "date.1952-03"]?["isoDate"] as? [String: String])?["@type"] == "xsd:gYearMonth")
    }

    @Test func documentMetadata() throws {
        let (root, _) = try parsed()
        #expect(root["@type"] as? String == "Article")
        #expect(root["name"] as? String == records.document.title)
        #expect(root["inLanguage"] as? String == "en")
        #expect((root["license"] as? [String: String])?["@id"] == dataset.licenseURL)
        #expect(root["author"] as? [String] == ["Ada Example"])
        #expect(root["isPartOf"] as? String == dataset.baseIRI)
        let source = try #require(root["isBasedOn"] as? [String: Any])
        #expect(source["sha256"] as? String == records.document.sourceSHA256)
        #expect(source["name"] as? String == "essays/us japan treaty.txt")
        #expect(source["contentUrl"] as? String == "../source/essays/us%20japan%20treaty.txt")
    }

    @Test func outputIsDeterministicAndOneNodePerLine() throws {
        let a = try JSONLDWriter.document(records, dataset: dataset)
        #expect(try a == JSONLDWriter.document(records, dataset: dataset))
        let lines = String(decoding: a, as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"Sentence\"]") }.count == records.sentences.count)
        #expect(a.last == UInt8(ascii: "\n"))
    }

    /// Records out of order: nothing is lost or misplaced.
    @Test func childrenAreFoundByParentIDNotOrder() throws {
        var r = records
        r.blocks.reverse()
        r.sentences.swapAt(0, r.sentences.count - 1)
        r.mentions.reverse()
        let nodes = try Parsed.nodes(try Parsed.jsonld(JSONLDWriter.document(r, dataset: dataset)))
        for s in r.sentences { #expect(nodes[base + s.id]?["text"] as? String == s.text) }
        for m in r.mentions { #expect(nodes[base + m.id] != nil) }
        for b in r.blocks {
            let parts = Parsed.list(nodes[base + b.id]?["hasPart"]).compactMap { ($0 as? [String: Any])?["@id"] as? String }
            #expect(Set(parts) == Set(r.sentences.filter { $0.blockID == b.id }.map { base + $0.id }))
        }
    }

    /// A child whose parent is missing is refused, as by every writer (`DocumentTree`), never moved under the
    /// document: the file would contradict the CSV.
    @Test func aChildWithoutItsParentIsRefused() {
        var r = records
        r.sentences.append(SentenceRecord(id: "orphan.s1", documentID: r.document.id, blockID: "no-such-block",
                                          position: 1, text: "Lost?", span: Span(start: 0, end: 1)))
        #expect(throws: DocumentTree.MisplacedRecord.self) { try JSONLDWriter.document(r, dataset: dataset) }
        r = records
        r.mentions.append(MentionRecord(id: "orphan.m1", documentID: r.document.id, sentenceID: "no-such-sentence",
                                        entityID: "ent.japan", text: "J", span: Span(start: 0, end: 1),
                                        rangeInSentence: 0..<1))
        #expect(throws: DocumentTree.MisplacedRecord.self) { try JSONLDWriter.document(r, dataset: dataset) }
    }

    /// The dataset's IRI is its base IRI, so a document named like the dataset is still a node of its own.
    @Test func aDocumentNamedLikeTheDataset() throws {
        var r = records
        r.document.id = dataset.id
        let root = try Parsed.jsonld(JSONLDWriter.document(r, dataset: dataset))
        #expect(root["@id"] as? String == dataset.baseIRI + dataset.id)
        #expect(root["isPartOf"] as? String == dataset.baseIRI)
    }

    @Test func anEmptyDocumentIsValidJSON() throws {
        let r = DocumentRecords(document: records.document)
        let root = try Parsed.jsonld(JSONLDWriter.document(r, dataset: dataset))
        #expect((root["hasPart"] as? [Any])?.isEmpty == true)
        #expect(JSONLDWriter.nodeCount(r) == 1)
    }

    @Test func aBaseIRIEndingInHash() throws {
        var d = dataset
        d.baseIRI = "https://data.example.org/set#"
        let raw = try Parsed.object(JSONLDWriter.document(records, dataset: d))
        #expect(((raw["@context"] as? [Any])?.last as? [String: String]) == ["@base": "https://data.example.org/set"])
        #expect(raw["@id"] as? String == "#" + records.document.id)
        #expect(raw["isPartOf"] as? String == "https://data.example.org/set")
        let nodes = try Parsed.nodes(try Parsed.jsonld(JSONLDWriter.document(records, dataset: d)))
        for s in records.sentences { #expect(nodes["https://data.example.org/set#" + s.id] != nil) }
    }
}

@Suite struct JSONLDDatasetTests {
    let dataset = Fixtures.dataset
    let records = Fixtures.records()

    private func written(_ d: DatasetMetadata? = nil) -> [UInt8] {
        JSONLDWriter.dataset(d ?? dataset, documents: [records.document], entities: Fixtures.entities,
                             files: Fixtures.files)
    }

    @Test func metadata() throws {
        let root = try Parsed.jsonld(written())
        #expect((root["@context"] as? [Any])?.first as? String == "context.jsonld")
        #expect(root["@id"] as? String == dataset.baseIRI)
        #expect(root["identifier"] as? String == dataset.id)
        #expect(root["@type"] as? String == "Dataset")
        #expect(root["name"] as? String == dataset.title)
        #expect(root["description"] as? String == dataset.description)
        #expect((root["license"] as? [String: String])?["@id"] == dataset.licenseURL)
        #expect(root["creator"] as? [String] == dataset.creators)
        #expect(root["publisher"] as? String == dataset.publisher)
        #expect(root["version"] as? String == dataset.version)
        #expect(root["keywords"] as? [String] == dataset.keywords)
        #expect(root["dateModified"] as? String == dataset.modified)
        let tool = try #require(root["generatedBy"] as? [String: Any])
        #expect(tool["softwareVersion"] as? String == ScriptoriumInfo.version)
    }

    @Test func noDateModifiedWithoutATimestamp() throws {
        var d = dataset
        d.modified = nil
        let root = try Parsed.jsonld(written(d))
        #expect(root["dateModified"] == nil)
        #expect(!String(decoding: written(d), as: UTF8.self).contains("dateModified"))
    }

    @Test func everyFileIsADataDownloadWithItsHash() throws {
        let root = try Parsed.jsonld(written())
        let downloads = try #require(root["distribution"] as? [[String: Any]])
        #expect(downloads.count == Fixtures.files.count)
        for (f, node) in zip(Fixtures.files, downloads) {
            #expect(node["@type"] as? String == "DataDownload")
            #expect(node["name"] as? String == f.path)
            #expect(node["sha256"] as? String == f.sha256)
            #expect(node["encodingFormat"] as? String == f.mediaType)
            #expect(node["contentSize"] as? String == "\(f.bytes) B")
            #expect(node["recordCount"] as? Int == f.records)
        }
        // dataset.jsonld sits in data/, beside the files' folders.
        #expect(downloads.last?["contentUrl"] as? String == "source/essays/us%20japan%20treaty.txt")
        #expect(downloads.first?["contentUrl"] as? String == "csv/documents.csv")
    }

    @Test func documentsAndEntitiesWithCounts() throws {
        let root = try Parsed.jsonld(written())
        let nodes = try Parsed.nodes(root)
        let base = dataset.baseIRI
        #expect(nodes[base + records.document.id]?["name"] as? String == records.document.title)
        for e in Fixtures.entities {
            let node = try #require(nodes[base + e.id])
            #expect(node["mentionCount"] as? Int == e.mentions)
            #expect(node["sameAs"] as? String == e.wikidata.map { "https://www.wikidata.org/entity/" + $0 })
        }
        #expect(nodes.count == JSONLDWriter.nodeCount(documents: [records.document], entities: Fixtures.entities))
        #expect(written() == written())
    }
}

/// The context defines every project term used, and every other key is a schema.org term from a known list.
@Suite struct JSONLDContextTests {
    /// The schema.org terms the writer uses (all checked against the current vocabulary when this was written;
    /// conformance checks them again on every build).
    static let schemaProperties: Set<String> = [
        "name", "description", "license", "creator", "author", "publisher", "version", "keywords", "dateModified",
        "distribution", "hasPart", "isPartOf", "inLanguage", "isBasedOn", "headline", "position", "text", "mentions",
        "alternateName", "sameAs", "softwareVersion", "url", "contentUrl", "encodingFormat", "contentSize", "sha256",
        "identifier", "datePublished", "variableMeasured",
    ]
    static let schemaTypes: Set<String> = [
        "Dataset", "DataDownload", "Article", "CreativeWork", "MediaObject", "SoftwareApplication", "Place",
        "Organization", "Legislation", "Event", "Person", "PropertyValue",
    ]

    @Test func contextDefinesTheProjectTerms() throws {
        let root = try Parsed.object(JSONLDWriter.context())
        let context = try #require(root["@context"] as? [String: Any])
        #expect(root.count == 1)
        #expect(context["@vocab"] as? String == "https://schema.org/")
        #expect(context["scr"] as? String == JSONLDWriter.namespace)
        #expect(JSONLDWriter.namespace == "https://scriptorium.example/ns#")
        #expect((context["sameAs"] as? [String: String]) == ["@id": "schema:sameAs", "@type": "@id"])
        for t in JSONLDContext.projectTerms {
            let iri = (context[t.term] as? String) ?? ((context[t.term] as? [String: String])?["@id"])
            #expect(iri == "scr:" + t.iri)
            #expect(!Self.schemaProperties.contains(t.term) && !Self.schemaTypes.contains(t.term))
        }
        #expect(JSONLDWriter.context() == JSONLDWriter.context())
    }

    @Test func everyKeyAndTypeIsKnown() throws {
        let context = try #require(try Parsed.object(JSONLDWriter.context())["@context"] as? [String: Any])
        let defined = Set(context.keys)
        let documents = [try JSONLDWriter.document(Fixtures.records(), dataset: Fixtures.dataset),
                         JSONLDWriter.dataset(Fixtures.dataset, documents: [Fixtures.records().document],
                                              entities: Fixtures.entities, files: Fixtures.files,
                                              tables: [TableSummary(name: "t", path: "csv/t.csv", description: "T",
                                                                    columns: [.init(name: "id", description: "Id")], rows: 1)])]
        for bytes in documents {
            let (keys, types) = Parsed.keysAndTypes(try Parsed.json(bytes))
            for k in keys where !k.hasPrefix("@") {
                #expect(defined.contains(k) || Self.schemaProperties.contains(k), "unknown key \(k)")
            }
            for t in types {
                #expect(defined.contains(t) || Self.schemaTypes.contains(t), "unknown type \(t)")
            }
        }
    }
}
