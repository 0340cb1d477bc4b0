import ScriptoriumModel
import Testing
@testable import ScriptoriumTEI

@Suite struct TEIWriterTests {
    let writer: TEIWriter

    init() throws {
        writer = try TEIWriter(dataset: Fixtures.dataset)
    }

    func writeAndParse(_ records: DocumentRecords) throws -> ParsedTEI {
        let bytes = try writer.write(records)
        return try #require(ParsedTEI(bytes), "the output must be well-formed XML")
    }

    @Test func everySentenceComesBackWithItsIdAndExactText() throws {
        let records = Fixtures.essay()
        let tei = try writeAndParse(records)
        #expect(tei.rootName == "TEI")
        #expect(tei.rootNamespace == "http://www.tei-c.org/ns/1.0")
        let s = tei.all("s")
        #expect(s.map(\.id) == records.sentences.map(\.id))
        #expect(s.map(\.text) == records.sentences.map(\.text))
    }

    @Test func everyMentionIsOneElementWithItsRefAndText() throws {
        let records = Fixtures.essay()
        let tei = try writeAndParse(records)
        let found = tei.mentionElements
        #expect(found.map(\.id) == records.mentions.map(\.id))
        let entities = Dictionary(uniqueKeysWithValues: records.entities.map { ($0.id, $0) })
        for (element, mention) in zip(found, records.mentions) {
            #expect(element.attributes["ref"] == "#" + mention.entityID)
            #expect(element.text == mention.text)
            #expect(element.ancestors.last == "s")
            let entity = try #require(entities[mention.entityID])
            switch entity.type {
            case .place: #expect(element.name == "placeName")
            case .organization: #expect(element.name == "orgName")
            case .person, .event, .legalInstrument:
                #expect(element.name == "name")
                #expect(element.attributes["type"] == entity.type.rawValue)
            case .date:
                #expect(element.name == "date")
                #expect(element.attributes["when"] == entity.name)
            case .name:
                #expect(element.name == "name")
                #expect(element.attributes["type"] == nil)
            }
        }
    }

    @Test func sectionNumbersMarkersAndVerbatimBlocksComeBack() throws {
        let records = Fixtures.structured()
        let tei = try writeAndParse(records)
        #expect(tei.all("head").map { $0.attributes["n"] } == ["2.1", nil])
        #expect(tei.all("head").map(\.text) == ["Remedies", "Unnumbered"])
        #expect(tei.all("item").map { $0.attributes["n"] } == ["(a)", "(b)", nil])
        let ab = try #require(tei.all("ab").first)
        #expect(tei.all("ab").count == 1)
        #expect(ab.attributes["type"] == "verbatim")
        #expect(ab.id == "structured.b3")
        #expect(ab.text == "if a < b && c {\n\treturn \"x\"\n}")
        #expect(ab.text == records.blocks[2].text)
        #expect(!tei.elements.contains { $0.ancestors.contains("ab") }, "a verbatim block holds no s")
        // The verbatim block closes the list as a paragraph does: two lists, of one item and of two.
        let body = tei.elements.filter { ["p", "list", "item", "ab"].contains($0.name) && $0.ancestors.contains("body") }
        #expect(body.map(\.name) == ["p", "list", "item", "ab", "list", "item", "item", "p"])
        #expect(tei.all("s").map(\.id) == records.sentences.map(\.id))
    }

    @Test func mentionsAtSentenceStartEndAndAdjacent() throws {
        var b = RecordsBuilder()
        b.paragraph([
            .init("Japan", [("Japan", "ent.japan")]),
            .init("Japan and the United States", [("Japan", "ent.japan"), ("United States", "ent.united-states")]),
            .init("United StatesJapan", [("United States", "ent.united-states"), ("Japan", "ent.japan")]),
            .init("In 1951 Japan.", [("1951", "date.1951"), ("Japan", "ent.japan")]),
        ])
        let records = b.records()
        let tei = try writeAndParse(records)
        #expect(tei.all("s").map(\.text) == records.sentences.map(\.text))
        #expect(tei.mentionElements.map(\.text) == ["Japan", "Japan", "United States", "United States", "Japan", "1951", "Japan"])
        #expect(tei.mentionElements.map(\.id) == records.mentions.map(\.id))
    }

