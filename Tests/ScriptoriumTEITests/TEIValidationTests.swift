import ScriptoriumModel
import Testing
@testable import ScriptoriumTEI

/// Documents that the schema or the record checks must refuse, with a message that says where.
@Suite struct TEIValidationTests {
    let writer: TEIWriter

    init() throws {
        writer = try TEIWriter(dataset: Fixtures.dataset)
    }

    func problems(_ records: DocumentRecords) -> [XMLProblem]? {
        do {
            _ = try writer.write(records)
            return nil
        } catch TEIError.invalid(let id, let problems) {
            #expect(id == records.document.id)
            return problems
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func schemaCompiles() throws {
        _ = try RelaxNGValidator.scriptoriumTEI.get()
        #expect(TEISchema.text.hasPrefix("<?xml"))
        #expect(TEISchema.bytes.last == UInt8(ascii: "\n"))
    }

    @Test func everyEntityTypeHasAPlace() {
        #expect(Set(TEI.standOffOrder) == Set(EntityType.allCases))
        #expect(TEI.standOffOrder.count == EntityType.allCases.count)
    }

    @Test func dateThatIsNotISOIsRejectedWithItsPath() throws {
        var b = RecordsBuilder(entities: [EntityRecord(id: "date.june-1948", name: "June 1948", type: .date,
                                                       wikidata: nil, aliases: [], mentions: 0)])
        b.paragraph([.init("Talks began in June 1948.", [("June 1948", "date.june-1948")])])
        let found = try #require(problems(b.records()))
        let mention = try #require(found.first { $0.path.hasSuffix("date[@xml:id='treaty.m1']") })
        #expect(mention.path.hasPrefix("/TEI[@xml:id='treaty']/text/body/div/p[@xml:id='treaty.b1']/s[@xml:id='treaty.b1.s1']/"))
        #expect(mention.message.contains("June 1948"))
    }

    @Test func malformedWikidataIdIsRejected() throws {
        var b = RecordsBuilder(entities: [EntityRecord(id: "ent.japan", name: "Japan", type: .place,
                                                       wikidata: "wd:Q17", aliases: [], mentions: 0)])
        b.paragraph([.init("Japan.", [("Japan", "ent.japan")])])
        let found = try #require(problems(b.records()))
        #expect(found.contains { $0.path.contains("place[@xml:id='ent.japan']") })
    }

    @Test func idThatIsNotAnNCNameIsRejected() throws {
        var b = RecordsBuilder(documentID: "9 lives")
        b.paragraph([.init("One.")])
        let found = try #require(problems(b.records()))
        #expect(found.contains { $0.path.hasPrefix("/TEI") })
    }

    @Test func languageThatIsNotATagIsRejected() throws {
        var b = RecordsBuilder()
        b.paragraph([.init("One.")])
        let found = try #require(problems(b.records(language: "en_US")))
        #expect(found.contains { $0.path == "/TEI[@xml:id='treaty']" && $0.message.contains("en_US") })
    }

    @Test func badChecksumIsRejected() throws {
        var b = RecordsBuilder()
        b.paragraph([.init("One.")])
        let found = try #require(problems(b.records(sha256: "not-a-checksum")))
        #expect(found.contains { $0.path.hasPrefix("/TEI[@xml:id='treaty']/teiHeader/fileDesc/sourceDesc/bibl") })
    }

    @Test func inconsistentMentionsAreRefused() throws {
        var b = RecordsBuilder()
        b.paragraph([.init("Tōkyō and Japan.", [("Japan", "ent.japan")])])
        let good = b.records()
        func expectRefused(_ change: (inout DocumentRecords) -> Void, _ fragment: String) {
            var records = good
            change(&records)
            #expect {
                _ = try writer.write(records)
            } throws: { error in
                guard case TEIError.inconsistentRecords(_, let message) = error else { return false }
                return message.contains(fragment)
            }
        }
        expectRefused({ $0.mentions[0].rangeInSentence = 10..<100 }, "outside")
        expectRefused({ $0.mentions[0].rangeInSentence = 2..<4 }, "cuts a character")  // starts inside "ō"
        expectRefused({ $0.mentions[0].rangeInSentence = 5..<5 }, "empty")
        expectRefused({ $0.mentions.append($0.mentions[0]); $0.mentions[1].id = "treaty.m2" }, "overlaps")
        expectRefused({ $0.mentions[0].entityID = "ent.nowhere" }, "ent.nowhere")
        expectRefused({ $0.mentions[0].sentenceID = "treaty.b9.s9" }, "treaty.b9.s9")
        expectRefused({ $0.sentences[0].blockID = "treaty.b9" }, "treaty.b9")
        expectRefused({ $0.blocks[0].sectionID = "treaty.sec9" }, "treaty.sec9")
    }

    @Test func invalidTreeIsReportedWithElementPath() throws {
        // A tree built by hand with an element the schema does not allow inside a sentence.
        let tree = try TEIWriter(dataset: Fixtures.dataset).build(Fixtures.essay())
        let s = try #require(tree.root.pointee.children.flatMap { _ in firstElement(named: "s", under: tree.root) })
        tree.element("hi", text: "stray", in: s)
        let found = try RelaxNGValidator.scriptoriumTEI.get().validate(tree.doc)
        #expect(!found.isEmpty)
        #expect(found.contains { $0.path.hasPrefix("/TEI[@xml:id='treaty']/text/body/div[1]/p[@xml:id='treaty.b1']/s[@xml:id='treaty.b1.s1']/hi") })
        #expect(found.allSatisfy { $0.line == nil })
    }

    private func firstElement(named name: String, under node: XMLTree.Node) -> XMLTree.Node? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type.rawValue == 1, String(cString: c.pointee.name) == name { return c }
            if let found = firstElement(named: name, under: c) { return found }
            child = c.pointee.next
        }
        return nil
    }
}

