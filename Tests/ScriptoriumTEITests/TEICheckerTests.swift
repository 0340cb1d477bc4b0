import ScriptoriumModel
import Testing
import ScriptoriumTEI

/// The `validate` command's check of a TEI file against the schema and the CSV records.
@Suite struct TEICheckerTests {
    let records = Fixtures.essay()
    let bytes: [UInt8]

    init() throws {
        bytes = try TEIWriter(dataset: Fixtures.dataset).write(records)
    }

    var sentences: [(id: String, text: String)] { records.sentences.map { ($0.id, $0.text) } }
    var mentions: [(id: String, entityID: String)] { records.mentions.map { ($0.id, $0.entityID) } }

    func check(_ bytes: [UInt8], sentences: [(id: String, text: String)]? = nil,
               mentions: [(id: String, entityID: String)]? = nil) -> [String] {
        TEIChecker.check(fileBytes: bytes, path: "tei/treaty.xml", sentences: sentences ?? self.sentences,
                         mentions: mentions)
    }

    /// The file with its first occurrence of `old` replaced by `new`.
    func edited(_ old: String, _ new: String) throws -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        try #require(text.contains(old))
        return Array(text.replacing(old, with: new, maxReplacements: 1).utf8)
    }

    @Test func writtenFileAgreesWithItsRecords() {
        #expect(check(bytes).isEmpty)
        #expect(check(bytes, mentions: mentions).isEmpty)
    }

    /// The structured fixture, written, and the checker's findings on it (edited by `edit`, if given).
    func checkStructured(_ edit: ((String) -> String)? = nil) throws -> [String] {
        let records = Fixtures.structured()
        let written = String(decoding: try TEIWriter(dataset: Fixtures.dataset).write(records), as: UTF8.self)
        let text = edit?(written) ?? written
        if edit != nil { try #require(text != written, "the edit must change the file") }
        return TEIChecker.check(fileBytes: Array(text.utf8), path: "tei/structured.xml", records: records)
    }

    @Test func numbersMarkersAndVerbatimTextAgreeWithTheRecords() throws {
        #expect(try checkStructured().isEmpty)
    }

    @Test func changedNumberMarkerOrVerbatimTextIsReported() throws {
        let number = try checkStructured { $0.replacing(#"<head n="2.1">"#, with: #"<head n="2.2">"#) }
        #expect(number.count == 1)
        #expect(number.first?.contains(#"@n is "2.2", the CSV's number is "2.1""#) == true)
        #expect(number.first?.contains("head") == true)

        let marker = try checkStructured { $0.replacing(#" n="(a)""#, with: "") }
        #expect(marker.count == 1)
        #expect(marker.first?.contains(#"@n is absent, the CSV's marker is "(a)""#) == true)

        let verbatim = try checkStructured { $0.replacing("\treturn", with: "    return") }
        #expect(verbatim.count == 1)
        #expect(verbatim.first?.contains("ab[@xml:id='structured.b3']") == true)
        #expect(verbatim.first?.contains("text differs from the CSV") == true)
    }

    @Test func blockWrittenAsTheWrongElementIsReported() throws {
        // A verbatim block turned into a paragraph: valid TEI, but not what the CSV says.
        let problems = try checkStructured {
            $0.replacing(#"<ab type="verbatim" xml:id="structured.b3">"#, with: #"<p xml:id="structured.b3">"#)
                .replacing("}</ab>", with: "}</p>")
        }
        #expect(problems.count == 1)
        #expect(problems.first?.contains("is p, but the CSV's kind verbatim is written as ab") == true)
    }

    @Test func changedSentenceTextIsReportedWithPathAndLine() throws {
        let problems = check(try edited("Its significance extends", "Its significance extended"))
        #expect(problems.count == 1)
        let line = try #require(problems.first)
        #expect(line.hasPrefix("tei/treaty.xml:"))
        #expect(line.contains("s[@xml:id='treaty.b1.s2']"))
        #expect(line.contains("text differs from the CSV"))
    }

    @Test func missingAndExtraSentencesAreReported() {
        var expected = sentences
        let removed = expected.removeLast()
        expected.append((id: "treaty.b99.s1", text: "Not in the TEI."))
        let problems = check(bytes, sentences: expected)
        #expect(problems.contains { $0.contains("sentence treaty.b99.s1 has no s element") })
        #expect(problems.contains { $0.contains("sentence \(removed.id) is not in the CSV") })
    }

    @Test func sentencesOutOfOrderAreReported() {
        var expected = sentences
        expected.swapAt(0, 1)
        #expect(check(bytes, sentences: expected).contains { $0.contains("not in the order of the CSV") })
    }

    @Test func schemaViolationsAreReportedWithLine() throws {
        let problems = check(try edited("<s xml:id=\"treaty.b1.s1\">", "<s xml:id=\"treaty.b1.s1\" rend=\"bold\">"))
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("tei/treaty.xml:") })
        #expect(problems.contains { $0.contains("s[@xml:id='treaty.b1.s1']") })
    }

    @Test func duplicateIdsAreReported() throws {
        let problems = check(try edited("<s xml:id=\"treaty.b1.s2\">", "<s xml:id=\"treaty.b1.s1\">"))
        #expect(problems.contains { $0.contains("treaty.b1.s1") && $0.contains("already defined") })
        #expect(problems.contains { $0.contains("xml:id treaty.b1.s1 appears twice") })
        #expect(problems.contains { $0.contains("sentence treaty.b1.s2 has no s element") })
    }

    /// The parser keeps no table of `xml:id`s (see `TEIChecker`); the checker reports what that table did, in its words.
    @Test func idsThatAreNotNCNamesAreReported() throws {
        let problems = check(try edited("<s xml:id=\"treaty.b1.s2\">", "<s xml:id=\"1bad\">"))
        #expect(problems.contains { $0.hasPrefix("tei/treaty.xml:") && $0.hasSuffix(": xml:id : attribute value 1bad is not an NCName") })
        #expect(problems.contains { $0.contains("sentence treaty.b1.s2 has no s element") })
    }

    /// A repeated id is named at the place the parser was: later siblings (of the element and its ancestors) unread.
    @Test func aRepeatedIdIsNamedWhereTheParserMetIt() throws {
        let problems = check(try edited("<s xml:id=\"treaty.b1.s2\">", "<s xml:id=\"treaty.b1.s1\">"))
        let line = try #require(problems.first { $0.hasSuffix("ID treaty.b1.s1 already defined") })
        #expect(line.contains("/s[@xml:id='treaty.b1.s1']: ID"))
    }

    @Test func danglingRefAndWrongEntityAreReported() throws {
        let problems = check(try edited("ref=\"#ent.east-asia\"", "ref=\"#ent.nowhere\""), mentions: mentions)
        #expect(problems.contains { $0.contains("@ref #ent.nowhere does not point at an entity") })
        #expect(problems.contains { $0.contains("the CSV says entity ent.east-asia") })
    }

    @Test func missingMentionIsReported() {
        var expected = mentions
        expected.append((id: "treaty.m999", entityID: "ent.japan"))
        #expect(check(bytes, mentions: expected) == ["tei/treaty.xml: mention treaty.m999 has no element with @ref in the body"])
    }

    @Test func malformedFileIsReportedWithLine() {
        let problems = check(Array("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n</TEI>".utf8))
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("tei/treaty.xml:") })
        #expect(problems.contains { $0.hasPrefix("tei/treaty.xml:3:") })
    }

    @Test func externalEntitiesAreNotFetched() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>
            """
        let problems = check(Array(xml.utf8))
        #expect(!problems.isEmpty)
        #expect(!problems.contains { $0.contains("root:") })
    }

    @Test func longReportsAreCapped() {
        let many = (1...200).map { (id: "x.b1.s\($0)", text: "missing") }
        let problems = check(bytes, sentences: many)
        #expect(problems.count == TEIChecker.limit + 1)
        #expect(problems.last?.contains("more problems") == true)
    }
}