    @Test func trickyTextSurvivesExactly() throws {
        let texts = [
            #"Markup <b>bold</b> & "quotes" 'apostrophes' ]]> --> <!-- <?pi?> &amp; &#65;."#,
            "Emoji 🇯🇵 👩🏽‍💻 🤝 and a lone regional indicator 🇯.",
            "Combining: e\u{301} a\u{332}\u{301} \u{1100}\u{1161}\u{11A8} (NFD kept as given).",
            "العربية: معاهدة الأمن والتعاون المتبادل بين اليابان والولايات المتحدة.",
            "עברית: אמנת שיתוף הפעולה והביטחון ההדדי \u{200F}(1960)\u{200E}.",
            "Mixed direction: Tokyo طوكيو טוקיו Tokyo.",
            "Tab\tinside, non-breaking\u{00A0}space, C1 control \u{0085} kept.",
        ]
        var b = RecordsBuilder()
        b.paragraph(texts.map { RecordsBuilder.Sentence($0) })
        b.paragraph([.init("Tokyo طوكيو Japan", [("Japan", "ent.japan")])])
        let records = b.records()
        let tei = try writeAndParse(records)
        #expect(tei.all("s").map(\.text) == records.sentences.map(\.text))
        #expect(tei.mentionElements.map(\.text) == ["Japan"])
    }

    @Test func charactersXMLForbidsBecomeReplacementCharacters() throws {
        let raw = "Nul\u{0} bell\u{7} vt\u{B} ff\u{C} esc\u{1B} nonchars \u{FFFE}\u{FFFF} then Japan."
        var b = RecordsBuilder()
        b.paragraph([.init(raw, [("Japan", "ent.japan")])])
        b.heading("Head\u{1}ing")
        let records = b.records(title: "Title\u{2}")
        let tei = try writeAndParse(records)
        let expected = "Nul\u{FFFD} bell\u{FFFD} vt\u{FFFD} ff\u{FFFD} esc\u{FFFD} nonchars \u{FFFD}\u{FFFD} then Japan."
        #expect(tei.all("s").map(\.text) == [expected])
        #expect(XMLCharacters.xmlSafe(raw) == expected)
        #expect(tei.mentionElements.map(\.text) == ["Japan"])
        #expect(tei.first("head")?.text == "Head\u{FFFD}ing")
        #expect(tei.first("title")?.text == "Title\u{FFFD}")
    }

    @Test func headerCarriesTitleSourceChecksumLicenceToolAndLanguage() throws {
        let records = Fixtures.essay()
        let tei = try writeAndParse(records)
        let root = try #require(tei.elements.first)
        #expect(root.id == records.document.id)
        #expect(root.attributes["xml:lang"] == "en")
        let idnos = tei.all("idno").filter { $0.ancestors.contains("teiHeader") }
        #expect(idnos.first { $0.attributes["type"] == "sha256" }?.text == Fixtures.sha256)
        #expect(idnos.first { $0.attributes["type"] == "sha256" }?.ancestors.suffix(2) == ["sourceDesc", "bibl"])
        #expect(idnos.first { $0.attributes["type"] == "path" }?.text == records.document.source)
        #expect(idnos.first { $0.attributes["type"] == "dataset" }?.text == Fixtures.dataset.id)
        #expect(tei.first("title")?.text == records.document.title)
        #expect(tei.all("author").map(\.text) == records.document.creators)
        #expect(tei.first("publisher")?.text == "Scriptorium & Co. <test>")
        let licence = try #require(tei.first("licence"))
        #expect(licence.attributes["target"] == Fixtures.dataset.licenseURL)
        #expect(licence.text == "CC-BY-4.0")
        let application = try #require(tei.first("application"))
        #expect(application.attributes["ident"] == "scriptorium")
        #expect(application.attributes["version"] == ScriptoriumInfo.version)
        #expect(tei.first("language")?.attributes["ident"] == "en")
        #expect(tei.first("schemaRef")?.attributes["url"] == TEISchema.fileName)
        let date = try #require(tei.all("date").first { $0.ancestors.last == "publicationStmt" })
        #expect(date.attributes["when"] == Fixtures.dataset.modified)
        let measures = tei.all("measure")
        #expect(measures.first { $0.attributes["unit"] == "byte" }?.attributes["quantity"]
                == String(records.document.byteCount))
    }

    @Test func structureFollowsSectionsBlocksAndLists() throws {
        let records = Fixtures.essay()
        let tei = try writeAndParse(records)
        let divs = tei.all("div")
        #expect(divs.first?.attributes["type"] == "preamble")
        #expect(divs.dropFirst().map(\.id) == records.sections.map(\.id))
        #expect(tei.all("head").map(\.text) == records.sections.map(\.heading))
        // "Provisions" (level 2) nests inside "Historical Foundations"; "Tricky Text" (level 1) does not.
        let provisions = try #require(tei.element(id: "treaty.sec2"))
        #expect(provisions.ancestors.suffix(2) == ["body", "div"])
        let tricky = try #require(tei.element(id: "treaty.sec3"))
        #expect(tricky.ancestors.last == "body")
        // Blocks keep their ids; consecutive list items share one list.
        let paragraphs = tei.all("p").filter { $0.ancestors.contains("body") }
        let items = tei.all("item").filter { $0.ancestors.contains("body") }
        #expect(paragraphs.map(\.id) + items.map(\.id)
                == records.blocks.filter { $0.kind == .paragraph }.map(\.id as (BlockRecord) -> String)
                + records.blocks.filter { $0.kind == .listItem }.map(\.id as (BlockRecord) -> String))
        #expect(tei.all("list").filter { $0.ancestors.contains("body") }.count == 1)
        #expect(items.allSatisfy { $0.ancestors.last == "list" })
        // The first block lies before any heading.
        #expect(tei.element(id: "treaty.b1")?.ancestors.last == "div")
        #expect(paragraphs.first?.text == records.blocks.first?.text)
    }

    @Test func standOffDescribesEachEntityOnceWithWikidata() throws {
        let records = Fixtures.essay()
        let tei = try writeAndParse(records)
        let described = tei.elements.filter { $0.ancestors.contains("standOff") && $0.id != nil }
        #expect(described.map(\.id!).sorted() == records.entities.map(\.id).sorted())
        let expectedElement: [EntityType: String] = [.place: "place", .organization: "org", .person: "person",
                                                     .event: "event", .legalInstrument: "bibl", .date: "item"]
        for entity in records.entities {
            let element = try #require(described.first { $0.id == entity.id })
            #expect(element.name == expectedElement[entity.type])
            #expect(element.text.hasPrefix(entity.name))
            let idno = tei.all("idno").first { $0.ancestors.contains("standOff") && $0.text == entity.wikidata }
            #expect((idno != nil) == (entity.wikidata != nil))
        }
        let dateItem = try #require(tei.all("date").first { $0.ancestors.last == "item" && $0.ancestors.contains("standOff") })
        #expect(dateItem.attributes["when"] == dateItem.text)
        // Every @ref in the body resolves to one of them.
        let ids = Set(described.map(\.id!))
        #expect(tei.mentionElements.allSatisfy { ids.contains(String($0.attributes["ref"]!.dropFirst())) })
    }

    @Test func documentWithoutEntitiesHasNoStandOff() throws {
        var b = RecordsBuilder()
        b.paragraph([.init("Nothing to see here.")])
        let tei = try writeAndParse(b.records())
        #expect(tei.first("standOff") == nil)
        #expect(tei.all("s").count == 1)
    }

    @Test func documentWithoutBlocksIsStillValid() throws {
        var b = RecordsBuilder()
        let empty = b.records(title: "", language: "", creators: [])
        let tei = try writeAndParse(empty)
        #expect(tei.first("div")?.attributes["type"] == "preamble")
        #expect(tei.first("language")?.attributes["ident"] == "und")
        b.heading("Only a heading")
        b.heading("And a deeper one", level: 3)
        let headings = try writeAndParse(b.records())
        #expect(headings.all("div").map(\.id) == ["treaty.sec1", "treaty.sec2"])
        #expect(headings.element(id: "treaty.sec2")?.ancestors.last == "div")
    }

    @Test func outputIsDeterministic() throws {
        let records = Fixtures.essay()
        let first = try writer.write(records)
        let second = try TEIWriter(dataset: Fixtures.dataset).write(records)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(text.contains("<?xml-model href=\"scriptorium-tei.rng\""))
        // Non-ASCII text is written as UTF-8, not as character references.
        #expect(text.contains("معاهدة"))
        #expect(!text.contains("&#"))
    }

    @Test func writesFromSeveralThreadsAtOnce() async throws {
        let writer = self.writer
        let documents = (1...8).map { n -> DocumentRecords in
            var records = Fixtures.essay()
            records.document.title = "Essay \(n)"
            return records
        }
        let expected = try documents.map { try writer.write($0) }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for round in 0..<6 {
                for (k, document) in documents.enumerated() {
                    group.addTask { (k, try writer.write(document)) }
                }
                _ = round
            }
            var all: [(Int, [UInt8])] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 48)
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }
}
